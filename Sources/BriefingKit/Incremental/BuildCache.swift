import Foundation

/// What a long-running process (`briefing serve`) keeps between its builds: each content file as it was decoded,
/// by its exact bytes, and each Markdown body as it was parsed, by its exact text. A rebuild after one edit still
/// reads every file and checks the whole site, but decodes and parses only what changed.
///
/// Keys are contents, not file times, so an edit is never missed however quickly it follows the last one. Entries
/// that a build did not use are dropped when it ends (`finishBuild`), so the cache holds one site's worth.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: LoadedFile] = [:]
    private var parsed: [ParseKey: ParsedBody] = [:]
    /// Counts builds; each entry remembers the last build that used it. (A generation rather than a set of used
    /// keys, so that a body's whole text is hashed once per lookup and not again to mark or sweep it.)
    private var generation = 0

    private struct LoadedFile {
        var bytes: Data
        var value: any Sendable
        var diagnostics: [Diagnostic]
        var generation: Int
    }

    private struct ParsedBody {
        var parsed: ParsedMarkdown
        var generation: Int
    }

    struct ParseKey: Hashable {
        var text: MarkdownText
        var readsCitations: Bool
        var allowsRawHTML: Bool
        var keepsLineBreaks: Bool
    }

    public init() {}

    /// The value `load` makes of the file at `url`, from the cache when the file's bytes are those it was made from.
    /// - Parameter key: names the file and what it is loaded as (the same bytes can be a note or a source).
    func load<Value: Sendable>(_ url: URL, key: String, log: inout DiagnosticLog, _ load: (inout DiagnosticLog) -> Value?) -> Value? {
        // An unreadable file is the loader's to report.
        guard let bytes = try? Data(contentsOf: url) else { return load(&log) }
        let cached = lock.withLock { () -> LoadedFile? in
            loaded[key]?.generation = generation
            return loaded[key]
        }
        if let cached, cached.bytes == bytes, let value = cached.value as? Value? {
            log.append(contentsOf: cached.diagnostics)
            return value
        }
        var fileLog = DiagnosticLog()
        let value = load(&fileLog)
        log.append(contentsOf: fileLog.diagnostics)
        lock.withLock { loaded[key] = LoadedFile(bytes: bytes, value: value, diagnostics: fileLog.diagnostics, generation: generation) }
        return value
    }

    /// The parsed body, from the cache when this text was parsed the same way before.
    func parse(_ text: MarkdownText, with parser: MarkdownParser) -> ParsedMarkdown {
        let key = ParseKey(text: text, readsCitations: parser.readsCitations, allowsRawHTML: parser.allowsRawHTML, keepsLineBreaks: parser.keepsLineBreaks)
        if let cached = lock.withLock({ () -> ParsedMarkdown? in
            guard let index = parsed.index(forKey: key) else { return nil }
            parsed.values[index].generation = generation
            return parsed.values[index].parsed
        }) {
            return cached
        }
        let result = parser.parse(text)
        lock.withLock { parsed[key] = ParsedBody(parsed: result, generation: generation) }
        return result
    }

    /// Drops what the build that just ended did not use (usually the old versions of the edited files).
    func finishBuild() {
        lock.withLock {
            for key in loaded.filter({ $0.value.generation != generation }).map(\.key) { loaded.removeValue(forKey: key) }
            let staleBodies = parsed.indices.filter { parsed.values[$0].generation != generation }.map { parsed.keys[$0] }
            for key in staleBodies { parsed.removeValue(forKey: key) }
            generation += 1
        }
    }
}
