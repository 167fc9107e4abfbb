/// Checks that a claim's verbatim quote occurs in its source's body, and when it does not, finds the passage that
/// comes closest.
///
/// Both texts are compared in their `QuoteNormaliser` form. A quote is found only as a whole, and only where it
/// does not start or end inside a word or number: "5,000 troops" is not found in "15,000 troops", "5%" not in
/// "0.5%", "50bn" not in "$50bn", "5 degrees" not in "-5 degrees", "rose 5" not in "rose 5%" or "rose 5.5".
enum QuoteMatcher {
    /// The outcome of looking for one quote in one body.
    enum Result: Equatable, Sendable {
        /// The quote occurs; `paragraph` is the 1-based paragraph (block between blank lines) where it starts.
        case found(paragraph: Int)
        /// The quote does not occur. `closest` is the nearest passage as it stands in the body (trimmed, at most
        /// about `excerptLimit` characters), `similarity` how close it is (1 = identical after normalisation,
        /// 0 = nothing in common), `paragraph` the 1-based paragraph where it starts. An empty body or a quote
        /// with no text gives `closest: ""`, `similarity: 0`, `paragraph: 1`.
        case notFound(closest: String, similarity: Double, paragraph: Int)
    }

    /// The longest `closest` passage reported, in characters, before an ellipsis is added.
    static let excerptLimit = 200

    /// Looks for `quote` in `body` (Markdown source text).
    static func find(_ quote: String, in body: String) -> Result {
        find(QuoteNormaliser.normalise(quote), in: QuoteNormaliser.normalise(body))
    }

    /// Looks for an already normalised quote in an already normalised body, so that a body cited by several quotes
    /// is normalised once.
    static func find(_ quote: NormalisedText, in body: NormalisedText) -> Result {
        guard quote.count > 0, body.count > 0 else {
            return .notFound(closest: "", similarity: 0, paragraph: 1)
        }
        var interner = ClusterInterner()
        let quoteCodes = interner.codes(quote)
        let bodyCodes = interner.codes(body)

        if let start = exactOccurrence(of: quoteCodes, in: bodyCodes, quote: quote, body: body) {
            return .found(paragraph: body.paragraph(at: start))
        }
        let (end, cost) = bestMatchEnd(of: quoteCodes, in: bodyCodes)
        let start = bestMatchStart(of: quoteCodes, in: bodyCodes, end: end, cost: cost)
        let span = widenedToWords(start..<end, in: body)
        guard !span.isEmpty else {
            return .notFound(closest: "", similarity: 0, paragraph: body.paragraph(at: min(start, body.count - 1)))
        }
        let distance = span == start..<end ? cost : levenshtein(quoteCodes, bodyCodes[span])
        let similarity = 1 - Double(distance) / Double(max(quoteCodes.count, span.count))
        let range = body.originalRange(of: span, includingAdjacentMarkers: true)
        return .notFound(
            closest: excerpt(body.original[range]), similarity: similarity, paragraph: body.paragraph(at: span.lowerBound)
        )
    }

    // MARK: Exact search

    /// The first offset in `body` where `quote` occurs on word and number boundaries.
    private static func exactOccurrence(of quoteCodes: [UInt32], in bodyCodes: [UInt32], quote: NormalisedText, body: NormalisedText) -> Int? {
        let length = quoteCodes.count
        guard length <= bodyCodes.count else { return nil }
        let first = quoteCodes[0]
        let lastStart = bodyCodes.count - length
        var start = 0
        while start <= lastStart {
            if bodyCodes[start] == first {
                var offset = 1
                while offset < length, bodyCodes[start + offset] == quoteCodes[offset] { offset += 1 }
                if offset == length,
                   startsCleanly(quote.character(at: 0), at: start, in: body),
                   endsCleanly(quote.character(at: length - 1), at: start + length, in: body) {
                    return start
                }
            }
            start += 1
        }
        return nil
    }

    /// Whether a quote beginning with `first` may start at `start`: not inside a word, nor inside a number or just
    /// after its sign or currency.
    private static func startsCleanly(_ first: Character, at start: Int, in body: NormalisedText) -> Bool {
        guard start > 0 else { return true }
        let previous = body.character(at: start - 1)
        if isWordCharacter(first), isWordCharacter(previous) { return false }
        if first.isNumber {
            if previous == "." || previous == "," || previous.isNumber || isCurrency(previous) { return false }
            if previous == "-" || previous == "+" || previous == "±" {
                // A range ("2020-21") may be quoted from its second half, a signed number (" -5") may not.
                return start >= 2 && isWordCharacter(body.character(at: start - 2))
            }
        }
        return true
    }

    /// Whether a quote ending with `last` may end at `end` (exclusive): not inside a word, nor inside a number or
    /// just before its decimals, per cent or currency.
    private static func endsCleanly(_ last: Character, at end: Int, in body: NormalisedText) -> Bool {
        guard end < body.count else { return true }
        let next = body.character(at: end)
        if isWordCharacter(last), isWordCharacter(next) { return false }
        if last.isNumber {
            if next.isNumber || next == "%" || next == "‰" || next == "‱" || isCurrency(next) { return false }
            if next == "." || next == ",", end + 1 < body.count, body.character(at: end + 1).isNumber { return false }
        }
        return true
    }

    /// Letters and digits of scripts that put spaces between words (Han, kana, Thai and the like do not, so a quote
    /// may start or end next to them).
    private static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (48...57).contains(ascii) || (65...90).contains(ascii) || (97...122).contains(ascii)
        }
        guard character.isLetter || character.isNumber, let scalar = character.unicodeScalars.first else { return false }
        if scalar.properties.isIdeographic { return false }
        switch scalar.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x31F0...0x31FF: return false
        default: return true
        }
    }

    /// Whether `character` is a currency sign ($, £, €, ¥, …).
    private static func isCurrency(_ character: Character) -> Bool {
        character.unicodeScalars.first?.properties.generalCategory == .currencySymbol
    }

    // MARK: Closest passage

    /// The end (exclusive) of the span of `body` with the smallest edit distance to `quote`, and that distance;
    /// ties go to the earliest end. Approximate substring matching (the span may start anywhere) with Myers's
    /// bit-parallel algorithm in Hyyrö's blocked form: O(body × ⌈quote / 64⌉).
    private static func bestMatchEnd(of quote: [UInt32], in body: [UInt32]) -> (end: Int, cost: Int) {
        let length = quote.count
        let blocks = (length + 63) / 64
        // The quote's alphabet, numbered; body characters outside it match nothing.
        var asciiSlot = [Int](repeating: -1, count: 128)
        var otherSlot: [UInt32: Int] = [:]
        var slotCount = 0
        var quoteSlots: [Int] = []
        quoteSlots.reserveCapacity(length)
        for code in quote {
            if code < 128 {
                if asciiSlot[Int(code)] < 0 {
                    asciiSlot[Int(code)] = slotCount
                    slotCount += 1
                }
                quoteSlots.append(asciiSlot[Int(code)])
            } else if let slot = otherSlot[code] {
                quoteSlots.append(slot)
            } else {
                otherSlot[code] = slotCount
                quoteSlots.append(slotCount)
                slotCount += 1
            }
        }
        // Per alphabet entry and block, the quote positions holding it.
        var equal = [UInt64](repeating: 0, count: slotCount * blocks)
        for (position, slot) in quoteSlots.enumerated() {
            equal[slot * blocks + position >> 6] |= 1 << UInt64(position & 63)
        }
        // Vertical deltas of the current column, +1 (positive) and -1 (negative); the first column is 0, 1, 2, …
        var positive = [UInt64](repeating: ~0, count: blocks)
        var negative = [UInt64](repeating: 0, count: blocks)
        let lastRow: UInt64 = 1 << UInt64((length - 1) & 63)
        var score = length
        var best = (end: 0, cost: length)
        for (index, code) in body.enumerated() {
            let slot = code < 128 ? asciiSlot[Int(code)] : (otherSlot[code] ?? -1)
            var carry = 0 // horizontal delta entering the block from above: -1, 0 or +1
            for block in 0..<blocks {
                var eq: UInt64 = slot >= 0 ? equal[slot * blocks + block] : 0
                let pv = positive[block], mv = negative[block]
                let xv = eq | mv
                if carry < 0 { eq |= 1 }
                let xh = (((eq & pv) &+ pv) ^ pv) | eq
                var ph = mv | ~(xh | pv)
                var mh = pv & xh
                if block == blocks - 1 {
                    if ph & lastRow != 0 { score += 1 } else if mh & lastRow != 0 { score -= 1 }
                }
                let carryOut = ph >> 63 != 0 ? 1 : (mh >> 63 != 0 ? -1 : 0)
                ph <<= 1
                mh <<= 1
                if carry < 0 { mh |= 1 } else if carry > 0 { ph |= 1 }
                positive[block] = mh | ~(xv | ph)
                negative[block] = ph & xv
                carry = carryOut
            }
            if score < best.cost { best = (index + 1, score) }
        }
        return best
    }

    /// Where the best span ending at `end` with distance `cost` starts: of the starts giving that distance, the one
    /// whose span length is nearest the quote's (then the earlier). O(quote × (quote + cost)).
    private static func bestMatchStart(of quote: [UInt32], in body: [UInt32], end: Int, cost: Int) -> Int {
        let length = quote.count
        let widest = min(end, length + cost)
        // column[i]: distance between the last i quote characters and the last k body characters before `end`.
        var column = Array(0...length)
        var bestStart = end, bestGap = column[length] == cost ? length : Int.max
        guard widest > 0 else { return bestStart }
        for k in 1...widest {
            let character = body[end - k]
            var diagonal = column[0]
            column[0] = k
            for i in 1...length {
                let above = column[i]
                column[i] = min(diagonal + (quote[length - i] == character ? 0 : 1), above + 1, column[i - 1] + 1)
                diagonal = above
            }
            if column[length] == cost, abs(k - length) <= bestGap {
                bestGap = abs(k - length)
                bestStart = end - k
            }
        }
        return bestStart
    }

    /// `span` grown to whole words at both ends and trimmed of spaces.
    private static func widenedToWords(_ span: Range<Int>, in body: NormalisedText) -> Range<Int> {
        var lower = span.lowerBound, upper = span.upperBound
        /// Whether the body Character at `offset` belongs to a space-separated word.
        func isWord(_ offset: Int) -> Bool { isWordCharacter(body.character(at: offset)) }
        while lower > 0, lower < body.count, isWord(lower - 1), isWord(lower) { lower -= 1 }
        while upper > 0, upper < body.count, isWord(upper - 1), isWord(upper) { upper += 1 }
        while lower < upper, body.units[lower] == 32 { lower += 1 }
        while upper > lower, body.units[upper - 1] == 32 { upper -= 1 }
        return lower..<upper
    }

    /// Levenshtein distance between two code sequences.
    private static func levenshtein(_ a: [UInt32], _ b: ArraySlice<UInt32>) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The passage trimmed of surrounding white space and cut to about `excerptLimit` characters at a space.
    private static func excerpt(_ passage: Substring) -> String {
        var text = passage.drop(while: \.isWhitespace)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard text.count > excerptLimit else { return String(text) }
        var cut = text.prefix(excerptLimit)
        if let space = cut.lastIndex(where: \.isWhitespace), cut.distance(from: space, to: cut.endIndex) < 40 {
            cut = cut[..<space]
        }
        return String(cut) + "…"
    }
}

/// Codes for normalised text shared by a quote and a body: a unit's scalar value, and for Characters of several
/// scalars one code per distinct Character (by canonical equivalence), above the scalar range.
private struct ClusterInterner {
    /// The code given to each cluster seen so far.
    private var table: [Character: UInt32] = [:]

    /// The codes of `text`'s units, interning its clusters.
    mutating func codes(_ text: NormalisedText) -> [UInt32] {
        guard !text.clusters.isEmpty else { return text.units }
        let clusterCodes = text.clusters.map { cluster in
            if let code = table[cluster] { return code }
            let code = NormalisedText.clusterBase + UInt32(table.count)
            table[cluster] = code
            return code
        }
        return text.units.map { $0 >= NormalisedText.clusterBase ? clusterCodes[Int($0 - NormalisedText.clusterBase)] : $0 }
    }
}
