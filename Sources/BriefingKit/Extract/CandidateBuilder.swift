import Foundation

/// Turns clusters into candidates: the statement of the most central mention, every source with its quote and
/// paragraph, kind, confidence, a readable id, and the subject and value of its figure.
struct CandidateBuilder {
    let set: ClusterSet
    let spellings: [String: String]

    /// A new claim for a cluster.
    func candidate(for cluster: Int, subject: String?, scale: String?, topics: [String]) -> Candidate {
        let members = set.members[cluster]
        let representative = self.representative(members)
        let figure = set.figures[cluster]
        let value = figure.map { $0.magnitude / CandidateText.factor(ofScale: scale) }
        return Candidate(
            id: baseID(cluster, value: value, representative: representative), statement: CandidateText.statement(from: set.mentions[representative].quote),
            kind: kind(cluster, representative: representative), confidence: confidence(members), topics: topics, subject: subject,
            value: value, sources: sources(members), addsTo: nil
        )
    }

    /// A denial if the central mention denies, otherwise a figure if the cluster states one, otherwise what the
    /// central mention is (attribution or event).
    func kind(_ cluster: Int, representative: Int? = nil) -> ClaimKind {
        let mention = set.mentions[representative ?? self.representative(set.members[cluster])]
        return mention.kind == .denial ? .denial : set.figures[cluster] != nil ? .figure : mention.kind
    }

    /// Verbatim quotes with paragraph numbers, by source id.
    func sources(_ members: [Int]) -> [CandidateSource] {
        members.map { member in
            let mention = set.mentions[member]
            return CandidateSource(source: set.sourceIDs[mention.source], quote: mention.quote, paragraph: mention.paragraph)
        }.sorted { ($0.source, $0.paragraph) < ($1.source, $1.paragraph) }
    }

    /// The mention most like the others (whole sentences preferred, then the shorter, then the first).
    func representative(_ members: [Int]) -> Int {
        func centrality(_ member: Int) -> Float {
            members.reduce(Float(0)) { $0 + ($1 == member ? 0 : (set.scorer.score(member, $1) ?? 0)) }
        }
        return members.min { a, b in
            let (ca, cb) = (centrality(a), centrality(b))
            if abs(ca - cb) > 1e-4 { return ca > cb }
            let (ma, mb) = (set.mentions[a], set.mentions[b])
            if ma.isWholeSentence != mb.isWholeSentence { return ma.isWholeSentence }
            if ma.quote.count != mb.quote.count { return ma.quote.count < mb.quote.count }
            return a < b
        }!
    }

    /// 0.3, plus 0.15 per further source (up to three), plus how alike the mentions are, plus a little for a figure
    /// and for factual wording, minus 0.15 when hedged; between 0.05 and 0.95.
    func confidence(_ members: [Int]) -> Double {
        let sources = Set(members.map { set.mentions[$0].source }).count
        var average: Float = 0
        if members.count > 1 {
            var total: Float = 0, pairs = 0
            for (i, a) in members.enumerated() {
                for b in members[(i + 1)...] {
                    total += set.scorer.score(a, b) ?? 0
                    pairs += 1
                }
            }
            average = min(1, total / Float(pairs))
        }
        let mentions = members.map { set.mentions[$0] }
        var value = 0.3 + 0.15 * Double(min(sources - 1, 3)) + 0.2 * Double(average)
        if mentions.contains(where: { $0.primary != nil }) { value += 0.1 }
        value += 0.02 * Double(min(mentions.map(\.factualScore).max() ?? 0, 5))
        if mentions.allSatisfy(\.hedged) { value -= 0.15 }
        return (min(0.95, max(0.05, value)) * 100).rounded() / 100
    }

    /// "cand-<words>[-<value>]", not yet made unique.
    private func baseID(_ cluster: Int, value: Double?, representative: Int) -> String {
        let words = set.keywords(of: [cluster], count: value == nil ? 4 : 3, leading: representative).map { spellings[$0] ?? $0 }
        let valuePart = value.map { CandidateText.number($0).replacingOccurrences(of: ".", with: "-") }
        return "cand-" + CandidateText.slug(words + [valuePart].compactMap { $0 })
    }
}
