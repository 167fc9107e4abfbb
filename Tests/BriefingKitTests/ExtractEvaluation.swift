import Foundation
@testable import BriefingKit

/// Scores `briefing extract` against a hand-labelled set of source texts (Fixtures/Extract/<set>/): `sources/*.md`
/// and `expected.yml`, which groups every factual statement of the texts into claims.
///
/// Definitions. A gold mention is (claim, source, fragment); a candidate's quote from that source *finds* it when
/// the quote contains the fragment (both normalised as the quote check does). Then:
/// - statements: recall = gold mentions found / gold mentions; precision = candidate quotes that find a gold
///   mention / all candidate quotes;
/// - clustering, over links (unordered pairs of mentions in one claim or candidate): precision = candidate links
///   whose two quotes find two different gold mentions of one claim / all candidate links; recall = gold links
///   whose two mentions are found by two quotes of one candidate / gold links;
/// - claims: a candidate *is* a gold claim when its quotes find every mention of the claim and each quote finds a
///   mention of it; recall = gold claims that some candidate is / gold claims (also for claims with two or more
///   sources), precision = candidates that are a gold claim / candidates finding any gold mention;
/// - conflicts, over pairs of claims with one subject and different values: a gold claim's candidate is the one
///   finding most of its mentions; recall = gold conflict pairs whose candidates share a subject / gold conflict
///   pairs; precision = candidate pairs sharing a subject with different values whose candidates' claims form a
///   gold conflict pair / all such candidate pairs.
struct ExtractEvaluation {
    struct GoldMention {
        let claim: Int
        let source: String
        let fragment: String
    }

    struct GoldClaim {
        let id: String
        let subject: String?
        let value: Double?
    }

    struct Scores: CustomStringConvertible {
        var texts = 0, goldClaims = 0, multiSourceClaims = 0, goldMentions = 0, goldLinks = 0, candidates = 0, goldConflicts = 0
        var statementPrecision = 0.0, statementRecall = 0.0
        var linkPrecision = 0.0, linkRecall = 0.0
        var claimPrecision = 0.0, claimRecall = 0.0, multiSourceClaimRecall = 0.0
        var conflictPrecision = 0.0, conflictRecall = 0.0

        var description: String {
            func p(_ x: Double) -> String { String(format: "%.2f", x) }
            return """
                \(texts) texts, \(goldClaims) labelled claims (\(multiSourceClaims) with 2+ sources), \(goldMentions) labelled mentions, \
                \(goldLinks) gold links, \(goldConflicts) gold conflict pairs; \(candidates) candidates
                statements: precision \(p(statementPrecision)), recall \(p(statementRecall))
                clustering links: precision \(p(linkPrecision)), recall \(p(linkRecall))
                claims (exact): precision \(p(claimPrecision)), recall \(p(claimRecall)), multi-source recall \(p(multiSourceClaimRecall))
                conflicts: precision \(p(conflictPrecision)), recall \(p(conflictRecall))
                """
        }
    }

    let claims: [GoldClaim]
    let mentions: [GoldMention]
    let sources: [Source]

    /// Fixtures/Extract/<name>.
    static func directory(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/Extract/\(name)", directoryHint: .isDirectory)
    }

    init(set name: String) throws {
        let root = Self.directory(name)
        let sourceFolder = root.appending(path: "sources", directoryHint: .isDirectory)
        var log = DiagnosticLog()
        sources = try FileManager.default.contentsOfDirectory(atPath: sourceFolder.path).filter { $0.hasSuffix(".md") }.sorted().compactMap { name in
            SourceLoader.load(id: String(name.dropLast(3)), url: sourceFolder.appending(path: name), displayPath: name, log: &log)
        }
        let yaml = try String(contentsOf: root.appending(path: "expected.yml"), encoding: .utf8)
        var claims: [GoldClaim] = []
        var mentions: [GoldMention] = []
        for item in try YAMLDocument.parse(yaml, path: "expected.yml", firstLine: 1)?.sequenceItems ?? [] {
            let fields = Dictionary(uniqueKeysWithValues: (item.mappingEntries ?? []).map { ($0.key, $0.value) })
            let claim = GoldClaim(
                id: fields["claim"]?.scalarText ?? "", subject: fields["subject"]?.scalarText,
                value: fields["value"]?.scalarText.flatMap(Double.init)
            )
            for entry in fields["mentions"]?.sequenceItems ?? [] {
                for (source, _, fragment) in entry.mappingEntries ?? [] {
                    mentions.append(GoldMention(claim: claims.count, source: source, fragment: fragment.scalarText ?? ""))
                }
            }
            claims.append(claim)
        }
        self.claims = claims
        self.mentions = mentions
    }

    /// Runs the extractor on the set (with an empty ledger) and scores it.
    func run() -> (scores: Scores, extraction: Extraction) {
        let extraction = Extractor.extract(sources: sources, ledger: [])
        return (score(extraction.candidates), extraction)
    }

    func score(_ candidates: [Candidate]) -> Scores {
        var scores = Scores()
        scores.texts = sources.count
        scores.goldClaims = claims.count
        scores.goldMentions = mentions.count
        scores.candidates = candidates.count
        let normalisedFragments = mentions.map { QuoteNormaliser.normalise($0.fragment).text }
        // For each candidate quote, the gold mentions it finds.
        let found: [[Set<Int>]] = candidates.map { candidate in
            candidate.sources.map { entry in
                let quote = QuoteNormaliser.normalise(entry.quote).text
                return Set(mentions.indices.filter { mentions[$0].source == entry.source && quote.contains(normalisedFragments[$0]) })
            }
        }
        let allQuotes = found.flatMap { $0 }
        let foundMentions = allQuotes.reduce(into: Set<Int>()) { $0.formUnion($1) }
        scores.statementRecall = ratio(foundMentions.count, mentions.count)
        scores.statementPrecision = ratio(allQuotes.filter { !$0.isEmpty }.count, allQuotes.count)

        // Links.
        var goldLinks = Set<[Int]>()
        for a in mentions.indices {
            for b in mentions.indices where a < b && mentions[a].claim == mentions[b].claim { goldLinks.insert([a, b]) }
        }
        scores.goldLinks = goldLinks.count
        var predictedLinks = 0, correctLinks = 0
        var recoveredLinks = Set<[Int]>()
        for quotes in found {
            for i in quotes.indices {
                for j in quotes.indices where i < j {
                    predictedLinks += 1
                    var correct = false
                    for a in quotes[i] {
                        for b in quotes[j] where a != b && mentions[a].claim == mentions[b].claim {
                            correct = true
                            recoveredLinks.insert([min(a, b), max(a, b)])
                        }
                    }
                    if correct { correctLinks += 1 }
                }
            }
        }
        scores.linkPrecision = ratio(correctLinks, predictedLinks)
        scores.linkRecall = ratio(recoveredLinks.count, goldLinks.count)

        // Exact claims.
        let mentionsOfClaim = Dictionary(grouping: mentions.indices, by: { mentions[$0].claim })
        func isClaim(_ quotes: [Set<Int>], _ claim: Int) -> Bool {
            let wanted = Set(mentionsOfClaim[claim] ?? [])
            let covered = quotes.reduce(into: Set<Int>()) { $0.formUnion($1.intersection(wanted)) }
            return covered == wanted && quotes.allSatisfy { !$0.intersection(wanted).isEmpty }
        }
        let exact = claims.indices.filter { claim in found.contains { isClaim($0, claim) } }
        let multi = claims.indices.filter { Set((mentionsOfClaim[$0] ?? []).map { mentions[$0].source }).count > 1 }
        scores.multiSourceClaims = multi.count
        scores.claimRecall = ratio(exact.count, claims.count)
        scores.multiSourceClaimRecall = ratio(multi.filter(exact.contains).count, multi.count)
        let relevant = found.filter { $0.contains { !$0.isEmpty } }
        scores.claimPrecision = ratio(relevant.filter { quotes in claims.indices.contains { isClaim(quotes, $0) } }.count, relevant.count)

        // Conflicts.
        func majorityClaim(_ quotes: [Set<Int>]) -> Int? {
            var counts: [Int: Int] = [:]
            for quote in quotes { for mention in quote { counts[mentions[mention].claim, default: 0] += 1 } }
            return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        }
        func isGoldConflict(_ a: Int, _ b: Int) -> Bool {
            guard let sa = claims[a].subject, let va = claims[a].value, let vb = claims[b].value else { return false }
            return sa == claims[b].subject && va != vb
        }
        var goldConflicts: [(Int, Int)] = []
        for a in claims.indices { for b in claims.indices where a < b && isGoldConflict(a, b) { goldConflicts.append((a, b)) } }
        scores.goldConflicts = goldConflicts.count
        func candidateOf(_ claim: Int) -> Int? {
            let wanted = Set(mentionsOfClaim[claim] ?? [])
            let counts = found.map { quotes in quotes.reduce(0) { $0 + $1.intersection(wanted).count } }
            guard let best = counts.max(), best > 0 else { return nil }
            return counts.firstIndex(of: best)
        }
        func conflicting(_ a: Int, _ b: Int) -> Bool {
            guard let subject = candidates[a].subject, let va = candidates[a].value, let vb = candidates[b].value else { return false }
            return subject == candidates[b].subject && va != vb
        }
        scores.conflictRecall = ratio(goldConflicts.filter { pair in
            guard let a = candidateOf(pair.0), let b = candidateOf(pair.1), a != b else { return false }
            return conflicting(a, b)
        }.count, goldConflicts.count)
        var predictedConflicts = 0, correctConflicts = 0
        for a in candidates.indices {
            for b in candidates.indices where a < b && conflicting(a, b) {
                predictedConflicts += 1
                if let ca = majorityClaim(found[a]), let cb = majorityClaim(found[b]), isGoldConflict(ca, cb) { correctConflicts += 1 }
            }
        }
        scores.conflictPrecision = ratio(correctConflicts, predictedConflicts)
        return scores
    }

    /// What the scores count against the extractor, in words: gold links not recovered, candidate links that
    /// join different claims, and each candidate's quotes (for tuning; printed when EXTRACT_EVAL_VERBOSE is set).
    func explain(_ candidates: [Candidate]) -> String {
        let normalisedFragments = mentions.map { QuoteNormaliser.normalise($0.fragment).text }
        func finds(_ entry: CandidateSource) -> [Int] {
            let quote = QuoteNormaliser.normalise(entry.quote).text
            return mentions.indices.filter { mentions[$0].source == entry.source && quote.contains(normalisedFragments[$0]) }
        }
        var lines: [String] = []
        var candidateOfMention: [Int: Int] = [:]
        for (index, candidate) in candidates.enumerated() {
            for entry in candidate.sources { for mention in finds(entry) where candidateOfMention[mention] == nil { candidateOfMention[mention] = index } }
        }
        for a in mentions.indices {
            for b in mentions.indices where a < b && mentions[a].claim == mentions[b].claim {
                if candidateOfMention[a] == nil || candidateOfMention[a] != candidateOfMention[b] {
                    lines.append("MISSED LINK \(claims[mentions[a].claim].id): “\(mentions[a].fragment)” [\(candidateOfMention[a].map { candidates[$0].id } ?? "not found")] ~ “\(mentions[b].fragment)” [\(candidateOfMention[b].map { candidates[$0].id } ?? "not found")]")
                }
            }
        }
        for candidate in candidates {
            let claimSets = candidate.sources.map { Set(finds($0).map { claims[mentions[$0].claim].id }) }
            let label = claimSets.map { $0.isEmpty ? "—" : $0.sorted().joined(separator: "+") }.joined(separator: " | ")
            lines.append("CANDIDATE \(candidate.id) subject=\(candidate.subject ?? "-") value=\(candidate.value.map { String($0) } ?? "-"): \(label)")
            for entry in candidate.sources { lines.append("    \(entry.source): \(entry.quote.prefix(110))") }
        }
        return lines.joined(separator: "\n")
    }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
}
