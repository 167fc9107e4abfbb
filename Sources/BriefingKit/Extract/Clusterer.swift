/// Groups mentions that state the same thing into clusters, best pairs first: two clusters join when their best
/// pair scores at least `linkThreshold`, the average over all their pairs at least `averageThreshold`, no two of
/// their mentions come from one source, and no two of their figures disagree.
struct Clusterer {
    static let linkThreshold: Float = 0.3
    static let averageThreshold: Float = 0.25

    let scorer: PairScorer

    /// Clusters as lists of mention indices (each sorted), in order of their first mention.
    func clusters(count: Int, pairs: [PairFinder.Pair]) -> [[Int]] {
        var members: [[Int]] = (0..<count).map { [$0] }
        var owner = Array(0..<count)
        var sources: [Set<Int>] = (0..<count).map { [scorer.mentions[$0].source] }
        let ordered = pairs.filter { ($0.score ?? -1) >= Self.linkThreshold }.sorted {
            ($0.score ?? 0, $1.a, $1.b) > ($1.score ?? 0, $0.a, $0.b)
        }
        for pair in ordered {
            let left = owner[pair.a], right = owner[pair.b]
            guard left != right, sources[left].isDisjoint(with: sources[right]) else { continue }
            var total: Float = 0
            var compatible = true
            outer: for x in members[left] {
                for y in members[right] {
                    guard let score = scorer.score(x, y) else {
                        compatible = false
                        break outer
                    }
                    total += score
                }
            }
            guard compatible, total / Float(members[left].count * members[right].count) >= Self.averageThreshold else { continue }
            let (keep, drop) = left < right ? (left, right) : (right, left)
            for mention in members[drop] { owner[mention] = keep }
            members[keep] += members[drop]
            members[drop] = []
            sources[keep].formUnion(sources[drop])
        }
        return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
