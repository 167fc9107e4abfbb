/// Finds the pairs of mentions worth scoring without comparing every mention with every other: two mentions are
/// paired when they share a comparison key that few mentions have, or a figure. Each mention keeps only its
/// `partnersPerMention` most promising partners (by the weight of the rare keys they share), so that the work
/// stays near-linear in the number of mentions.
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
    /// How many partners each mention is scored against at most.
    static let partnersPerMention = 40
    /// Keys in more mentions than this do not make pairs on their own (they still count in the scores).
    static func postingLimit(_ count: Int) -> Int { max(12, min(count / 25, 400)) }

    /// Pairs from different sources sharing a rare key or a figure; each pair once, in a deterministic order.
    static func pairs(_ mentions: [Mention], weights: TermWeights, scorer: PairScorer) -> [Pair] {
        let count = mentions.count
        let limit = postingLimit(count)
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
        var shared = [Float](repeating: 0, count: count)
        var touched: [Int] = []
        for index in 0..<count {
            let mention = mentions[index]
            // Weight of the rare keys and figures each later mention shares with this one.
            for term in mention.terms {
                guard let id = weights.ids[term], weights.documentFrequency[Int(id)] <= limit else { continue }
                let weight = weights.idf[Int(id)]
                for other in postings[Int(id)] where Int(other) > index {
                    if shared[Int(other)] == 0 { touched.append(Int(other)) }
                    shared[Int(other)] += weight
                }
            }
            for figure in Set(mention.figures.map(\.magnitude)) {
                guard let list = figurePostings[figure], list.count <= limit * 2 else { continue }
                for other in list where Int(other) > index {
                    if shared[Int(other)] == 0 { touched.append(Int(other)) }
                    shared[Int(other)] += 2
                }
            }
            var partners = touched.filter { mentions[$0].source != mention.source }
            if partners.count > partnersPerMention {
                partners.sort { (shared[$0], $1) > (shared[$1], $0) }
                partners.removeLast(partners.count - partnersPerMention)
            }
            for other in touched { shared[other] = 0 }
            touched.removeAll(keepingCapacity: true)
            for b in partners.sorted() {
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
