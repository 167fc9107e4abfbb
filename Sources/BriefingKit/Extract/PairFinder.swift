/// Finds the pairs of mentions worth scoring without comparing every mention with every other: two mentions are
/// paired when they share a comparison key that few mentions have, or a figure.
enum PairFinder {
    /// A scored pair, `a < b`.
    struct Pair: Sendable {
        let a: Int
        let b: Int
        /// Clustering score (nil: cannot be one claim).
        let score: Float?
        /// Word similarity alone.
        let words: Float
    }

    /// Pairs scoring below this are dropped at once: they would never be linked.
    static let keepAbove: Float = 0.15

    /// Pairs from different sources sharing a rare key or a figure; each pair once, in a deterministic order.
    static func pairs(_ mentions: [Mention], weights: TermWeights, scorer: PairScorer) -> [Pair] {
        let count = mentions.count
        let limit = max(12, count / 25) // keys in more mentions than this do not make pairs on their own
        var postings: [[Int32]] = Array(repeating: [], count: weights.documentFrequency.count)
        var figurePostings: [Double: [Int32]] = [:]
        for (index, mention) in mentions.enumerated() {
            for term in mention.terms {
                guard let id = weights.ids[term], weights.documentFrequency[Int(id)] <= limit else { continue }
                postings[Int(id)].append(Int32(index))
            }
            for figure in Set(mention.figures.map(\.magnitude)) {
                figurePostings[figure, default: []].append(Int32(index))
            }
        }
        var pairs: [Pair] = []
        var seenStamp = [Int32](repeating: -1, count: count)
        for index in 0..<count {
            let mention = mentions[index]
            var partners: [Int32] = []
            func consider(_ list: [Int32]) {
                for other in list where Int(other) > index && seenStamp[Int(other)] != Int32(index) {
                    seenStamp[Int(other)] = Int32(index)
                    if mentions[Int(other)].source != mention.source { partners.append(other) }
                }
            }
            for term in mention.terms {
                guard let id = weights.ids[term], weights.documentFrequency[Int(id)] <= limit else { continue }
                consider(postings[Int(id)])
            }
            for figure in Set(mention.figures.map(\.magnitude)) {
                if let list = figurePostings[figure], list.count <= limit * 2 { consider(list) }
            }
            partners.sort()
            for other in partners {
                let b = Int(other)
                let pair = Pair(a: index, b: b, score: scorer.score(index, b), words: scorer.wordSimilarity(index, b))
                if let score = pair.score, score >= keepAbove {
                    pairs.append(pair)
                } else if pair.score == nil, pair.words >= keepAbove {
                    pairs.append(pair) // figures that differ, in similar words: material for conflicts
                }
            }
        }
        return pairs
    }
}
