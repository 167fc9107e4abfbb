/// How well a claim stands, worked out from the whole ledger.
public struct ClaimAssessment: Sendable, Hashable {
    public enum Standing: String, Sendable, Hashable {
        case disputed
        case corroborated
        case singleSource = "single-source"

        public var label: String {
            switch self {
            case .disputed: "Disputed"
            case .corroborated: "Corroborated"
            case .singleSource: "Single source"
            }
        }
    }

    /// One of the values that claims on the same subject give, with everything that supports it.
    public struct Figure: Sendable, Hashable {
        public var value: Double
        public var claimIDs: [String]
        public var sourceIDs: [String]
    }

    public var standing: Standing
    /// One line, in words: why the claim has its standing.
    public var reason: String
    /// Distinct sources that support the claim.
    public var reportCount: Int
    /// The independent origins behind those sources, as display names.
    public var origins: [String]
    /// For a disputed claim: each competing value, lowest first.
    public var competingFigures: [Figure]
}

/// Computes every claim's standing. Precedence: disputed, then corroborated (two or more independent origins),
/// then single-source.
enum ClaimLedger {
    static func assess(_ claims: [Claim], origins: Origins) -> [String: ClaimAssessment] {
        var assessments: [String: ClaimAssessment] = [:]
        let bySubject = Dictionary(grouping: claims.filter { $0.subject != nil && $0.value != nil }, by: { $0.subject ?? "" })
        for claim in claims where assessments[claim.id] == nil {
            let sourceIDs = SiteIndex.unique(claim.sources.map(\.sourceID))
            let claimOrigins = origins.of(sourceIDs: sourceIDs)
            let figures = competingFigures(for: claim, among: bySubject[claim.subject ?? ""] ?? [])
            let standing: ClaimAssessment.Standing =
                figures.count > 1 ? .disputed : claimOrigins.count >= 2 ? .corroborated : .singleSource
            let reason = standing == .disputed
                ? figures.map { "\(NumberFormatting.grouped($0.value)) (\(plural($0.sourceIDs.count, "report")))" }.joined(separator: " vs ")
                : "\(plural(sourceIDs.count, "report")), \(plural(claimOrigins.count, "independent origin")): \(claimOrigins.joined(separator: ", "))"
            assessments[claim.id] = ClaimAssessment(
                standing: standing, reason: reason, reportCount: sourceIDs.count, origins: claimOrigins, competingFigures: figures
            )
        }
        return assessments
    }

    /// The values given for the claim's subject at a comparable time (the same `as_of`, or either without one),
    /// grouped by value. More than one group means the claim is disputed.
    static func competingFigures(for claim: Claim, among sameSubject: [Claim]) -> [ClaimAssessment.Figure] {
        guard claim.value != nil else { return [] }
        let comparable = sameSubject.filter { other in
            other.asOf == nil || claim.asOf == nil || other.asOf == claim.asOf
        }
        let byValue = Dictionary(grouping: comparable, by: { $0.value ?? 0 })
        return byValue.keys.sorted().map { value in
            let group = byValue[value] ?? []
            return ClaimAssessment.Figure(
                value: value, claimIDs: group.map(\.id), sourceIDs: SiteIndex.unique(group.flatMap { $0.sources.map(\.sourceID) })
            )
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
