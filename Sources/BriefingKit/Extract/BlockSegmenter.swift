/// Splits a paragraph into runs of running text: each bullet or numbered item is a run of its own, consecutive
/// plain lines form one run; headings, table rows, rules and boilerplate lines (menus, "subscribe", "read more")
/// are left out.
enum BlockSegmenter {
    /// The runs of `paragraph`, as ranges of `body` without list markers or surrounding white space.
    static func runs(of paragraph: BodyParagraph, in body: BodyText) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var open: Range<Int>?
        func close() {
            if let run = open { runs.append(run) }
            open = nil
        }
        for line in paragraph.lines {
            let (content, isItem) = stripMarkers(line, in: body)
            guard !content.isEmpty else { continue }
            let text = body.text(content)
            let standsAlone = paragraph.lines.count == 1 && !isItem
            if isHeading(text) || (standsAlone && isTitle(text)) || (text.split(separator: " ").count <= 25 && Boilerplate.isBoilerplate(text)) {
                close()
                continue
            }
            if isItem || open == nil {
                close()
                open = content
            } else if let run = open {
                open = run.lowerBound..<content.upperBound
            }
        }
        close()
        return runs
    }

    /// The line without indentation, blockquote markers and a list marker; whether it had a list marker.
    private static func stripMarkers(_ line: Range<Int>, in body: BodyText) -> (Range<Int>, Bool) {
        var index = line.lowerBound
        func skipSpace() { while index < line.upperBound, body.is(index, " ") || body.is(index, "\t") { index += 1 } }
        skipSpace()
        while index < line.upperBound, body.is(index, ">") {
            index += 1
            skipSpace()
        }
        var isItem = false
        if index < line.upperBound {
            if body.isOne(of: "•◦▪‣●·", at: index) {
                index += 1
                isItem = true
            } else if body.isOne(of: "-*+", at: index), index + 1 < line.upperBound, body.is(index + 1, " ") {
                index += 1
                isItem = true
            } else {
                var digits = index
                while digits < line.upperBound, digits - index < 4, body.isDigit(digits) { digits += 1 }
                if digits > index, digits + 1 < line.upperBound, body.is(digits, ".") || body.is(digits, ")"), body.is(digits + 1, " ") {
                    index = digits + 1
                    isItem = true
                }
            }
        }
        return (body.trimmed(index..<line.upperBound), isItem)
    }

    /// A line on its own that does not end like a sentence and is short: a title or a caption.
    static func isTitle(_ line: String) -> Bool {
        guard let last = line.last, !".!?…:;\"”’)".contains(last) else { return false }
        return line.split(separator: " ").count <= 14
    }

    /// A Markdown heading, a line that is all bold or italic (`**Fighting**`), a table row or a rule.
    static func isHeading(_ line: String) -> Bool {
        if line.hasPrefix("#") || line.hasPrefix("|") || line.hasPrefix("---") || line.hasPrefix("===") { return true }
        for marker in ["**", "__"] where line.hasPrefix(marker) && line.hasSuffix(marker) && line.count > 4 {
            return !line.dropFirst(2).dropLast(2).contains(marker)
        }
        return false
    }
}
