import Foundation

/// The Load stage: reads every file of `Content/` into values, collecting all diagnostics of the whole site.
public enum SiteLoader {
    /// - Parameter includeDrafts: keep notes marked `draft: true`.
    /// - Returns: the content, or nil when an error left nothing to build (the log then says why).
    static func load(_ layout: SiteLayout, includeDrafts: Bool, log: inout DiagnosticLog) -> SiteContent? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(SourceLocation(path: layout.displayPath("Content")), "no Content/ folder: is this a Briefing site?")
            return nil
        }
        let config = ConfigLoader.load(layout, log: &log)

        var names = NameRegistry()
        let notes = layout.files(in: "notes", withExtension: "md", log: &log).compactMap { file -> Note? in
            guard names.accept(file.name, kind: "note", at: SourceLocation(path: file.displayPath), log: &log) else { return nil }
            return NoteLoader.load(slug: file.name, url: file.url, displayPath: file.displayPath, log: &log)
        }.filter { includeDrafts || !$0.draft }

        let sources = layout.files(in: "sources", withExtension: "md", log: &log).compactMap { file -> Source? in
            guard names.accept(file.name, kind: "source", at: SourceLocation(path: file.displayPath), log: &log) else { return nil }
            return SourceLoader.load(id: file.name, url: file.url, displayPath: file.displayPath, log: &log)
        }

        let topics = layout.files(in: "topics", withExtension: "md", log: &log).compactMap { file -> Topic? in
            guard names.accept(file.name, kind: "topic", at: SourceLocation(path: file.displayPath), log: &log) else { return nil }
            return TopicLoader.load(slug: file.name, url: file.url, displayPath: file.displayPath, log: &log)
        }

        var claims: [Claim] = []
        for file in layout.files(in: "claims", withExtension: "yml", log: &log) {
            claims += ClaimLoader.load(url: file.url, displayPath: file.displayPath, log: &log)
        }
        // Without a usable site.yml the rest is still checked, so that one run reports every error.
        let fallback = SiteConfig(title: "", description: nil, language: "en", baseURL: nil, unsafeHTML: false)
        return SiteContent(config: config ?? fallback, notes: notes, sources: sources, topics: topics, claims: claims)
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
