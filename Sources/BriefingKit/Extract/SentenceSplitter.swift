/// Splits running text into sentences. A sentence ends at `.`, `!`, `?`, `…` or `;` followed by white space and a
/// capital, a digit or an opening quote — but not after an abbreviation or title ("Oct. 24", "Dr. Osei", "U.S.
/// officials"), an initial ("J. Smith"), or inside a quotation, and never inside a number ("3.5", "$2.4bn").
enum SentenceSplitter {
    private static let terminators = "!?…"
    private static let closers = "\"”’')]»"
    private static let openers = "\"“‘'([•*"

    /// Sentence ranges of `body` within `run`, trimmed of white space (a `;` that ends a sentence is left out).
    static func sentences(in run: Range<Int>, of body: BodyText) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = run.lowerBound
        var quoteOpenedAt: Int?
        var index = run.lowerBound
        func add(_ range: Range<Int>) {
            let trimmed = body.trimmed(range)
            if !trimmed.isEmpty { sentences.append(trimmed) }
        }
        while index < run.upperBound {
            trackQuote(at: index, start: start, body: body, openedAt: &quoteOpenedAt)
            if let opened = quoteOpenedAt, index - opened > 400 { quoteOpenedAt = nil }
            let isPoint = body.is(index, "."), isSemicolon = body.is(index, ";")
            guard isPoint || isSemicolon || body.isOne(of: terminators, at: index) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < run.upperBound, body.is(end, ".") || body.isOne(of: terminators, at: end) { end += 1 }
            while end < run.upperBound, body.isOne(of: closers, at: end) {
                trackQuote(at: end, start: start, body: body, openedAt: &quoteOpenedAt)
                end += 1
            }
            guard end == run.upperBound || body.isSpace(end), quoteOpenedAt == nil else {
                index = end
                continue
            }
            var next = end
            while next < run.upperBound, body.isSpace(next) { next += 1 }
            guard next < run.upperBound else { break }
            if isSemicolon || isBoundary(at: index, point: isPoint, next: next, body: body) {
                add(start..<(isSemicolon ? index : end))
                start = next
                quoteOpenedAt = nil
            }
            index = next
        }
        add(start..<run.upperBound)
        return sentences
    }

    /// Opens or closes a quotation at `index`: curly quotes by their shape, a straight `"` by what precedes it.
    private static func trackQuote(at index: Int, start: Int, body: BodyText, openedAt: inout Int?) {
        switch body.codes[index] {
        case 0x201C, 0xAB: openedAt = index // “ «
        case 0x201D, 0xBB: openedAt = nil // ” »
        case 0x22: // "
            if openedAt != nil {
                openedAt = nil
            } else if index == start || body.isSpace(index - 1) || body.isOne(of: "([{—–-:", at: index - 1) {
                openedAt = index
            }
        default: break
        }
    }

    /// Whether the terminator at `index` ends the sentence, given where what follows starts.
    private static func isBoundary(at index: Int, point: Bool, next: Int, body: BodyText) -> Bool {
        let nextIsDigit = body.isDigit(next), nextIsUpper = body.isUppercase(next)
        guard nextIsUpper || nextIsDigit || body.isOne(of: openers, at: next) else { return false }
        guard point else { return true }
        var wordStart = index
        while wordStart > 0, body.isLetter(wordStart - 1) || (body.is(wordStart - 1, ".") && wordStart >= 2 && body.isLetter(wordStart - 2)) {
            wordStart -= 1
        }
        let length = index - wordStart
        if length == 0 { return true }
        let word = body.text(wordStart..<index)
        if word.contains(".") { return false } // U.S., e.g., a.m.
        if length == 1, body.isUppercase(wordStart) { return false } // an initial
        let lower = word.lowercased()
        if lower == "no" || lower == "nos" { return !nextIsDigit }
        if ["inc", "ltd", "co", "corp", "jr", "sr", "bros", "etc"].contains(lower) { return nextIsUpper }
        return !Lexicon.abbreviations.contains(lower)
    }
}
