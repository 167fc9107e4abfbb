/// One source of a candidate claim: where the statement stands, quoted verbatim.
struct CandidateSource: Sendable, Hashable {
    let source: String
    let quote: String
    /// 1-based paragraph of the source body (`locator: para N`).
    let paragraph: Int
}

/// A draft claim for the analyst: a new claim, or (with `addsTo`) more sources for a claim already in the ledger.
struct Candidate: Sendable {
    var id: String
    var statement: String
    var kind: ClaimKind
    /// 0…1: how likely the analyst is to accept it as it stands.
    var confidence: Double
    var topics: [String]
    var subject: String?
    var value: Double?
    var sources: [CandidateSource]
    /// The ledger claim these sources should be added to.
    var addsTo: String?
    /// Other claims and candidates on the same subject that give another value: "nis-10000-promised-total (10000)".
    var conflictsWith: [String] = []
}

/// Everything `extract` proposes, with counts for its report.
struct Extraction: Sendable {
    /// New claims: disputed subjects first, then by number of sources and confidence.
    var candidates: [Candidate]
    /// Sources to add to ledger claims, by claim id.
    var additions: [Candidate]
    var sourceCount: Int
    var statementCount: Int
}
