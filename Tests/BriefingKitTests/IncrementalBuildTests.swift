import Foundation
import Testing
@testable import BriefingKit

/// Incremental builds: after any sequence of edits, a build into an output that an earlier build wrote gives the
/// very bytes a full build into an empty folder gives, while rendering only the pages an edit affects.
@Suite struct IncrementalBuildTests {
    // MARK: Equivalence over random edit sequences

    /// Seeds 1 and 2 build as `briefing serve` does, with the decoded files and parsed bodies of the earlier builds
    /// at hand (`BuildCache`); seed 3 as repeated `briefing build` commands do, from the cache files alone.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditSequencesGiveTheFullBuildsBytes(seed: UInt64) throws {
        let site = try TestSite.copyOfExample()
        let cache = seed < 3 ? BuildCache() : nil
        var editor = SiteEditor(site: site, seed: seed)
        var rendered = 0
        var written = 0
        var partial = 0
        _ = try site.build()
        for round in 1...30 {
            let edits = (0..<editor.random(1...3)).map { _ in editor.applyRandomEdit(round: round) }
            let incremental = Result { () throws(BuildFailure) in try site.build(cache: cache) }
            let fullOutput = Directory.temporary().appending(path: "Output")
            defer { try? FileManager.default.removeItem(at: fullOutput.deletingLastPathComponent()) }
            let full = Result { () throws(BuildFailure) in try site.build(output: fullOutput.path) }
            switch (incremental, full) {
            case (.success(let report), .success):
                #expect(try Directory.snapshot(site.root.appending(path: "Output")) == Directory.snapshot(fullOutput),
                        "seed \(seed), round \(round): after \(edits) the incremental output differs from a full build")
                rendered += report.pagesRendered
                written += report.pagesWritten
                if report.pagesRendered > 0, report.pagesRendered < report.pagesWritten { partial += 1 }
            case (.failure(let incrementalError), .failure(let fullError)):
                #expect(incrementalError.diagnostics.map(\.message) == fullError.diagnostics.map(\.message), "seed \(seed), round \(round): \(edits)")
                editor.revertLast()
                _ = try site.build(cache: cache)
            default:
                Issue.record("seed \(seed), round \(round): after \(edits) one build failed and the other did not: \(incremental) / \(full)")
            }
        }
        #expect(rendered < written, "the incremental builds rendered fewer pages than full builds would")
        #expect(partial >= 10, "most rounds re-rendered some pages but not all (\(partial) of 30)")
    }

    // MARK: Dependency cases

    @Test func anEditedNoteBodyRendersItsPageAndLeavesUnrelatedPagesAlone() throws {
        let site = try TestSite.copyOfExample()
        let first = try site.build()
        let unrelated = try site.inode("Output/notes/seoul-shifts-on-lethal-aid/index.html")
        let source = try site.inode("Output/sources/pentagon-briefing-2024-10-23/index.html")
        try site.edit("Content/notes/reading-the-troop-numbers.md") { $0 + "\nA sentence added by the test.\n" }
        let report = try site.build()
        #expect(report.pagesRendered < first.pagesWritten)
        #expect(try site.read("Output/notes/reading-the-troop-numbers/index.html").contains("A sentence added by the test."))
        #expect(try site.inode("Output/notes/seoul-shifts-on-lethal-aid/index.html") == unrelated, "an unrelated note page was not rendered again")
        #expect(try site.inode("Output/sources/pentagon-briefing-2024-10-23/index.html") == source)
    }

    @Test func aRetitledNoteUpdatesItsTopicsTheIndexAndTheSourcesItCites() throws {
        let site = try TestSite.copyOfExample()
        _ = try site.build()
        try site.edit("Content/notes/reading-the-troop-numbers.md") { $0.replacingFirst("title: Reading the Troop Numbers", with: "title: Counting the Troops") }
        _ = try site.build()
        #expect(try site.read("Output/index.html").contains("Counting the Troops"))
        #expect(try site.read("Output/topics/deployment/index.html").contains("Counting the Troops"))
        #expect(try site.read("Output/sources/seoul-wire-2024-10-24/index.html").contains("Counting the Troops"))
        #expect(try site.read("Output/print/index.html").contains("Counting the Troops"))
    }

    @Test func aSourceEditReachesTheNotesAndClaimsThatCiteIt() throws {
        let site = try TestSite.copyOfExample()
        _ = try site.build()
        try site.edit("Content/sources/seoul-wire-2024-10-24.md") { $0.replacingFirst("outlet: ", with: "outlet: Renamed ") }
        let report = try site.build()
        #expect(report.pagesRendered > 1)
        #expect(try site.read("Output/notes/reading-the-troop-numbers/index.html").contains("Renamed "))
        #expect(try site.read("Output/topics/deployment/index.html").contains("Renamed "))
        #expect(try site.read("Output/claims/index.html").contains("Renamed "))
    }

    @Test func aClaimsFigureChangeReachesEveryPageShowingTheDispute() throws {
        let site = try TestSite.copyOfExample()
        _ = try site.build()
        let before = try site.read("Output/topics/deployment/index.html")
        try site.edit("Content/claims/troop-numbers.yml") { $0.replacingFirst("value: 12000", with: "value: 10000") }
        _ = try site.build()
        let after = try site.read("Output/topics/deployment/index.html")
        #expect(before != after)
        let fresh = Directory.temporary().appending(path: "Output")
        defer { try? FileManager.default.removeItem(at: fresh.deletingLastPathComponent()) }
        _ = try site.build(output: fresh.path)
        #expect(try Directory.snapshot(site.root.appending(path: "Output")) == Directory.snapshot(fresh))
    }

    @Test func aPageTemplateReRendersItsOwnPagesOnlyAndTheLayoutEveryPage() throws {
        let site = try TestSite.copyOfExample()
        let first = try site.build()
        let sourcePage = try site.inode("Output/sources/pentagon-briefing-2024-10-23/index.html")
        let builtIn = try String(contentsOf: Directory.repository.appending(path: "Templates/note.mustache"), encoding: .utf8)
        try site.write("Templates/note.mustache", builtIn.replacingFirst("<article class=\"note\">", with: "<article class=\"note\"><!-- override -->"))
        let report = try site.build()
        #expect(report.pagesRendered == 4, "the four published notes")
        #expect(try site.read("Output/notes/reading-the-troop-numbers/index.html").contains("<!-- override -->"))
        #expect(try site.inode("Output/sources/pentagon-briefing-2024-10-23/index.html") == sourcePage)

        let layout = try String(contentsOf: Directory.repository.appending(path: "Templates/layout.mustache"), encoding: .utf8)
        try site.write("Templates/layout.mustache", layout + "\n")
        #expect(try site.build().pagesRendered == first.pagesWritten)
    }

    @Test func siteSettingsRenderEveryPage() throws {
        let site = try TestSite.copyOfExample()
        let first = try site.build()
        try site.edit("Content/site.yml") { $0.replacingFirst("title: ", with: "title: Revised ") }
        let report = try site.build()
        #expect(report.pagesRendered == first.pagesWritten)
        #expect(try site.read("Output/sources/pentagon-briefing-2024-10-23/index.html").contains("Revised "))
    }

    @Test func aLinkIntoAPageThatLostItsAnchorIsStillCaught() throws {
        let site = try TestSite.copyOfExample()
        _ = try site.build()
        try site.edit("Content/notes/reading-the-troop-numbers.md") { $0 + "\nSee [the claim](../../claims/index.html#claim-nis-3000-deployed).\n" }
        _ = try site.build()
        // Renaming the claim removes its anchor from the claims page; the note that links to it is unchanged.
        try site.edit("Content/claims/troop-numbers.yml") { $0.replacingFirst("- id: nis-3000-deployed", with: "- id: nis-3000-sent") }
        let errors = site.failingBuild()
        #expect(errors.contains { $0.contains("Content/notes/reading-the-troop-numbers.md") && $0.contains("claim-nis-3000-deployed") }, "\(errors)")
    }

    @Test func aRemovedPageFallsBackToRenderingEverything() throws {
        let site = try TestSite.copyOfExample()
        let first = try site.build()
        try site.remove("Content/notes/seoul-shifts-on-lethal-aid.md")
        let report = try site.build()
        #expect(report.pagesRendered == first.pagesWritten - 1)
        #expect(!site.exists("Output/notes/seoul-shifts-on-lethal-aid/index.html"))
    }

    @Test func aCacheFromAnotherBinaryOrAnOutputEditedByHandIsNotTrusted() throws {
        let site = try TestSite.copyOfExample()
        let first = try site.build()
        let cachePath = ".briefing-cache/Output.pages.json"
        let cache = try site.read(cachePath)
        try site.edit("Content/notes/reading-the-troop-numbers.md") { $0 + "\nOne more line.\n" }
        try site.write(cachePath, cache.replacingFirst("\"binary\":\"", with: "\"binary\":\"another "))
        #expect(try site.build().pagesRendered == first.pagesWritten)

        try site.edit("Content/notes/reading-the-troop-numbers.md") { $0 + "\nAnd another.\n" }
        try site.write("Output/sources/pentagon-briefing-2024-10-23/index.html", "edited by hand")
        #expect(try site.build().pagesRendered == first.pagesWritten)
        #expect(try site.read("Output/sources/pentagon-briefing-2024-10-23/index.html").contains("<!DOCTYPE html>"))

        try site.write(cachePath, "not json")
        try site.edit("Content/notes/reading-the-troop-numbers.md") { $0 + "\nAnd a third.\n" }
        #expect(try site.build().pagesRendered == first.pagesWritten)
    }

    @Test func aProcessThatBuildsAgainSeesAnEditMadeAtOnceWithTheSameSize() throws {
        let site = try TestSite.minimal()
        let cache = BuildCache()
        _ = try site.build(cache: cache)
        // Same length, same second: only the bytes differ.
        try site.edit("Content/notes/first.md") { $0.replacingFirst("Something happened", with: "Something occurred") }
        _ = try site.build(cache: cache)
        #expect(try site.read("Output/notes/first/index.html").contains("Something occurred"))
        try site.edit("Content/notes/first.md") { $0.replacingFirst("[@src, para 1]", with: "[@nowhere]") }
        #expect(site.failingBuild().contains { $0.contains("unknown source 'nowhere'") })
        #expect(throws: BuildFailure.self) { try site.build(cache: cache) }
    }

    @Test func eachPageNamesItsTemplateBeforeItIsBuilt() throws {
        let analysis = SiteAnalysis.run(SiteLayout(path: Directory.repository.path, pathsRelativeToSite: true), includeDrafts: true) { _, _ in }
        let index = try #require(analysis.index)
        let builder = PageBuilder(index: index, ledger: try #require(analysis.ledger))
        for spec in builder.specs() {
            #expect(builder.template(of: spec) == builder.page(for: spec).template)
        }
    }
}

extension TestSite {
    /// A copy of the example briefing's `Content/`.
    static func copyOfExample() throws -> TestSite {
        let site = try TestSite()
        try FileManager.default.copyItem(at: Directory.repository.appending(path: "Content"), to: site.root.appending(path: "Content"))
        return site
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        try write(path, change(try read(path)))
    }

    func inode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: root.appending(path: path).path)
        return try #require(attributes[.systemFileNumber] as? Int)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
