import Foundation

/// Reads `Content/topics/<slug>.md`.
enum TopicLoader {
    static let knownFields = ["title", "summary"]

    static func load(slug: String, url: URL, displayPath: String, log: inout DiagnosticLog) -> Topic? {
        do {
            var (fields, body) = try MarkdownFileReader.open(url, displayPath: displayPath)
            let title = fields.string("title", required: true)
            let summary = fields.string("summary")
            fields.warnAboutUnknownFields(known: knownFields)
            log.append(contentsOf: fields.log.diagnostics)
            return Topic(
                slug: slug, title: title ?? Slug.title(from: slug), summary: summary, body: body.isBlank ? nil : body,
                location: SourceLocation(path: displayPath)
            )
        } catch {
            log.append(error)
            return nil
        }
    }
}
