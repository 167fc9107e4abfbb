/// `briefing check`: every validation of a build, plus the ledger's quote checks and loose-end warnings, without
/// writing anything.
public enum Check {
    /// - Returns: every finding, sorted by file, line and column. Drafts are checked too.
    public static func run(sitePath: String, pathsRelativeToSite: Bool = false) -> [Diagnostic] {
        let layout = SiteLayout(path: sitePath, pathsRelativeToSite: pathsRelativeToSite)
        return SiteAnalysis.run(layout, includeDrafts: true, progress: { _, _ in }).log.diagnostics.sortedByLocation()
    }
}
