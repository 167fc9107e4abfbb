extension PageFragments {
    /// For each subject with values among `claims`: its figures by `as_of` (undated last) with their sources,
    /// and a chart of the dated ones.
    func figures(for claims: [Claim], footnotes: inout FootnoteSequence) -> [TemplateValue] {
        let withValues = claims.filter { $0.subject != nil && $0.value != nil }
        let subjects = SiteIndex.unique(withValues.compactMap(\.subject))
        return subjects.map { subject in
            // Every claim on the subject, not only this topic's: a figure is read against all the others.
            let rows = index.claims.filter { $0.subject == subject && $0.value != nil }.sorted {
                ($0.asOf?.instant ?? .max, $0.value ?? 0, $0.id) < ($1.asOf?.instant ?? .max, $1.value ?? 0, $1.id)
            }
            let points = rows.compactMap { claim in
                claim.asOf.map { FigureChart.Point(date: $0, value: claim.value ?? 0) }
            }
            let rowValues: [TemplateValue] = rows.map { claim in
                let items = claim.sources.map { CitationItem(sourceID: $0.sourceID, locator: $0.locator, location: $0.location) }
                let assessment = ledger.assessments[claim.id]
                return [
                    "as_of": claim.asOf.map { .text($0.long) } ?? .text("undated"),
                    "value": .text(NumberFormatting.grouped(claim.value ?? 0)),
                    "statement": .text(claim.statement),
                    "href": link(SitePaths.claims + "#" + SitePaths.claimAnchor(claim.id)),
                    "markers_html": .text(footnotes.cite(items)),
                    "standing": .text(assessment?.standing.rawValue ?? ""),
                    "standing_label": .text(assessment?.standing.label ?? ""),
                ]
            }
            return [
                "subject": .text(subject),
                "rows": .list(rowValues),
                "chart_html": .text(FigureChart.svg(points, title: "Figures for \(subject) over time") ?? ""),
            ]
        }
    }
}
