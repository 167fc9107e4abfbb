/// The figure a cluster of mentions states: the primary figure most of its mentions give (the earliest on a tie).
enum ClusterFigure {
    static func of(_ members: [Int], in mentions: [Mention]) -> Figure? {
        var counts: [Double: Int] = [:]
        var first: [Double: Figure] = [:]
        for member in members {
            guard let figure = mentions[member].primary else { continue }
            counts[figure.magnitude, default: 0] += 1
            if first[figure.magnitude] == nil || (first[figure.magnitude]?.unit == nil && figure.unit != nil) { first[figure.magnitude] = figure }
        }
        guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) else { return nil }
        return first[best.key]
    }
}
