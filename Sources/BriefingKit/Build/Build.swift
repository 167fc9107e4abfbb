import Foundation

/// What to build, and where.
public struct BuildOptions: Sendable {
    /// The site folder, as the user typed it.
    public var sitePath: String
    /// The output folder as the user typed it; nil means `<site>/Output`.
    public var outputPath: String?
    /// Include notes marked `draft: true`.
    public var includeDrafts: Bool
    /// Name files in messages relative to the site folder (`Content/notes/x.md`) rather than to the current folder.
    public var pathsRelativeToSite: Bool
    /// Give every page the search box, for a build that Pagefind indexes afterwards (`SearchIndex`).
    public var search: Bool
    /// Kept by a process that builds again and again (`briefing serve`): files and bodies decoded by its earlier
    /// builds are reused when their contents are the same.
    public var cache: BuildCache?

    public init(
        sitePath: String = ".", outputPath: String? = nil, includeDrafts: Bool = false, pathsRelativeToSite: Bool = false, search: Bool = false,
        cache: BuildCache? = nil
    ) {
        self.cache = cache
        self.sitePath = sitePath
        self.outputPath = outputPath
        self.includeDrafts = includeDrafts
        self.pathsRelativeToSite = pathsRelativeToSite
        self.search = search
    }
}

/// What a successful build did.
public struct BuildReport: Sendable {
    public var pagesWritten: Int
    public var filesWritten: Int
    public var outputDirectory: URL
    /// Findings that did not stop the build.
    public var warnings: [Diagnostic]
    /// Nothing had changed since the last build into this output, so nothing was done (see `BuildRecord`).
    public var upToDate = false
    /// Pages rendered by this build; the others were unchanged and taken over from the previous output
    /// (see `IncrementalPlan`). Zero when the build was skipped.
    public var pagesRendered = 0
}

extension BuildReport {
    /// For the build's message: how many pages were rendered, when some were unchanged; empty otherwise.
    public var renderedSummary: String {
        guard !upToDate, pagesRendered < pagesWritten else { return "" }
        return " (\(pagesRendered) rendered, \(pagesWritten - pagesRendered) unchanged)"
    }
}

/// The build pipeline: load content → parse Markdown → resolve references → build pages → render → write.
public enum Build {
    /// The named steps, in order, as progress lines show them.
    public static let steps = ["load content", "parse markdown", "resolve references", "build pages", "render pages", "write output"]

    /// Builds the site. On any error nothing is written and the previous output is left as it was.
    /// - Parameter progress: called with each step's index and name as it starts.
    public static func run(_ options: BuildOptions, progress: (Int, String) -> Void = { _, _ in }) throws(BuildFailure) -> BuildReport {
        let layout = SiteLayout(path: options.sitePath, pathsRelativeToSite: options.pathsRelativeToSite)
        let outputDisplay = options.outputPath ?? layout.displayPath("Output")
        let output = options.outputPath.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } ?? layout.defaultOutputDirectory
        do {
            try OutputLocation.validate(output, layout: layout, displayPath: outputDisplay)
        } catch {
            throw BuildFailure([error])
        }

        let inputs = BuildRecord.inputs(layout, options: options, output: output)
        let binary = BuildRecord.binary
        // The output folder as it stands now, taken at most once: both caches beside it are only trusted for the
        // output exactly as the build that wrote them left it.
        var outputNow: UInt64?
        func currentOutput() -> UInt64 {
            if let outputNow { return outputNow }
            let fingerprint = BuildRecord.output(output)
            outputNow = fingerprint
            return fingerprint
        }
        if let record = BuildRecord.load(for: output), record.binary == binary, record.inputs == inputs,
           record.output == currentOutput() {
            let warnings = record.warnings.map { Diagnostic.warning(at: SourceLocation(path: $0.path, line: $0.line, column: $0.column), $0.message) }
            return BuildReport(pagesWritten: record.pages, filesWritten: record.files, outputDirectory: output, warnings: warnings, upToDate: true)
        }

        let analysis = SiteAnalysis.run(layout, includeDrafts: options.includeDrafts, cache: options.cache, progress: progress)
        options.cache?.finishBuild()
        var log = analysis.log
        guard let index = analysis.index, let ledger = analysis.ledger, let theme = analysis.theme, !log.hasErrors else {
            throw BuildFailure(log.diagnostics)
        }

        progress(4, steps[3])
        let builder = PageBuilder(index: index, ledger: ledger, search: options.search, deferPrintDigest: theme.rendersPrintDigestInPageOrder)
        let specs = builder.specs()
        let paths = specs.map(builder.path(of:))
        // Publishing: feeds, sitemap and robots.txt (Pages/Feeds/Publishing.swift).
        var files = theme.assets.keys.sorted().compactMap { path in theme.assets[path].map { (path: path, contents: Data($0.contents.utf8)) } }
        files += Publishing.files(for: index, siteConfigPath: layout.displayPath("Content/site.yml"), log: &log)
        let allPaths = Set(paths + files.map(\.path))
        // Every file of the output is known before any is rendered, so each page's links are checked as it is made.
        let resolver = LinkResolver(baseURL: index.config.baseURL, paths: allPaths)

        // Incremental: a page whose inputs are those it was last rendered from is taken over from the current output.
        let entities = EntityFingerprints(index: index, ledger: ledger)
        let bases = PageInputBase.fingerprints(theme: theme, config: index.config, search: options.search, includeDrafts: options.includeDrafts)
        let pageInputs = Parallel.map(specs) { spec in
            builder.inputFingerprint(of: spec, entities: entities, base: bases[builder.template(of: spec)] ?? 0)
        }
        let previous = PageCache.load(for: output, binary: binary, outputFingerprint: currentOutput)
        let plan = IncrementalPlan(previous: previous, pages: Array(zip(paths, pageInputs)).map { (path: $0.0, input: $0.1) }, files: allPaths)

        progress(5, steps[4])
        // Pages are rendered, scanned for links and written into the staging folder one at a time on every core, so
        // the build never holds the whole site's HTML.
        let staging: StagingFolder
        do {
            staging = try OutputWriter(output: output, displayPath: outputDisplay).begin()
        } catch {
            throw BuildFailure(log.diagnostics + [error])
        }
        let rendered = Parallel.map(Array(specs.indices)) { position -> Result<LinkChecker.PageLinks, Diagnostic> in
            let spec = specs[position]
            if let entry = plan.reusedEntry(for: paths[position]) {
                return Result { () throws(Diagnostic) in try staging.reuse(paths[position]) }
                    .map { IncrementalPlan.links(of: paths[position], entry: entry) }
            }
            let page = builder.page(for: spec)
            let stream = PageStream(path: page.path, staging: staging, resolver: resolver)
            return stream.finish(theme.renderBytes(page, sink: stream.take))
        }

        progress(6, steps[5])
        var pages: [LinkChecker.PageLinks] = []
        do {
            for file in files { try staging.write(file.path, file.contents) }
            pages = try rendered.map { result throws(Diagnostic) in try result.get() }
        } catch {
            staging.abandon()
            throw BuildFailure(log.diagnostics + [error])
        }
        // A page taken over keeps the ids of the last build only when other pages linked into it then.
        let targets = IncrementalPlan.fragmentTargets(pages)
        for position in pages.indices where targets.contains(paths[position]) {
            guard let entry = plan.reusedEntry(for: paths[position]), entry.ids == nil,
                  let html = staging.contents(of: paths[position]) else { continue }
            pages[position].ids = html.withUnsafeBytes { HTMLScanner.scan($0.bindMemory(to: UInt8.self)).ids }
        }
        // Every internal link is checked before the swap, so a broken link leaves the old output as it was.
        LinkChecker.check(pages, index: index, outputPath: outputDisplay, log: &log)
        guard !log.hasErrors else {
            staging.abandon()
            throw BuildFailure(log.diagnostics)
        }
        BuildRecord.remove(for: output)
        PageCache.remove(for: output)
        do {
            try staging.commit()
        } catch {
            throw BuildFailure(log.diagnostics + [error])
        }
        let warnings = log.diagnostics.sortedByLocation()
        let outputAfter = BuildRecord.output(output)
        BuildRecord(
            format: BuildRecord.format, binary: binary, inputs: inputs, output: outputAfter, pages: specs.count,
            files: specs.count + files.count,
            warnings: warnings.map { .init(path: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message) }
        ).save(for: output)
        let entries = pages.indices.map { position in
            (paths[position], IncrementalPlan.entry(input: pageInputs[position], links: pages[position], isTarget: targets.contains(paths[position])))
        }
        PageCache(format: PageCache.format, binary: binary, output: outputAfter, files: allPaths.sorted(),
                  pages: Dictionary(entries, uniquingKeysWith: { first, _ in first })).save(for: output)
        return BuildReport(pagesWritten: specs.count, filesWritten: specs.count + files.count, outputDirectory: output, warnings: warnings,
                           pagesRendered: specs.count - plan.reusedCount)
    }
}
