/// A source body as an array of Characters, so that statements can be found by offset and quoted verbatim.
struct BodyText: Sendable {
    /// The body's Characters.
    let characters: [Character]

    init(_ text: String) {
        characters = Array(text)
    }

    /// The body text from `range`, exactly as it stands.
    func text(_ range: Range<Int>) -> String {
        String(characters[range])
    }

    /// `range` without white space at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, characters[lower].isWhitespace { lower += 1 }
        while upper > lower, characters[upper - 1].isWhitespace { upper -= 1 }
        return lower..<upper
    }

    /// The lines of `range`, without their line breaks.
    func lines(in range: Range<Int>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where characters[index].isNewline {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<range.upperBound)
        return lines
    }
}

/// One paragraph of a source body: lines between blank lines, numbered from 1 in the same way as the quote
/// check numbers them (a line holding only white space and `>` markers is blank).
struct BodyParagraph: Sendable {
    /// 1-based.
    let number: Int
    /// The paragraph's lines, without line breaks.
    let lines: [Range<Int>]
}

enum ParagraphSplitter {
    /// The body's paragraphs in order.
    static func paragraphs(of body: BodyText) -> [BodyParagraph] {
        var paragraphs: [BodyParagraph] = []
        var current: [Range<Int>] = []
        func close() {
            if !current.isEmpty { paragraphs.append(BodyParagraph(number: paragraphs.count + 1, lines: current)) }
            current = []
        }
        for line in body.lines(in: 0..<body.characters.count) {
            let blank = body.characters[line].allSatisfy { $0.isWhitespace || $0 == ">" }
            if blank { close() } else { current.append(line) }
        }
        close()
        return paragraphs
    }
}
