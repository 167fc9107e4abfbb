/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatterDocument: Sendable {
    /// The YAML between the `---` fences, or nil when the file has none.
    var yaml: String?
    /// The file line on which the YAML text starts (the line after the opening fence).
    var yamlFirstLine: Int
    var body: String
    /// The file line on which the body starts.
    var bodyFirstLine: Int

    /// Splits `file` at its front matter fences. A file that opens a front matter block and never closes it is an error.
    static func split(_ file: TextFile) throws(Diagnostic) -> FrontMatterDocument {
        let text = file.text
        let firstLine = text.prefix { $0 != "\n" }
        guard firstLine.trimmingTrailingSpaces == "---" else {
            return FrontMatterDocument(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        for (index, line) in lines.enumerated() where line.trimmingTrailingSpaces == "---" || line.trimmingTrailingSpaces == "..." {
            let yaml = lines[..<index].joined(separator: "\n")
            let body = lines[(index + 1)...].joined(separator: "\n")
            return FrontMatterDocument(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: index + 3)
        }
        throw .error(
            at: SourceLocation(path: file.displayPath, line: 1, column: 1),
            "front matter opened here is never closed (expected a line '---')"
        )
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
