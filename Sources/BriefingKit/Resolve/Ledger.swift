/// The claims ledger, assessed: each claim's standing and each quote's check.
public struct Ledger: Sendable {
    public var assessments: [String: ClaimAssessment]
    /// By claim id, then by the position of the entry in the claim's `sources`.
    public var quoteChecks: [String: [Int: QuoteCheck]]

    /// Assesses every claim and checks every quote, logging quotes that do not match their source.
    static func assess(_ index: SiteIndex, log: inout DiagnosticLog) -> Ledger {
        let origins = Origins(sourcesByID: index.sourcesByID)
        return Ledger(
            assessments: ClaimLedger.assess(index.claims, origins: origins),
            quoteChecks: QuoteChecks.run(index.claims, sources: index.sourcesByID, log: &log)
        )
    }
}
