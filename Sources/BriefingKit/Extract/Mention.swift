/// What a candidate claim states, for the analyst's triage.
enum ClaimKind: String, Sendable, Comparable {
    /// A quantity: "about 3,000 soldiers were sent".
    case figure
    /// Someone said something: "Austin said there was evidence …".
    case attribution
    /// Something happened: "Russia and North Korea signed a treaty".
    case event
    /// Someone denied or dismissed something: "the Kremlin dismissed the reports as fake news".
    case denial

    static func < (lhs: ClaimKind, rhs: ClaimKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One statement found in one source: a sentence, or, when a sentence states several figures, the clause that
/// states one of them.
struct Mention: Sendable {
    /// Index of the source in the extraction's source list.
    let source: Int
    /// 1-based paragraph of the source body.
    let paragraph: Int
    /// 0-based sentence number within the source (clauses of one sentence share it).
    let sentence: Int
    /// The words quoted, exactly as they stand in the body.
    let quote: String
    /// Whether the quote is a whole sentence (rather than one clause of it).
    let isWholeSentence: Bool
    /// The figures of the quote; `primary` is the one the mention is about.
    let figures: [Figure]
    let primary: Figure?
    /// Comparison keys of the quote's words (stems and synonym groups), without duplicates.
    let terms: [String]
    /// Comparison keys of the rest of the sentence, for a clause (they count for less).
    let contextTerms: [String]
    let kind: ClaimKind
    /// How much the sentence reads like a reported fact (figures, names, attributions, events).
    let factualScore: Int
    /// The sentence hedges ("may", "reportedly").
    let hedged: Bool
    /// The sentence sets figures side by side ("12,000 … more than the 10,000 figure").
    let comparative: Bool
    /// The clause states a plan, promise or expectation ("plans to send", "has committed").
    let intent: Bool
}
