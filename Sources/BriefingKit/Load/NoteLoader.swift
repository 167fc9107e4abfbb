import Foundation

/// Reads `Content/notes/<slug>.md`.
enum NoteLoader {
    static let knownFields = ["title", "date", "topics", "summary", "draft"]

    static func load(slug: String, url: URL, displayPath: String, log: inout DiagnosticLog) -> Note? {
        do {
            var (fields, body) = try MarkdownFileReader.open(url, displayPath: displayPath)
            let title = fields.string("title", required: true)
            let date = fields.date("date", required: true)
            let topics = fields.stringList("topics")
            let summary = fields.string("summary")
            let draft = fields.bool("draft") ?? false
            fields.warnAboutUnknownFields(known: knownFields)
            log.append(contentsOf: fields.log.diagnostics)
            // A note with a missing title or date still goes on to be checked (its citations, its topics); the
            // logged error stops the build before anything is written.
            return Note(
                slug: slug, title: title ?? slug, date: date ?? ContentDate(parsing: "1970-01-01")!, topics: topics, summary: summary, draft: draft, body: body,
                location: SourceLocation(path: displayPath)
            )
        } catch {
            log.append(error)
            return nil
        }
    }
}
