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
    /// Lowercased, possessive `'s` removed.
    let lower: String
    /// Offsets in the body.
    let range: Range<Int>
    /// No white space between this token and the previous one ("50" then "bn" in "50bn").
    let attached: Bool
    /// Whether the token stands inside a quotation.
    let quoted: Bool

    var isCapitalised: Bool { text.first?.isUppercase == true }
}

/// Splits a stretch of body text into tokens: words (with inner apostrophes and hyphens), numbers (with inner
/// thousands separators and decimal points: "3,000", "2.4") and single signs.
enum Tokenizer {
    static func tokens(in range: Range<Int>, of body: BodyText) -> [Token] {
        let chars = body.characters
        var tokens: [Token] = []
        var index = range.lowerBound
        var previousEnd = -1
        var quoted = false
        while index < range.upperBound {
            let character = chars[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            switch character {
            case "“", "«": quoted = true
            case "”", "»": quoted = false
            case "\"": quoted.toggle()
            default: break
            }
            let start = index
            let kind: Token.Kind
            if character.isNumber, character.isASCII {
                index += 1
                while index < range.upperBound {
                    if chars[index].isASCII, chars[index].isNumber {
                        index += 1
                    } else if chars[index] == "," || chars[index] == ".", index + 1 < range.upperBound,
                              chars[index + 1].isASCII, chars[index + 1].isNumber {
                        index += 2
                    } else {
                        break
                    }
                }
                kind = .number
            } else if character.isLetter {
                index += 1
                while index < range.upperBound {
                    if chars[index].isLetter || chars[index].isNumber {
                        index += 1
                    } else if "'’-".contains(chars[index]), index + 1 < range.upperBound, chars[index + 1].isLetter {
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
            let text = String(chars[start..<index])
            var lower = text.lowercased()
            if kind == .word, lower.hasSuffix("'s") || lower.hasSuffix("’s") { lower.removeLast(2) }
            tokens.append(Token(kind: kind, text: text, lower: lower, range: start..<index, attached: start == previousEnd, quoted: quoted))
            previousEnd = index
        }
        return tokens
    }

    /// The numeric value of a number token ("3,000" → 3000, "2.4" → 2.4).
    static func value(of token: Token) -> Double? {
        Double(token.text.replacingOccurrences(of: ",", with: ""))
    }
}
