/// Groups mentions that state the same thing into clusters, best pairs first: two clusters join when their best
/// pair scores at least `linkThreshold`, their average pair score is at least `averageThreshold`, no two of their
/// mentions come from one source, and their figures agree.
///
/// The average is worked out from per-cluster sums rather than pair by pair: the mean cosine between two sets of
/// unit vectors is the dot product of their sums over the product of their sizes, and the figure bonus or penalty
/// follows from how many mentions on each side state a figure. Figures are checked on one mention per distinct
/// figure and unit of each cluster.
struct Clusterer {
    static let linkThreshold: Float = 0.3
    static let averageThreshold: Float = 0.25

    let scorer: PairScorer

    /// Clusters as lists of mention indices (each sorted), in order of their first mention.
    func clusters(count: Int, pairs: [PairFinder.Pair]) -> [[Int]] {
        let mentions = scorer.mentions
        var members: [[Int]] = (0..<count).map { [$0] }
        var owner = Array(0..<count)
        var sources: [Set<Int>] = (0..<count).map { [mentions[$0].source] }
        var sums: [[Int32: Float]?] = Array(repeating: nil, count: count)
        var withFigure: [Int] = (0..<count).map { mentions[$0].primary == nil ? 0 : 1 }
        var figureMentions: [[Int]] = (0..<count).map { mentions[$0].primary == nil ? [] : [$0] }

        func sum(_ cluster: Int) -> [Int32: Float] {
            if let sum = sums[cluster] { return sum }
            let vector = scorer.vectors[cluster] // a cluster never merged is its first mention
            return Dictionary(uniqueKeysWithValues: zip(vector.ids, vector.weights))
        }

        let ordered = pairs.filter { ($0.score ?? -1) >= Self.linkThreshold }.sorted {
            ($0.score ?? 0, $1.a, $1.b) > ($1.score ?? 0, $0.a, $0.b)
        }
        for pair in ordered {
            let left = owner[pair.a], right = owner[pair.b]
            guard left != right, sources[left].isDisjoint(with: sources[right]) else { continue }
            // Figures: every distinct figure of one side must agree with every one of the other.
            var bonus = PairScorer.distinctiveFigureBonus
            var compatible = true
            check: for x in figureMentions[left] {
                for y in figureMentions[right] {
                    switch PairScorer.relation(mentions[x], mentions[y]) {
                    case .shared(let distinctive): if !distinctive { bonus = PairScorer.plainFigureBonus }
                    default:
                        compatible = false
                        break check
                    }
                }
            }
            guard compatible else { continue }
            let (leftSum, rightSum) = (sum(left), sum(right))
            let (small, large) = leftSum.count <= rightSum.count ? (leftSum, rightSum) : (rightSum, leftSum)
            var dot: Float = 0
            for (id, weight) in small { dot += weight * (large[id] ?? 0) }
            let (nl, nr) = (Float(members[left].count), Float(members[right].count))
            let (fl, fr) = (Float(withFigure[left]), Float(withFigure[right]))
            let figureTerm = fl * fr * bonus - (fl * (nr - fr) + (nl - fl) * fr) * PairScorer.oneSidedPenalty
            guard (dot + figureTerm) / (nl * nr) >= Self.averageThreshold else { continue }

            let (keep, drop) = left < right ? (left, right) : (right, left)
            var merged = sum(keep)
            for (id, weight) in sum(drop) { merged[id, default: 0] += weight }
            sums[keep] = merged
            sums[drop] = nil
            for mention in members[drop] { owner[mention] = keep }
            members[keep] += members[drop]
            members[drop] = []
            sources[keep].formUnion(sources[drop])
            withFigure[keep] += withFigure[drop]
            for mention in figureMentions[drop] where !figureMentions[keep].contains(where: { sameFigure($0, mention) }) {
                figureMentions[keep].append(mention)
            }
            figureMentions[drop] = []
        }
        return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Whether two mentions' primary figures are the same quantity in the same unit (one of them then stands for
    /// both in figure checks; a figure of unknown unit does not stand for one of a known unit).
    private func sameFigure(_ a: Int, _ b: Int) -> Bool {
        guard let x = scorer.mentions[a].primary, let y = scorer.mentions[b].primary else { return false }
        return x.sameMagnitude(y) && x.unit == y.unit
    }
}
