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

    public init(sitePath: String = ".", outputPath: String? = nil, includeDrafts: Bool = false, pathsRelativeToSite: Bool = false) {
        self.sitePath = sitePath
        self.outputPath = outputPath
        self.includeDrafts = includeDrafts
        self.pathsRelativeToSite = pathsRelativeToSite
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
        let log = analysis.log
        guard let index = analysis.index, let ledger = analysis.ledger, let theme = analysis.theme, !log.hasErrors else {
            throw BuildFailure(log.diagnostics)
        }

        progress(4, steps[3])
        let pages = PageBuilder(index: index, ledger: ledger).pages()

        progress(5, steps[4])
        var files = pages.map { (path: $0.path, contents: Data(theme.render($0).utf8)) }
        files += theme.assets.keys.sorted().compactMap { path in theme.assets[path].map { (path, Data($0.contents.utf8)) } }

        progress(6, steps[5])
        do {
            try OutputWriter(output: output, displayPath: outputDisplay).write(files)
        } catch {
            throw BuildFailure(log.diagnostics + [error])
        }
        return BuildReport(pagesWritten: pages.count, filesWritten: files.count, outputDirectory: output, warnings: log.diagnostics.sortedByLocation())
    }

    static func parseBodies(_ content: SiteContent) -> ParsedBodies {
        let markdown = MarkdownParser(allowsRawHTML: content.config.unsafeHTML)
        let sourceText = MarkdownParser(allowsRawHTML: content.config.unsafeHTML, readsCitations: false, keepsLineBreaks: true)
        var parsed = ParsedBodies()
        for note in content.notes { parsed.notes[note.slug] = markdown.parse(note.body) }
        for topic in content.topics { parsed.topics[topic.slug] = topic.body.map(markdown.parse) }
        for source in content.sources { parsed.sources[source.id] = source.body.map(sourceText.parse) }
        return parsed
    }
}
