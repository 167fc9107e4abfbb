import Foundation
import Testing
@testable import BriefingKit

/// `briefing extract` and its files: where it writes, what it never touches, and how it keeps an analyst's edits.
@Suite struct ExtractFileTests {
    private static let sources = [
        "Content/site.yml": "title: Test\n",
        "Content/sources/alpha.md": "---\ntitle: A\noutlet: Alpha Times\n---\nAbout 4,200 dockworkers walked off the job at the Port of Valmora on Monday.\n\nThe port authority has offered a 4% pay rise, officials said.\n",
        "Content/sources/beta.md": "---\ntitle: B\noutlet: Beta Post\n---\nRoughly 4,200 port workers have been on strike at the Port of Valmora since Monday, the union said.\n",
        "Content/sources/gamma.md": "---\ntitle: C\noutlet: Gamma Daily\n---\nA storm closed 12 schools in Orlu on Friday, the city council said.\n",
        "Content/claims/ledger.yml": "- id: storm-schools\n  statement: A storm closed 12 schools in Orlu.\n  sources:\n    - source: gamma\n      quote: closed 12 schools in Orlu\n",
    ]

    private func site() throws -> TestSite { try TestSite(Self.sources) }

    private func run(_ site: TestSite, out: String? = nil, only: [String]? = nil, ignoreLedger: Bool = false) throws(ExtractFailure) -> ExtractReport {
        try Extract.run(ExtractOptions(sitePath: site.path, sourceIDs: only, outputPath: out.map { site.root.appending(path: $0).path }, ignoreLedger: ignoreLedger))
    }

    @Test func writesCandidatesBesideTheLedgerAndLeavesTheLedgerAlone() throws {
        let site = try site()
        let report = try run(site)
        #expect(report.candidates == 2 && report.multiSourceCandidates == 1)
        let text = try site.read("Content/claims/_candidates.yml")
        #expect(text.contains("value: 4200"))
        #expect(text.contains("    - source: alpha\n") && text.contains("    - source: beta\n"))
        #expect(!text.contains("storm"), "a claim already in the ledger is not proposed again")
        #expect(try site.read("Content/claims/ledger.yml") == Self.sources["Content/claims/ledger.yml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appending(path: "Content/claims").path).sorted() == ["_candidates.yml", "ledger.yml"])
    }

    @Test func anUnchangedRunSaysSo() throws {
        let site = try site()
        _ = try run(site)
        let again = try run(site)
        #expect(again.unchanged && again.leftAlonePath == nil)
    }

    @Test func anEditedCandidatesFileIsNeverOverwritten() throws {
        let site = try site()
        _ = try run(site)
        let edited = try site.read("Content/claims/_candidates.yml").replacingOccurrences(of: "kind: figure", with: "kind: figure # checked")
        try site.write("Content/claims/_candidates.yml", edited)
        let report = try run(site)
        #expect(try site.read("Content/claims/_candidates.yml") == edited)
        #expect(report.leftAlonePath?.hasSuffix("Content/claims/_candidates.yml") == true)
        #expect(report.writtenPath.hasSuffix("Content/claims/_candidates.new.yml"))
        #expect(CandidateFile.isUnedited(try site.read("Content/claims/_candidates.new.yml")))
        // The side file is the tool's own: the next run updates it in place, and still leaves the edited one alone.
        let third = try run(site)
        #expect(third.writtenPath.hasSuffix("_candidates.new.yml") && third.unchanged)
    }

    @Test func aFileWithoutTheDigestCountsAsEdited() throws {
        let site = try site()
        try site.write("Content/claims/_candidates.yml", "- id: mine\n  statement: typed by hand\n  sources: [alpha]\n")
        let report = try run(site)
        #expect(report.writtenPath.hasSuffix("_candidates.new.yml"))
        #expect(try site.read("Content/claims/_candidates.yml").hasPrefix("- id: mine"))
    }

    @Test func refusesToWriteIntoTheLedger() throws {
        let site = try site()
        #expect(throws: ExtractFailure.self) { try run(site, out: "Content/claims/ledger.yml") }
        #expect(throws: ExtractFailure.self) { try run(site, out: "Content/claims/more.yml") }
        #expect(throws: ExtractFailure.self) { try run(site, out: "Content/sources/_candidates.yml") }
        #expect(try site.read("Content/claims/ledger.yml") == Self.sources["Content/claims/ledger.yml"])
        #expect(!site.exists("Content/claims/more.yml"))
    }

    @Test func writesWhereToldOutsideContent() throws {
        let site = try site()
        let report = try run(site, out: "drafts/candidates.yml")
        #expect(report.writtenPath.hasSuffix("drafts/candidates.yml"))
        #expect(site.exists("drafts/candidates.yml") && !site.exists("Content/claims/_candidates.yml"))
    }

    @Test func onlyTheChosenSourcesAreRead() throws {
        let site = try site()
        let report = try run(site, only: ["alpha", "gamma"], ignoreLedger: true)
        #expect(report.sourcesRead == 2)
        let text = try site.read("Content/claims/_candidates.yml")
        #expect(!text.contains("source: beta") && text.contains("source: gamma"))
        #expect(throws: ExtractFailure.self) { try run(site, only: ["alpha", "nope"]) }
    }

    @Test func theDigestNoticesAnyChange() {
        let extraction = Extraction(candidates: [], additions: [], sourceCount: 0, statementCount: 0)
        let text = CandidateFile.contents(extraction)
        #expect(CandidateFile.isUnedited(text))
        #expect(!CandidateFile.isUnedited(text + " "))
        #expect(!CandidateFile.isUnedited(text.replacingOccurrences(of: "[]", with: "[ ]")))
        #expect(FNV1a.hex("") == "cbf29ce484222325" && FNV1a.hex("a") == "af63dc4c8601ec8c")
    }

    @Test func quotesSurviveYAMLQuoting() throws {
        for text in ["say \"no\"", #"back\slash"#, "line\nbreak\ttab", "curly “quotes” and ’", "#hash: colon - dash", "\u{7}bell"] {
            let yaml = "- " + CandidateYAML.quoted(text) + "\n"
            let node = try #require(try YAMLDocument.parse(yaml, path: "t.yml", firstLine: 1))
            #expect(node.sequenceItems?.first?.scalarText == text)
        }
    }
}
