/// A word, number or sign of a sentence, with where it stands in the body.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case word
        case number
        case symbol
    }

    let kind: Kind
    /// As written.
    let text: String
    /// Lowercased, curly apostrophes straightened, possessive `'s` removed.
    let lower: String
    /// Offsets in the body.
    let range: Range<Int>
    /// No white space between this token and the previous one ("50" then "bn" in "50bn").
    let attached: Bool
    /// Whether the token stands inside a quotation.
    let quoted: Bool
    /// The first letter is a capital.
    let isCapitalised: Bool
}

/// Splits a stretch of body text into tokens: words (with inner apostrophes and hyphens), numbers (with inner
/// thousands separators and decimal points: "3,000", "2.4") and single signs.
enum Tokenizer {
    static func tokens(in range: Range<Int>, of body: BodyText) -> [Token] {
        var tokens: [Token] = []
        var index = range.lowerBound
        var previousEnd = -1
        var quoted = false
        while index < range.upperBound {
            if body.isSpace(index) {
                index += 1
                continue
            }
            switch body.codes[index] {
            case 0x201C, 0xAB: quoted = true
            case 0x201D, 0xBB: quoted = false
            case 0x22: quoted.toggle()
            default: break
            }
            let start = index
            let kind: Token.Kind
            if body.isDigit(index) {
                index += 1
                while index < range.upperBound {
                    if body.isDigit(index) {
                        index += 1
                    } else if body.is(index, ",") || body.is(index, "."), index + 1 < range.upperBound, body.isDigit(index + 1) {
                        index += 2
                    } else {
                        break
                    }
                }
                kind = .number
            } else if body.isLetter(index) {
                index += 1
                while index < range.upperBound {
                    if body.isAlphanumeric(index) {
                        index += 1
                    } else if body.isOne(of: "'’-", at: index), index + 1 < range.upperBound, body.isLetter(index + 1) {
                        index += 2
                    } else {
                        break
                    }
                }
                kind = .word
            } else {
                index += 1
                kind = .symbol
            }
            let text = body.text(start..<index)
            var lower = kind == .word ? text.lowercased() : text
            if kind == .word {
                if lower.unicodeScalars.contains("’") { lower = String(lower.map { $0 == "’" ? "'" : $0 }) }
                if lower.hasSuffix("'s") { lower.removeLast(2) }
            }
            tokens.append(Token(
                kind: kind, text: text, lower: lower, range: start..<index, attached: start == previousEnd, quoted: quoted,
                isCapitalised: body.isUppercase(start)
            ))
            previousEnd = index
        }
        return tokens
    }

    /// The numeric value of a number token ("3,000" → 3000, "2.4" → 2.4).
    static func value(of token: Token) -> Double? {
        Double(String(token.text.unicodeScalars.filter { $0 != "," }))
    }
}
