import Foundation

/// Opens a Markdown content file: its front matter as a `FieldReader` and its body as `MarkdownText`.
enum MarkdownFileReader {
    static func open(_ url: URL, displayPath: String) throws(Diagnostic) -> (fields: FieldReader, body: MarkdownText) {
        let file = try TextFile.read(url, displayPath: displayPath)
        let document = try FrontMatterDocument.split(file)
        let body = MarkdownText(text: document.body, path: displayPath, firstLine: document.bodyFirstLine)
        guard let yaml = document.yaml,
              let root = try YAMLDocument.parse(yaml, path: displayPath, firstLine: document.yamlFirstLine)
        else {
            return (FieldReader(emptyAt: SourceLocation(path: displayPath)), body)
        }
        return (try FieldReader(root, what: "front matter"), body)
    }
}
