/// Everything `build` and `check` know about a site before anything is rendered: the first three stages of the
/// pipeline (load, parse, resolve) plus the theme, with every finding of the run.
struct SiteAnalysis {
    var index: SiteIndex?
    var ledger: Ledger?
    var theme: Theme?
    var log: DiagnosticLog

    /// Runs load → parse → resolve and loads the theme. Stages go on after errors where they can, so that one run
    /// reports every error of the site.
    /// - Parameter progress: called with each step's number and name as it starts.
    /// - Parameter cache: what an earlier build of the same process decoded and parsed (`BuildCache`).
    static func run(_ layout: SiteLayout, includeDrafts: Bool, cache: BuildCache? = nil, progress: (Int, String) -> Void) -> SiteAnalysis {
        var log = DiagnosticLog()
        progress(1, Build.steps[0])
        let content = SiteLoader.load(layout, includeDrafts: includeDrafts, cache: cache, log: &log)
        let theme = Theme.load(layout, log: &log)
        guard let content else { return SiteAnalysis(index: nil, ledger: nil, theme: theme, log: log) }

        progress(2, Build.steps[1])
        let parsed = BodyParser.parseAll(content, cache: cache)

        progress(3, Build.steps[2])
        let index = SiteIndex(content: content, parsed: parsed)
        ReferenceChecker.check(index, log: &log)
        let ledger = Ledger.assess(index, log: &log)
        SiteLint.check(index, log: &log)
        return SiteAnalysis(index: index, ledger: ledger, theme: theme, log: log)
    }
}
