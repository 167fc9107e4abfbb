/// The figure a cluster of mentions states: the one that agrees with a figure of the most of its mentions (so that
/// "fell 7% after a recall of 240,000 packs" and "recalling about 240,000 packs" state 240,000), then the one that
/// is a primary figure of the most mentions, then the earliest; a figure with a known unit is preferred to the
/// same figure without one.
enum ClusterFigure {
    static func of(_ members: [Int], in mentions: [Mention]) -> Figure? {
        var best: (figure: Figure, support: Int, primaries: Int, order: Int)?
        var order = 0
        for member in members {
            for figure in mentions[member].figures where !figure.spelled || mentions[member].primary == figure {
                defer { order += 1 }
                let support = members.filter { other in mentions[other].figures.contains { $0.agrees(with: figure) } }.count
                let primaries = members.filter { other in mentions[other].primary.map { $0.agrees(with: figure) } ?? false }.count
                let better: Bool
                if let current = best {
                    if (support, primaries) != (current.support, current.primaries) {
                        better = (support, primaries) > (current.support, current.primaries)
                    } else {
                        better = current.figure.sameMagnitude(figure) && current.figure.unit == nil && figure.unit != nil
                    }
                } else {
                    better = true
                }
                if better { best = (figure, support, primaries, order) }
            }
        }
        return best?.figure
    }
}
