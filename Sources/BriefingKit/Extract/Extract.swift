import Foundation

/// What `briefing extract` is asked to do.
public struct ExtractOptions: Sendable {
    /// The site folder.
    public var sitePath: String
    /// Only these source ids (nil: every source).
    public var sourceIDs: [String]?
    /// The candidates file (nil: `<site>/Content/claims/_candidates.yml`); relative to the current folder.
    public var outputPath: String?
    /// Propose every claim as if the ledger were empty.
    public var ignoreLedger: Bool

    public init(sitePath: String = ".", sourceIDs: [String]? = nil, outputPath: String? = nil, ignoreLedger: Bool = false) {
        self.sitePath = sitePath
        self.sourceIDs = sourceIDs
        self.outputPath = outputPath
        self.ignoreLedger = ignoreLedger
    }
}

/// What `briefing extract` did.
public struct ExtractReport: Sendable {
    public var sourcesRead: Int
    public var statementsFound: Int
    /// New candidate claims, and how many of them several sources state.
    public var candidates: Int
    public var multiSourceCandidates: Int
    /// Candidates whose figure conflicts with another on the same subject.
    public var conflictingCandidates: Int
    /// Ledger claims for which further sources are proposed.
    public var additions: Int
    /// The file written.
    public var writtenPath: String
    /// The edited file left alone, when the candidates were written beside it.
    public var leftAlonePath: String?
    /// The file already held exactly these candidates.
    public var unchanged: Bool
    /// Problems with sources or the ledger that did not stop the run.
    public var warnings: [Diagnostic]
}

/// Why `briefing extract` wrote nothing.
public struct ExtractFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
}

/// `briefing extract`: drafts candidate claims from a site's source texts into a file that the build does not read.
public enum Extract {
    public static func run(_ options: ExtractOptions) throws(ExtractFailure) -> ExtractReport {
        let layout = SiteLayout(path: options.sitePath)
        var log = DiagnosticLog()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExtractFailure(diagnostics: [.error(at: SourceLocation(path: layout.displayPath("Content")), "no Content/ folder: is this a Briefing site?")])
        }
        var sources = layout.files(in: "sources", withExtension: "md", log: &log).compactMap {
            SourceLoader.load(id: $0.name, url: $0.url, displayPath: $0.displayPath, log: &log)
        }
        if let wanted = options.sourceIDs {
            let known = Set(sources.map(\.id))
            let unknown = wanted.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw ExtractFailure(diagnostics: unknown.map { .error(at: SourceLocation(path: layout.displayPath("Content/sources")), "unknown source '\($0)' in --sources") })
            }
            let chosen = Set(wanted)
            sources = sources.filter { chosen.contains($0.id) }
        }
        var ledger: [Claim] = []
        if !options.ignoreLedger {
            for file in layout.files(in: "claims", withExtension: "yml", log: &log) {
                ledger += ClaimLoader.load(url: file.url, displayPath: file.displayPath, log: &log)
            }
        }
        let output = outputURL(options, layout: layout)
        try checkOutput(output, layout: layout)

        let extraction = Extractor.extract(sources: sources, ledger: ledger)
        let outcome: CandidateFile.Outcome
        do {
            outcome = try CandidateFile.write(CandidateFile.contents(extraction), to: output)
        } catch {
            throw ExtractFailure(diagnostics: [.error(at: SourceLocation(path: display(output)), "cannot write candidates: \(error.localizedDescription)")])
        }
        return ExtractReport(
            sourcesRead: sources.count, statementsFound: extraction.statementCount, candidates: extraction.candidates.count,
            multiSourceCandidates: extraction.candidates.filter { $0.sources.count > 1 }.count,
            conflictingCandidates: extraction.candidates.filter { !$0.conflictsWith.isEmpty }.count,
            additions: extraction.additions.count, writtenPath: display(outcome.written),
            leftAlonePath: outcome.leftAlone.map(display), unchanged: outcome.unchanged,
            warnings: log.diagnostics.map { Diagnostic(.warning, at: $0.location, $0.message) }
        )
    }

    /// `--out`, or `<site>/Content/claims/_candidates.yml`.
    private static func outputURL(_ options: ExtractOptions, layout: SiteLayout) -> URL {
        if let path = options.outputPath { return URL(fileURLWithPath: path).standardizedFileURL }
        return layout.contentDirectory.appending(path: "claims/_candidates.yml").standardizedFileURL
    }

    /// Refuses a file the build would read as part of the ledger, or anything under Content/ other than claims/.
    private static func checkOutput(_ url: URL, layout: SiteLayout) throws(ExtractFailure) {
        let claims = layout.contentDirectory.appending(path: "claims", directoryHint: .isDirectory).standardizedFileURL.path
        let content = layout.contentDirectory.standardizedFileURL.path
        let folder = url.deletingLastPathComponent().standardizedFileURL.path
        let name = url.lastPathComponent
        var problem: String?
        if folder == claims, !name.hasPrefix("_") {
            problem = "'\(name)' would be read by the build as part of the ledger: name the candidates file with a leading '_'"
        } else if folder.hasPrefix(content + "/") || folder == content, folder != claims {
            problem = "the candidates file must not go elsewhere under Content/ than Content/claims/"
        } else if url.path.hasSuffix("/") || (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            problem = "'\(url.path)' is a folder: give the path of a .yml file"
        }
        if let problem { throw ExtractFailure(diagnostics: [.error(at: SourceLocation(path: display(url)), problem)]) }
    }

    /// A path relative to the current folder when it lies inside it.
    private static func display(_ url: URL) -> String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}
