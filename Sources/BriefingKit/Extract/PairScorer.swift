/// How alike two mentions are, from their words and their figures.
struct PairScorer: Sendable {
    /// How the figures of two mentions relate.
    enum FigureRelation: Sendable, Equatable {
        /// Neither states a figure.
        case none
        /// One states a figure, the other does not.
        case oneSided
        /// They state the same quantity of the same thing; `distinctive` when it is not a small round count.
        case shared(distinctive: Bool)
        /// They state different quantities of the same kind of thing: perhaps a conflict, never one claim.
        case conflicting
        /// Their figures count different things.
        case unrelated
    }

    /// Added to the word similarity when the figures agree.
    static let distinctiveFigureBonus: Float = 0.35
    static let plainFigureBonus: Float = 0.15
    /// Taken off when only one of the two states a figure.
    static let oneSidedPenalty: Float = 0.2

    let mentions: [Mention]
    let vectors: [SparseVector]

    /// The similarity used for clustering, or nil when the two can never be one claim (same source, figures that
    /// differ or count different things).
    func score(_ a: Int, _ b: Int) -> Float? {
        guard mentions[a].source != mentions[b].source else { return nil }
        let words = vectors[a].dot(vectors[b])
        switch Self.relation(mentions[a], mentions[b]) {
        case .none: return words
        case .oneSided: return words - Self.oneSidedPenalty
        case .shared(let distinctive): return words + (distinctive ? Self.distinctiveFigureBonus : Self.plainFigureBonus)
        case .conflicting, .unrelated: return nil
        }
    }

    /// The word similarity alone.
    func wordSimilarity(_ a: Int, _ b: Int) -> Float {
        vectors[a].dot(vectors[b])
    }

    static func relation(_ a: Mention, _ b: Mention) -> FigureRelation {
        guard let primaryA = a.primary, let primaryB = b.primary else {
            return a.primary == nil && b.primary == nil ? .none : .oneSided
        }
        // The figure each mention is about must be among the other's figures.
        if let y = b.figures.first(where: primaryA.agrees(with:)) {
            return .shared(distinctive: primaryA.isDistinctive && !(primaryA.spelled && y.spelled))
        }
        if let y = a.figures.first(where: primaryB.agrees(with:)) {
            return .shared(distinctive: primaryB.isDistinctive && !(primaryB.spelled && y.spelled))
        }
        if primaryA.unit != nil, primaryB.unit != nil, Figure.compatible(primaryA.unit, primaryB.unit) { return .conflicting }
        return .unrelated
    }
}
