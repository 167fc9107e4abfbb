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
    ///
    /// Lines are found on the UTF-8 bytes: a line feed is always a Character of its own, except after a carriage
    /// return ("\r\n" is one Character, and no line break here).
    static func split(_ file: TextFile) throws(Diagnostic) -> FrontMatterDocument {
        let utf8 = Array(file.text.utf8)
        var lineStart = 0
        var lineNumber = 1
        var yamlStart: Int?
        while lineStart <= utf8.count {
            var lineEnd = lineStart
            while lineEnd < utf8.count, !(utf8[lineEnd] == 0x0A && (lineEnd == 0 || utf8[lineEnd - 1] != 0x0D)) { lineEnd += 1 }
            let line = trimmingTrailingSpaces(utf8[lineStart..<lineEnd])
            if let start = yamlStart {
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                    let bodyStart = min(lineEnd + 1, utf8.count)
                    // A file that ends on the closing fence has an empty body, which stands on that last line: there
                    // is no line after it to point at.
                    let bodyFirstLine = lineEnd < utf8.count ? lineNumber + 1 : lineNumber
                    return FrontMatterDocument(
                        yaml: String(decoding: utf8[start..<max(start, lineStart - 1)], as: UTF8.self), yamlFirstLine: 2,
                        body: String(decoding: utf8[bodyStart...], as: UTF8.self), bodyFirstLine: bodyFirstLine
                    )
                }
            } else if line.elementsEqual("---".utf8) {
                yamlStart = min(lineEnd + 1, utf8.count)
            } else {
                return FrontMatterDocument(yaml: nil, yamlFirstLine: 1, body: file.text, bodyFirstLine: 1)
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        throw .error(
            at: SourceLocation(path: file.displayPath, line: 1, column: 1),
            "front matter opened here is never closed (expected a line '---')"
        )
    }

    private static func trimmingTrailingSpaces(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = line
        while let last = result.last, last == 0x20 || last == 0x09 { result.removeLast() }
        return result
    }
}
