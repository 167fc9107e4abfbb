import Foundation

/// `briefing new note|source|topic`: a new content file with its front matter filled in, never over an existing one.
public struct ContentScaffold: Sendable {
    let layout: SiteLayout
    let today: String

    /// - Parameters:
    ///   - sitePath: the site folder as the user typed it; written paths are shown relative to it the way `build`
    ///     shows them (`mysite/Content/notes/x.md`, or `Content/notes/x.md` for `.`).
    ///   - now: the clock's reading, for default dates (a note's `date`, a source's `accessed`).
    ///   - timeZone: where "today" is decided.
    public init(sitePath: String, now: Date = Date(), timeZone: TimeZone = .current) {
        self.layout = SiteLayout(path: sitePath)
        self.today = ScaffoldFile.day(now, in: timeZone)
    }

    /// Writes `Content/notes/<slug>.md`, the slug made from the title unless given.
    /// - Parameters:
    ///   - date: `YYYY-MM-DD` or an ISO 8601 date-time; default today.
    /// - Returns: the path written, as shown to the user.
    public func note(title: String, topics: [String] = [], date: String? = nil, slug: String? = nil) throws(ScaffoldError) -> String {
        let title = try requireText(title, "the note's title")
        let slug = try name(slug ?? TitleSlug.make(from: title), kind: "note", madeFrom: slug == nil ? title : nil)
        for topic in topics where !Slug.isValid(topic) {
            throw ScaffoldError("topic slug '\(topic)' must use \(Slug.rule)")
        }
        let date = (date ?? today).trimmingCharacters(in: .whitespaces)
        guard ContentDate(parsing: date) != nil else {
            throw ScaffoldError("date '\(date)' must be a date (YYYY-MM-DD) or an ISO 8601 date-time")
        }
        var lines = ["---", "title: \(YAMLScalar.quoted(title))", "date: \(date)"]
        if !topics.isEmpty { lines.append("topics: \(YAMLScalar.flowList(topics))") }
        lines += [
            "# summary: One sentence for lists and feeds.", "---",
            "Write the note here. Cite a source with `[@source-id]`, or `[@source-id, para 2]` with a locator.", "",
        ]
        return try write(folder: "notes", name: slug, kind: "note", lines: lines)
    }

    /// Writes `Content/sources/<id>.md`.
    /// - Parameter title: default: made from the id, to be replaced by the source's own headline.
    public func source(id: String, outlet: String, url: String? = nil, title: String? = nil) throws(ScaffoldError) -> String {
        let id = try name(id, kind: "source", madeFrom: nil)
        let outlet = try requireText(outlet, "the source's outlet")
        let title = try requireText(title ?? Slug.title(from: id), "the source's title")
        var lines = ["---", "title: \(YAMLScalar.quoted(title))", "outlet: \(YAMLScalar.quoted(outlet))"]
        if let url {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw ScaffoldError("url '\(url)' must be an absolute http or https URL")
            }
            lines.append("url: \(YAMLScalar.quoted(url))")
        }
        lines += ["# published: YYYY-MM-DD", "accessed: \(today)", "---", "Paste the source's text here, as it is.", ""]
        return try write(folder: "sources", name: id, kind: "source", lines: lines)
    }

    /// Writes `Content/topics/<slug>.md`.
    /// - Parameter title: default: made from the slug (`russia-dprk-alliance` → "Russia dprk alliance").
    public func topic(slug: String, title: String? = nil) throws(ScaffoldError) -> String {
        let slug = try name(slug, kind: "topic", madeFrom: nil)
        let title = try requireText(title ?? Slug.title(from: slug), "the topic's title")
        let lines = [
            "---", "title: \(YAMLScalar.quoted(title))", "# summary: One sentence shown under the title.", "---",
            "Describe the topic here: its page lists the notes and claims that name it.", "",
        ]
        return try write(folder: "topics", name: slug, kind: "topic", lines: lines)
    }

    private func requireText(_ text: String, _ what: String) throws(ScaffoldError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ScaffoldError("\(what) must not be empty") }
        return trimmed
    }

    private func name(_ name: String, kind: String, madeFrom title: String?) throws(ScaffoldError) -> String {
        if let title, name.isEmpty {
            throw ScaffoldError("cannot make a file name from the title '\(title)'; give one with --slug")
        }
        guard Slug.isValid(name) else { throw ScaffoldError("\(kind) name '\(name)' must use \(Slug.rule)") }
        return name
    }

    private func write(folder: String, name: String, kind: String, lines: [String]) throws(ScaffoldError) -> String {
        let config = layout.contentDirectory.appending(path: "site.yml")
        guard FileManager.default.fileExists(atPath: config.path) else {
            throw ScaffoldError("\(layout.displayPath("Content/site.yml")) not found: run this in a site folder, or create one with 'briefing init'")
        }
        let directory = layout.contentDirectory.appending(path: folder, directoryHint: .isDirectory)
        let fileName = "\(name).md"
        let display = layout.displayPath("Content/\(folder)/\(fileName)")
        // Names differing only in case collide on macOS and Windows disks, and the build rejects them.
        var existing: [String] = []
        if FileManager.default.fileExists(atPath: directory.path) {
            do {
                existing = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            } catch {
                throw ScaffoldError("cannot read \(layout.displayPath("Content/\(folder)/")): \(error.localizedDescription)")
            }
        }
        if let clash = existing.first(where: { $0 != fileName && $0.lowercased() == fileName.lowercased() }) {
            throw ScaffoldError("\(display) would clash with \(layout.displayPath("Content/\(folder)/\(clash)")) (names differing only in case); nothing was written")
        }
        try ScaffoldFile.create(directory.appending(path: fileName), contents: lines.joined(separator: "\n"), displayPath: display)
        return display
    }
}
