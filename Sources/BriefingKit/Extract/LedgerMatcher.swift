/// Finds, for each cluster, the ledger claim that already states it, so that it is not proposed again: a claim
/// that quotes one of the cluster's mentions (and does not give a different value), or failing that a claim
/// whose statement and quotes read like the cluster and whose value agrees.
struct LedgerMatcher {
    /// A ledger claim prepared for matching.
    struct Entry: Sendable {
        let claim: Claim
        let vector: SparseVector
        /// The figure of the statement that gives the claim's value, if one does.
        let figure: Figure?
        /// Normalised quotes by source id.
        let quotes: [String: [String]]
    }

    /// Word similarity a claim without a quote match needs.
    static let similarityThreshold: Float = 0.5

    let entries: [Entry]

    init(claims: [Claim], weights: TermWeights) {
        entries = claims.map { claim in
            let texts = [claim.statement] + claim.sources.compactMap(\.quote)
            let parsed = texts.map(StatementFinder.termsAndFigures(ofText:))
            var seen = Set<String>()
            let terms = parsed.flatMap(\.terms).filter { seen.insert($0).inserted }
            let figure = claim.value.flatMap { value in
                parsed.flatMap(\.figures).first { $0.written == value || $0.magnitude == value }
            }
            var quotes: [String: [String]] = [:]
            for source in claim.sources {
                guard let quote = source.quote else { continue }
                quotes[source.sourceID, default: []].append(QuoteNormaliser.normalise(quote).text)
            }
            return Entry(claim: claim, vector: weights.vectorIncludingUnknown(terms), figure: figure, quotes: quotes)
        }
    }

    /// The index of the entry that states the cluster, if any.
    func match(members: [Int], mentions: [Mention], sourceIDs: [String], centroid: SparseVector, figure: Figure?) -> Int? {
        guard !entries.isEmpty else { return nil }
        let texts = members.map { QuoteNormaliser.normalise(mentions[$0].quote).text }
        var best: (score: Int, entry: Int)?
        for (index, entry) in entries.enumerated() {
            if let figure, let value = entry.claim.value, !agrees(figure, value) { continue }
            var covered = 0
            for (member, text) in zip(members, texts) {
                guard let quotes = entry.quotes[sourceIDs[mentions[member].source]] else { continue }
                if quotes.contains(where: { text.contains($0) || $0.contains(text) }) { covered += 1 }
            }
            guard covered > 0 else { continue }
            let score = covered * 2 + (figure != nil && entry.claim.value != nil ? 3 : 0)
            if best == nil || score > best!.score { best = (score, index) }
        }
        if let best { return best.entry }
        var closest: (similarity: Float, entry: Int)?
        for (index, entry) in entries.enumerated() {
            let needed = (figure == nil) == (entry.claim.value == nil) ? Self.similarityThreshold : Self.similarityThreshold + 0.1
            if let figure, let value = entry.claim.value, !agrees(figure, value) { continue }
            let similarity = centroid.dot(entry.vector)
            if similarity >= needed, closest == nil || similarity > closest!.similarity { closest = (similarity, index) }
        }
        return closest?.entry
    }

    /// Whether a figure gives a claim's value (as written, "50" for "$50bn", or in full).
    private func agrees(_ figure: Figure, _ value: Double) -> Bool {
        abs(figure.written - value) < 1e-9 * max(1, abs(value)) || abs(figure.magnitude - value) < 1e-9 * max(1, abs(value))
    }
}
