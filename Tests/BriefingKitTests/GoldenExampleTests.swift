import Foundation
import Testing
@testable import BriefingKit

/// The committed `Output/` must be exactly what the committed `Content/` and `Templates/` build to.
/// Regenerate it with `swift run briefing build` at the top of the repository.
@Suite struct GoldenExampleTests {
    @Test func committedOutputMatchesAFreshBuildOfTheExample() throws {
        let output = Directory.temporary()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try Build.run(BuildOptions(sitePath: Directory.repository.path, outputPath: output.path))
        let fresh = try Directory.snapshot(output)
        let committed = try Directory.snapshot(Directory.repository.appending(path: "Output"))
        let hint = "Output/ is stale: run `swift run briefing build` at the top of the repository and commit Output/"
        #expect(Set(fresh.keys).subtracting(committed.keys).sorted() == [], "new files not in Output/. \(hint)")
        #expect(Set(committed.keys).subtracting(fresh.keys).sorted() == [], "files in Output/ that the build no longer writes. \(hint)")
        for path in fresh.keys.sorted() where committed[path] != nil && committed[path] != fresh[path] {
            Issue.record("\(path) differs. \(hint)")
        }
    }

    @Test func buildingTwiceGivesByteIdenticalFiles() throws {
        let first = Directory.temporary(), second = Directory.temporary()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        _ = try Build.run(BuildOptions(sitePath: Directory.repository.path, outputPath: first.path))
        _ = try Build.run(BuildOptions(sitePath: Directory.repository.path, outputPath: second.path))
        let a = try Directory.snapshot(first), b = try Directory.snapshot(second)
        #expect(a.count > 15)
        #expect(a == b)
    }

    @Test func theExampleMeetsTheBriefOfTheShowcase() throws {
        let root = Directory.repository.appending(path: "Content")
        func count(_ folder: String, _ ext: String) throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: root.appending(path: folder).path).filter { $0.hasSuffix(ext) }.count
        }
        #expect(try count("sources", ".md") >= 5)
        #expect(try count("topics", ".md") >= 3)
        #expect(try count("notes", ".md") >= 3)
        var log = DiagnosticLog()
        let content = try #require(SiteLoader.load(SiteLayout(path: Directory.repository.path), includeDrafts: true, log: &log))
        #expect(content.claims.count >= 12)
        let valuesBySubject = Dictionary(grouping: content.claims.filter { $0.value != nil }, by: { $0.subject ?? "" })
        #expect(valuesBySubject.values.contains { Set($0.compactMap(\.value)).count >= 2 }, "two conflicting figures for one subject")
    }

    @Test func theExampleShowsEveryStandingAndVerifiesEveryQuote() throws {
        let analysis = SiteAnalysis.run(SiteLayout(path: Directory.repository.path), includeDrafts: false, progress: { _, _ in })
        #expect(analysis.log.diagnostics.map(\.description) == [], "the example is clean under `briefing check`")
        let index = try #require(analysis.index), ledger = try #require(analysis.ledger)
        let standings = Set(ledger.assessments.values.map(\.standing))
        #expect(standings == [.disputed, .corroborated, .singleSource])
        #expect(ledger.assessments.values.contains { $0.reportCount > $0.origins.count }, "a case of circular reporting")
        for claim in index.claims {
            for (position, entry) in claim.sources.enumerated() where entry.quote != nil {
                guard case .verified = ledger.quoteChecks[claim.id]?[position] else {
                    Issue.record("\(claim.id): quote from \(entry.sourceID) is not verified")
                    continue
                }
            }
        }
    }
}
