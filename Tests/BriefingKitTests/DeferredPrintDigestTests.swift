import Foundation
import Testing
@testable import BriefingKit

/// With the built-in theme, the printable digest's notes, claims, topic texts and footnotes are made as the renderer
/// reaches them, so that the page never holds every note's body at once. The page must come out byte for byte as
/// when everything is made first: same footnote numbers, same "printed under" references, same anchors.
@Suite struct DeferredPrintDigestTests {
    static func printPage(of sitePath: String, deferred: Bool) throws -> (page: String, theme: Theme) {
        let analysis = SiteAnalysis.run(SiteLayout(path: sitePath, pathsRelativeToSite: true), includeDrafts: false) { _, _ in }
        let index = try #require(analysis.index), ledger = try #require(analysis.ledger), theme = try #require(analysis.theme)
        let builder = PageBuilder(index: index, ledger: ledger, deferPrintDigest: deferred)
        return (theme.render(builder.printPage()), theme)
    }

    /// Notes under several topics and none, GFM footnotes that cite sources, topic texts with citations, and claims
    /// under several topics and none: every way the page's parts share state.
    static func tangledSite() throws -> TestSite {
        try TestSite.minimal([
            "Content/topics/beta.md": "---\ntitle: Beta\n---\nBeta's own text [@src; @other, p. 2].\n",
            "Content/sources/other.md": "---\ntitle: Other Report\noutlet: Other Outlet\n---\nIt also says 3,000 soldiers arrived.\n",
            "Content/notes/second.md": "---\ntitle: Second\ndate: 2024-10-25\ntopics: [beta, alpha]\n---\nBoth topics [@other].[^a]\n\n[^a]: A footnote citing [@src, para 1].\n",
            "Content/notes/third.md": "---\ntitle: Third\ndate: 2024-10-26\ntopics: [beta]\n---\nSee [the first](../first/index.html) [@src] and again [@other].\n",
            "Content/notes/loose.md": "---\ntitle: Loose\ndate: 2024-10-27\n---\nNo topic at all [@other].[^b]\n\n[^b]: Plain footnote.\n",
            "Content/claims/more.yml": "- id: both\n  statement: Soldiers arrived.\n  topics: [alpha, beta]\n  sources:\n    - source: other\n      quote: 3,000 soldiers arrived\n- id: unfiled\n  statement: Unfiled.\n  sources:\n    - source: src\n",
        ])
    }

    @Test func theTangledSiteComesOutTheSameDeferredOrNot() throws {
        let site = try Self.tangledSite()
        let (deferred, theme) = try Self.printPage(of: site.path, deferred: true)
        let (eager, _) = try Self.printPage(of: site.path, deferred: false)
        #expect(theme.rendersPrintDigestInPageOrder)
        #expect(deferred == eager)
        #expect(deferred.contains("Printed in full under"), "the site has a note printed under two topics")
        #expect(deferred.contains("Other notes and claims"))
    }

    @Test func theExampleComesOutTheSameDeferredOrNot() throws {
        let (deferred, theme) = try Self.printPage(of: Directory.repository.path, deferred: true)
        let (eager, _) = try Self.printPage(of: Directory.repository.path, deferred: false)
        #expect(theme.rendersPrintDigestInPageOrder)
        #expect(deferred == eager)
    }

    @Test(arguments: ["print", "claim", "footnotes", "layout"])
    func overridingATemplateOfThePrintableDigestMakesItWhole(_ template: String) throws {
        let site = try Self.tangledSite()
        let original = try String(contentsOf: Directory.repository.appending(path: "Templates/\(template).mustache"), encoding: .utf8)
        try site.write("Templates/\(template).mustache", original + "\n")
        let analysis = SiteAnalysis.run(SiteLayout(path: site.path, pathsRelativeToSite: true), includeDrafts: false) { _, _ in }
        #expect(try #require(analysis.theme).rendersPrintDigestInPageOrder == false)
        _ = try site.build()
        #expect(try site.read("Output/print/index.html").contains("Printed in full under"))
    }

    @Test func overridingAnotherTemplateKeepsItDeferred() throws {
        let site = try Self.tangledSite()
        let original = try String(contentsOf: Directory.repository.appending(path: "Templates/note.mustache"), encoding: .utf8)
        try site.write("Templates/note.mustache", original + "\n")
        let analysis = SiteAnalysis.run(SiteLayout(path: site.path, pathsRelativeToSite: true), includeDrafts: false) { _, _ in }
        #expect(try #require(analysis.theme).rendersPrintDigestInPageOrder)
    }
}
