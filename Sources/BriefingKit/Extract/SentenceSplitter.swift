/// Splits running text into sentences. A sentence ends at `.`, `!`, `?`, `…` or `;` followed by white space and a
/// capital, a digit or an opening quote — but not after an abbreviation or title ("Oct. 24", "Dr. Osei", "U.S.
/// officials"), an initial ("J. Smith"), or inside a quotation, and never inside a number ("3.5", "$2.4bn").
enum SentenceSplitter {
    /// Sentence ranges of `body` within `run`, trimmed of white space (a `;` that ends a sentence is left out).
    static func sentences(in run: Range<Int>, of body: BodyText) -> [Range<Int>] {
        let chars = body.characters
        var sentences: [Range<Int>] = []
        var start = run.lowerBound
        var quoteOpenedAt: Int?
        var index = run.lowerBound
        func add(_ range: Range<Int>) {
            let trimmed = body.trimmed(range)
            if !trimmed.isEmpty { sentences.append(trimmed) }
        }
        while index < run.upperBound {
            let character = chars[index]
            trackQuote(character, at: index, start: start, chars: chars, openedAt: &quoteOpenedAt)
            if let opened = quoteOpenedAt, index - opened > 400 { quoteOpenedAt = nil }
            guard ".!?…;".contains(character) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < run.upperBound, ".!?…".contains(chars[end]) { end += 1 }
            while end < run.upperBound, "\"”’')]»".contains(chars[end]) {
                trackQuote(chars[end], at: end, start: start, chars: chars, openedAt: &quoteOpenedAt)
                end += 1
            }
            guard end == run.upperBound || chars[end].isWhitespace, quoteOpenedAt == nil else {
                index = end
                continue
            }
            var next = end
            while next < run.upperBound, chars[next].isWhitespace { next += 1 }
            guard next < run.upperBound else { break }
            if isBoundary(at: index, terminator: character, next: chars[next], chars: chars) {
                add(start..<(character == ";" ? index : end))
                start = next
                quoteOpenedAt = nil
            }
            index = next
        }
        add(start..<run.upperBound)
        return sentences
    }

    /// Opens or closes a quotation at `index`: curly quotes by their shape, a straight `"` by what precedes it.
    private static func trackQuote(_ character: Character, at index: Int, start: Int, chars: [Character], openedAt: inout Int?) {
        switch character {
        case "“", "«": openedAt = index
        case "”", "»": openedAt = nil
        case "\"":
            if openedAt != nil {
                openedAt = nil
            } else if index == start || chars[index - 1].isWhitespace || "([{—–-:".contains(chars[index - 1]) {
                openedAt = index
            }
        default: break
        }
    }

    /// Whether the terminator at `index` ends the sentence, given the first Character of what follows.
    private static func isBoundary(at index: Int, terminator: Character, next: Character, chars: [Character]) -> Bool {
        if terminator == ";" { return true }
        let opensSentence = next.isUppercase || next.isNumber || "\"“‘'([•*".contains(next)
        guard opensSentence else { return false }
        guard terminator == "." else { return true }
        let word = wordBefore(index, chars: chars)
        if word.isEmpty { return true }
        if word.contains(".") { return false } // U.S., e.g., a.m.
        if word.count == 1, word.first?.isUppercase == true { return false } // an initial
        let lower = word.lowercased()
        if lower == "no" || lower == "nos" { return !next.isNumber }
        if ["inc", "ltd", "co", "corp", "jr", "sr", "bros", "etc"].contains(lower) { return next.isUppercase }
        return !Lexicon.abbreviations.contains(lower)
    }

    /// The letters (and inner points) just before `index`: "Oct" before "Oct.", "U.S" before "U.S.".
    private static func wordBefore(_ index: Int, chars: [Character]) -> String {
        var start = index
        while start > 0, chars[start - 1].isLetter || (chars[start - 1] == "." && start >= 2 && chars[start - 2].isLetter) {
            start -= 1
        }
        return String(chars[start..<index])
    }
}
