import Foundation

/// The Load stage: reads every file of `Content/` into values, collecting all diagnostics of the whole site.
public enum SiteLoader {
    /// - Parameters:
    ///   - includeDrafts: keep notes marked `draft: true`.
    ///   - cache: files decoded by an earlier build of the same process, reused when their bytes are the same.
    /// - Returns: the content, or nil when an error left nothing to build (the log then says why).
    static func load(_ layout: SiteLayout, includeDrafts: Bool, cache: BuildCache? = nil, log: inout DiagnosticLog) -> SiteContent? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(SourceLocation(path: layout.displayPath("Content")), "no Content/ folder: is this a Briefing site?")
            return nil
        }
        let config = ConfigLoader.load(layout, log: &log)

        var names = NameRegistry()
        let noteFiles = layout.files(in: "notes", withExtension: "md", log: &log).filter {
            names.accept($0.name, kind: "note", at: SourceLocation(path: $0.displayPath), log: &log)
        }
        let notes = loadAll(noteFiles, as: "note", cache: cache, log: &log) { file, log in
            NoteLoader.load(slug: file.name, url: file.url, displayPath: file.displayPath, log: &log)
        }.filter { includeDrafts || !$0.draft }

        let sourceFiles = layout.files(in: "sources", withExtension: "md", log: &log).filter {
            names.accept($0.name, kind: "source", at: SourceLocation(path: $0.displayPath), log: &log)
        }
        let sources = loadAll(sourceFiles, as: "source", cache: cache, log: &log) { file, log in
            SourceLoader.load(id: file.name, url: file.url, displayPath: file.displayPath, log: &log)
        }

        let topicFiles = layout.files(in: "topics", withExtension: "md", log: &log).filter {
            names.accept($0.name, kind: "topic", at: SourceLocation(path: $0.displayPath), log: &log)
        }
        let topics = loadAll(topicFiles, as: "topic", cache: cache, log: &log) { file, log in
            TopicLoader.load(slug: file.name, url: file.url, displayPath: file.displayPath, log: &log)
        }

        let claims = loadAll(layout.files(in: "claims", withExtension: "yml", log: &log), as: "claims", cache: cache, log: &log) { file, log in
            ClaimLoader.load(url: file.url, displayPath: file.displayPath, log: &log)
        }.flatMap { $0 }
        // Without a usable site.yml the rest is still checked, so that one run reports every error.
        let fallback = SiteConfig(title: "", description: nil, language: "en", baseURL: nil, unsafeHTML: false)
        return SiteContent(config: config ?? fallback, notes: notes, sources: sources, topics: topics, claims: claims)
    }
}

extension SiteLoader {
    typealias ContentFile = (name: String, url: URL, displayPath: String)

    /// Loads files on every core. Values and diagnostics come out in file order, as a load one file after the other
    /// would give them.
    fileprivate static func loadAll<Value: Sendable>(
        _ files: [ContentFile], as kind: String, cache: BuildCache?, log: inout DiagnosticLog,
        _ load: @Sendable (ContentFile, inout DiagnosticLog) -> Value?
    ) -> [Value] {
        let results = Parallel.map(files) { file -> (Value?, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            let value = cache.map { cache in
                cache.load(file.url, key: kind + ":" + file.displayPath, log: &fileLog) { log in load(file, &log) }
            } ?? load(file, &fileLog)
            return (value, fileLog)
        }
        var values: [Value] = []
        for (value, fileLog) in results {
            log.append(contentsOf: fileLog.diagnostics)
            if let value { values.append(value) }
        }
        return values
    }
}

/// Checks file names that become URL segments: valid characters, and no two of one kind that differ only in case
/// (they would overwrite each other on a case-insensitive disk).
private struct NameRegistry {
    private var seen: [String: SourceLocation] = [:]

    mutating func accept(_ name: String, kind: String, at location: SourceLocation, log: inout DiagnosticLog) -> Bool {
        if let problem = Slug.problem(with: name) {
            log.error(location, "\(kind) file name '\(name)' \(problem)")
            return false
        }
        let key = kind + "/" + name.lowercased()
        if let first = seen[key] {
            log.error(location, "\(kind) '\(name)' differs only in letter case from \(first.path)")
            return false
        }
        seen[key] = location
        return true
    }
}
