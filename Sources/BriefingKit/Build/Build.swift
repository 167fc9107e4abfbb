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

    public init(sitePath: String = ".", outputPath: String? = nil, includeDrafts: Bool = false, pathsRelativeToSite: Bool = false, search: Bool = false) {
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
        if let record = BuildRecord.load(for: output), record.binary == binary, record.inputs == inputs,
           record.output == BuildRecord.output(output) {
            let warnings = record.warnings.map { Diagnostic.warning(at: SourceLocation(path: $0.path, line: $0.line, column: $0.column), $0.message) }
            return BuildReport(pagesWritten: record.pages, filesWritten: record.files, outputDirectory: output, warnings: warnings, upToDate: true)
        }

        let analysis = SiteAnalysis.run(layout, includeDrafts: options.includeDrafts, progress: progress)
        var log = analysis.log
        guard let index = analysis.index, let ledger = analysis.ledger, let theme = analysis.theme, !log.hasErrors else {
            throw BuildFailure(log.diagnostics)
        }

        progress(4, steps[3])
        let builder = PageBuilder(index: index, ledger: ledger, search: options.search)
        let specs = builder.specs()
        // Publishing: feeds, sitemap and robots.txt (Pages/Feeds/Publishing.swift).
        var files = theme.assets.keys.sorted().compactMap { path in theme.assets[path].map { (path: path, contents: Data($0.contents.utf8)) } }
        files += Publishing.files(for: index, siteConfigPath: layout.displayPath("Content/site.yml"), log: &log)
        // Every file of the output is known before any is rendered, so each page's links are checked as it is made.
        let resolver = LinkResolver(baseURL: index.config.baseURL, paths: Set(specs.map(builder.path(of:)) + files.map(\.path)))

        progress(5, steps[4])
        // Pages are rendered, scanned for links and written into the staging folder one at a time on every core, so
        // the build never holds the whole site's HTML.
        let staging: StagingFolder
        do {
            staging = try OutputWriter(output: output, displayPath: outputDisplay).begin()
        } catch {
            throw BuildFailure(log.diagnostics + [error])
        }
        let rendered = Parallel.map(specs) { spec -> Result<LinkChecker.PageLinks, Diagnostic> in
            let page = builder.page(for: spec)
            let html = Data(theme.render(page).utf8)
            let links = html.withUnsafeBytes { LinkChecker.scan(page: page.path, html: $0.bindMemory(to: UInt8.self), resolver: resolver) }
            return Result { () throws(Diagnostic) in try staging.write(page.path, html) }.map { links }
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
        // Every internal link is checked before the swap, so a broken link leaves the old output as it was.
        LinkChecker.check(pages, index: index, outputPath: outputDisplay, log: &log)
        guard !log.hasErrors else {
            staging.abandon()
            throw BuildFailure(log.diagnostics)
        }
        BuildRecord.remove(for: output)
        do {
            try staging.commit()
        } catch {
            throw BuildFailure(log.diagnostics + [error])
        }
        let warnings = log.diagnostics.sortedByLocation()
        BuildRecord(
            format: BuildRecord.format, binary: binary, inputs: inputs, output: BuildRecord.output(output), pages: specs.count,
            files: specs.count + files.count,
            warnings: warnings.map { .init(path: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message) }
        ).save(for: output)
        return BuildReport(pagesWritten: specs.count, filesWritten: specs.count + files.count, outputDirectory: output, warnings: warnings)
    }
}
