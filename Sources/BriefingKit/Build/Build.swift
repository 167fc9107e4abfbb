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

        let analysis = SiteAnalysis.run(layout, includeDrafts: options.includeDrafts, progress: progress)
        var log = analysis.log
        guard let index = analysis.index, let ledger = analysis.ledger, let theme = analysis.theme, !log.hasErrors else {
            throw BuildFailure(log.diagnostics)
        }

        progress(4, steps[3])
        let pages = PageBuilder(index: index, ledger: ledger, search: options.search).pages()

        progress(5, steps[4])
        var files = Parallel.map(pages) { (path: $0.path, contents: Data(theme.render($0).utf8)) }
        files += theme.assets.keys.sorted().compactMap { path in theme.assets[path].map { (path, Data($0.contents.utf8)) } }
        // Publishing: feeds, sitemap and robots.txt (Pages/Feeds/Publishing.swift), then every internal link checked
        // (Write/LinkChecker.swift) while the files are still in memory, so a broken link leaves the old output as it was.
        files += Publishing.files(for: index, siteConfigPath: layout.displayPath("Content/site.yml"), log: &log)
        LinkChecker.check(files, index: index, outputPath: outputDisplay, log: &log)
        guard !log.hasErrors else { throw BuildFailure(log.diagnostics) }

        progress(6, steps[5])
        do {
            try OutputWriter(output: output, displayPath: outputDisplay).write(files)
        } catch {
            throw BuildFailure(log.diagnostics + [error])
        }
        return BuildReport(pagesWritten: pages.count, filesWritten: files.count, outputDirectory: output, warnings: log.diagnostics.sortedByLocation())
    }
}
