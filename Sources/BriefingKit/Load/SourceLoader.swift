import Foundation

/// Reads `Content/sources/<id>.md`.
enum SourceLoader {
    static let knownFields = ["title", "outlet", "author", "published", "url", "accessed", "language", "based_on"]

    static func load(id: String, url: URL, displayPath: String, log: inout DiagnosticLog) -> Source? {
        do {
            var (fields, body) = try MarkdownFileReader.open(url, displayPath: displayPath)
            let title = fields.string("title", required: true)
            let outlet = fields.string("outlet", required: true)
            let source = Source(
                id: id,
                title: title ?? "",
                outlet: outlet ?? "",
                author: fields.string("author"),
                published: fields.date("published"),
                url: fields.string("url"),
                accessed: fields.date("accessed"),
                language: fields.string("language"),
                basedOn: fields.stringList("based_on"),
                body: body.isBlank ? nil : body,
                location: SourceLocation(path: displayPath)
            )
            fields.warnAboutUnknownFields(known: knownFields)
            log.append(contentsOf: fields.log.diagnostics)
            return source
        } catch {
            log.append(error)
            return nil
        }
    }
}
