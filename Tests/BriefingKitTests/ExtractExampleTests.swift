import Foundation
import Testing
@testable import BriefingKit

/// `briefing extract` on the example site in Content/: the figures several reports share become single candidates
/// with all their sources, conflicting figures share a subject, and every quote passes the quote check.
@Suite struct ExtractExampleTests {
    private static func exampleSources() -> [Source] {
        let layout = SiteLayout(path: Directory.repository.path)
        var log = DiagnosticLog()
        return layout.files(in: "sources", withExtension: "md", log: &log).compactMap {
            SourceLoader.load(id: $0.name, url: $0.url, displayPath: $0.displayPath, log: &log)
        }
    }

    private static func exampleLedger() -> [Claim] {
        let layout = SiteLayout(path: Directory.repository.path)
        var log = DiagnosticLog()
        return layout.files(in: "claims", withExtension: "yml", log: &log).flatMap {
            ClaimLoader.load(url: $0.url, displayPath: $0.displayPath, log: &log)
        }
    }

    @Test func sharedFiguresBecomeOneCandidateWithAllTheirSources() throws {
        let extraction = Extractor.extract(sources: Self.exampleSources(), ledger: [])
        let threeThousand = try #require(extraction.candidates.first { $0.value == 3000 })
        #expect(Set(threeThousand.sources.map(\.source)) == [
            "kyiv-independent-2024-10-23", "seoul-wire-2024-10-24", "ukraine-news-wire-2024-10-23", "war-digest-day-973-2024-10-23",
        ])
        let tenThousand = try #require(extraction.candidates.first { $0.value == 10000 && $0.sources.count > 1 })
        #expect(Set(tenThousand.sources.map(\.source)).isSuperset(of: [
            "seoul-wire-2024-10-24", "ukraine-news-wire-2024-10-23", "war-digest-day-973-2024-10-23",
        ]))
        #expect(extraction.candidates.filter { $0.value == 3000 }.count == 1)
    }

    @Test func conflictingFiguresShareASubject() throws {
        let extraction = Extractor.extract(sources: Self.exampleSources(), ledger: [])
        let ten = try #require(extraction.candidates.first { $0.value == 10000 && $0.sources.count > 1 })
        let twelve = try #require(extraction.candidates.first { $0.value == 12000 })
        #expect(ten.subject != nil && ten.subject == twelve.subject)
        #expect(ten.conflictsWith.contains { $0.hasPrefix(twelve.id + " ") })
        #expect(twelve.conflictsWith.contains { $0.hasPrefix(ten.id + " ") })
        // A count of troops sent is not a rival to a planned total.
        let three = try #require(extraction.candidates.first { $0.value == 3000 })
        #expect(three.subject != ten.subject)
    }

    @Test func ledgerClaimsAreNotProposedAgainButGetTheirNewSources() throws {
        let ledger = Self.exampleLedger()
        let extraction = Extractor.extract(sources: Self.exampleSources(), ledger: ledger)
        #expect(!extraction.candidates.contains { [3000, 10000, 12000, 1500, 11000, 18].contains($0.value ?? -1) })
        let added = try #require(extraction.additions.first { $0.addsTo == "nis-3000-deployed" })
        #expect(added.sources.map(\.source) == ["war-digest-day-973-2024-10-23"])
        #expect(added.subject == "dprk-troops-in-russia")
        let kremlin = try #require(extraction.additions.first { $0.addsTo == "kremlin-fake-news" })
        #expect(kremlin.sources.map(\.source).contains("war-digest-day-973-2024-10-23"))
        // Additions never repeat a source the claim already has.
        for addition in extraction.additions {
            let claim = try #require(ledger.first { $0.id == addition.addsTo })
            #expect(Set(claim.sources.map(\.sourceID)).isDisjoint(with: addition.sources.map(\.source)))
        }
    }

    @Test func everyQuoteIsVerbatimAndPassesTheQuoteCheck() throws {
        let sources = Self.exampleSources()
        let bodies = Dictionary(uniqueKeysWithValues: sources.map { ($0.id, $0.body?.text ?? "") })
        for ledger in [[], Self.exampleLedger()] {
            let extraction = Extractor.extract(sources: sources, ledger: ledger)
            for candidate in extraction.candidates + extraction.additions {
                for entry in candidate.sources {
                    let body = try #require(bodies[entry.source])
                    #expect(body.contains(entry.quote), "\(candidate.id): quote is not a substring of \(entry.source)")
                    #expect(QuoteMatcher.find(entry.quote, in: body) == .found(paragraph: entry.paragraph), "\(candidate.id) in \(entry.source)")
                }
            }
        }
    }

    @Test func candidatesFileIsValidClaimsYAML() throws {
        let extraction = Extractor.extract(sources: Self.exampleSources(), ledger: [])
        let folder = FileManager.default.temporaryDirectory.appending(path: "extract-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appending(path: "candidates.yml")
        try Data(CandidateFile.contents(extraction).utf8).write(to: url)
        var log = DiagnosticLog()
        let claims = ClaimLoader.load(url: url, displayPath: "candidates.yml", log: &log)
        #expect(!log.hasErrors, "\(log.diagnostics)")
        #expect(log.diagnostics.allSatisfy { $0.message.hasPrefix("unknown field") })
        #expect(claims.count == extraction.candidates.count)
        for (claim, candidate) in zip(claims, extraction.candidates) {
            #expect(claim.id == candidate.id && claim.statement == candidate.statement && claim.subject == candidate.subject && claim.value == candidate.value)
            #expect(claim.sources.map(\.quote) == candidate.sources.map(\.quote))
            #expect(claim.sources.map(\.locator) == candidate.sources.map { "para \($0.paragraph)" })
            #expect(Slug.isValid(claim.id))
        }
    }

    @Test func outputIsDeterministic() {
        let sources = Self.exampleSources()
        let ledger = Self.exampleLedger()
        let first = CandidateFile.contents(Extractor.extract(sources: sources, ledger: ledger))
        let second = CandidateFile.contents(Extractor.extract(sources: sources.reversed().sorted { $0.id < $1.id }, ledger: ledger))
        #expect(first == second)
    }

    /// The example's committed candidates file is what `briefing extract` writes today; regenerate it with
    /// `swift run briefing extract` after changing the extractor or the example's sources or claims.
    @Test func committedCandidatesFileIsCurrent() throws {
        let committed = try String(contentsOf: Directory.repository.appending(path: "Content/claims/_candidates.yml"), encoding: .utf8)
        #expect(committed == CandidateFile.contents(Extractor.extract(sources: Self.exampleSources(), ledger: Self.exampleLedger())))
    }
}

/// The walk-through of the README: extract, accept, check. Accepted candidates pass every check of the build, and
/// the conflicting figures come out disputed.
@Suite struct ExtractAcceptanceTests {
    @Test func acceptedCandidatesPassTheChecksAndConflictsAreDisputed() throws {
        let site = try TestSite()
        let repository = Directory.repository
        for folder in ["sources", "topics", "notes"] {
            let from = repository.appending(path: "Content/\(folder)")
            for name in try FileManager.default.contentsOfDirectory(atPath: from.path) {
                try site.write("Content/\(folder)/\(name)", try String(contentsOf: from.appending(path: name), encoding: .utf8))
            }
        }
        try site.write("Content/site.yml", try String(contentsOf: repository.appending(path: "Content/site.yml"), encoding: .utf8))
        _ = try Extract.run(ExtractOptions(sitePath: site.path, ignoreLedger: true))
        // The analyst accepts every candidate as it stands.
        try site.write("Content/claims/accepted.yml", try site.read("Content/claims/_candidates.yml"))
        try site.remove("Content/claims/_candidates.yml")

        let analysis = SiteAnalysis.run(SiteLayout(path: site.path, pathsRelativeToSite: true), includeDrafts: true, progress: { _, _ in })
        let errors = analysis.log.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        #expect(!analysis.log.diagnostics.contains { $0.message.contains("quote") || $0.message.contains("locator") })
        let ledger = try #require(analysis.ledger)
        var log = DiagnosticLog()
        let claims = ClaimLoader.load(url: site.root.appending(path: "Content/claims/accepted.yml"), displayPath: "accepted.yml", log: &log)
        let ten = try #require(claims.first { $0.value == 10000 && $0.sources.count > 1 })
        let twelve = try #require(claims.first { $0.value == 12000 })
        #expect(ledger.assessments[ten.id]?.standing == .disputed)
        #expect(ledger.assessments[twelve.id]?.standing == .disputed)
    }
}
