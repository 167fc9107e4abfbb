/// A source body addressed by Character offset, so that statements can be found by offset and quoted verbatim.
/// Each Character is also kept as the value of its first Unicode scalar (`codes`), so that scanning compares
/// integers rather than Characters.
struct BodyText: Sendable {
    /// The body as given.
    let string: String
    /// Where each Character starts, plus `string.endIndex` as the last element.
    let indices: [String.Index]
    /// Per Character, the value of its first Unicode scalar.
    let codes: [UInt32]

    init(_ text: String) {
        string = text
        var indices: [String.Index] = []
        var codes: [UInt32] = []
        indices.reserveCapacity(text.utf8.count + 1)
        codes.reserveCapacity(text.utf8.count)
        let scalars = text.unicodeScalars
        var index = text.startIndex
        while index < text.endIndex {
            indices.append(index)
            codes.append(scalars[index].value)
            index = text.index(after: index)
        }
        indices.append(text.endIndex)
        self.indices = indices
        self.codes = codes
    }

    /// The number of Characters.
    var count: Int { codes.count }

    /// The body text from `range`, exactly as it stands.
    func text(_ range: Range<Int>) -> String {
        String(string[indices[range.lowerBound]..<indices[range.upperBound]])
    }

    /// `range` without white space at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(lower) { lower += 1 }
        while upper > lower, isSpace(upper - 1) { upper -= 1 }
        return lower..<upper
    }

    /// The lines of `range`, without their line breaks.
    func lines(in range: Range<Int>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where isNewline(index) {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<range.upperBound)
        return lines
    }

    // MARK: Character classes, by first scalar (ASCII answered without a property lookup)

    /// Whether the Character at `offset` is `scalar`.
    func `is`(_ offset: Int, _ scalar: Unicode.Scalar) -> Bool { codes[offset] == scalar.value }

    /// Whether the Character at `offset` is one of `scalars`.
    func isOne(of scalars: String, at offset: Int) -> Bool {
        let code = codes[offset]
        return scalars.unicodeScalars.contains { $0.value == code }
    }

    func isNewline(_ offset: Int) -> Bool {
        switch codes[offset] {
        case 10, 11, 12, 13, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// White space, line breaks included.
    func isSpace(_ offset: Int) -> Bool {
        let code = codes[offset]
        if code < 128 { return code == 32 || (9...13).contains(code) }
        return Unicode.Scalar(code)?.properties.isWhitespace ?? false
    }

    func isLetter(_ offset: Int) -> Bool {
        let code = codes[offset]
        if code < 128 { return (65...90).contains(code) || (97...122).contains(code) }
        return Unicode.Scalar(code)?.properties.isAlphabetic ?? false
    }

    func isUppercase(_ offset: Int) -> Bool {
        let code = codes[offset]
        if code < 128 { return (65...90).contains(code) }
        return Unicode.Scalar(code)?.properties.isUppercase ?? false
    }

    /// `0`…`9`.
    func isDigit(_ offset: Int) -> Bool { (48...57).contains(codes[offset]) }

    /// A letter or a digit of any script.
    func isAlphanumeric(_ offset: Int) -> Bool {
        let code = codes[offset]
        if code < 128 { return (48...57).contains(code) || (65...90).contains(code) || (97...122).contains(code) }
        guard let scalar = Unicode.Scalar(code) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
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
        for line in body.lines(in: 0..<body.count) {
            let blank = line.allSatisfy { body.isSpace($0) || body.is($0, ">") }
            if blank { close() } else { current.append(line) }
        }
        close()
        return paragraphs
    }
}
