import Foundation

/// Text reduced to what a quote comparison should see, with a map back to the original.
///
/// The normalised text is kept as one unit per `Character`: the Character's Unicode scalar value, or, for a
/// Character of several scalars that has no single-scalar composed form (`e` with two accents, emoji sequences),
/// `clusterBase + i` for `clusters[i]`. Each unit remembers the run of original Characters it stands for, so a span
/// found in the normalised text can be shown as it stands in the original (`originalRange(of:)`). Paragraphs
/// (blocks separated by blank lines) are numbered from 1.
struct NormalisedText: Sendable {
    /// Units at or above this value stand for `clusters[unit - clusterBase]`.
    static let clusterBase: UInt32 = 0x110000

    /// The text as given.
    let original: String
    /// The normalised text, one unit per Character (see the type's description).
    let units: [UInt32]
    /// The Characters of several scalars that `units` refer to.
    let clusters: [Character]
    /// For each unit, the offsets of the original Characters it stands for (never empty).
    let origins: [Range<Int>]
    /// Where each original Character starts, plus `original.endIndex` as the last element.
    let originalIndices: [String.Index]
    /// Original offsets of dropped emphasis and code markers (`*`, `_`, `~~`, backticks), for widening excerpts.
    let droppedMarkers: Set<Int>
    /// Original offsets at which paragraphs start, ascending.
    let paragraphStarts: [Int]

    /// The number of normalised Characters.
    var count: Int { units.count }

    /// The normalised Character at `offset`.
    func character(at offset: Int) -> Character {
        let unit = units[offset]
        if unit >= Self.clusterBase { return clusters[Int(unit - Self.clusterBase)] }
        return Character(Unicode.Scalar(unit) ?? "\u{FFFD}")
    }

    /// The normalised text as Characters.
    var characters: [Character] { units.indices.map(character(at:)) }

    /// The normalised text as a string.
    var text: String { String(characters) }

    /// The original Character offsets that the normalised Characters `range` stand for. An empty range maps to an
    /// empty range at the corresponding original position.
    func originalOffsets(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let position = range.lowerBound < origins.count ? origins[range.lowerBound].lowerBound : originalIndices.count - 1
            return position..<position
        }
        return origins[range.lowerBound].lowerBound..<origins[range.upperBound - 1].upperBound
    }

    /// The part of `original` that the normalised Characters `range` stand for. With `includingAdjacentMarkers`,
    /// the range also takes in emphasis and code markers touching it (`**bold**` rather than `bold`).
    func originalRange(of range: Range<Int>, includingAdjacentMarkers: Bool = false) -> Range<String.Index> {
        var offsets = originalOffsets(of: range)
        if includingAdjacentMarkers, !offsets.isEmpty {
            var lower = offsets.lowerBound, upper = offsets.upperBound
            while lower > 0, droppedMarkers.contains(lower - 1) { lower -= 1 }
            while droppedMarkers.contains(upper) { upper += 1 }
            offsets = lower..<upper
        }
        return originalIndices[offsets.lowerBound]..<originalIndices[offsets.upperBound]
    }

    /// The 1-based paragraph holding the original Character at `offset` (1 before the first paragraph).
    func paragraph(atOriginalOffset offset: Int) -> Int {
        // The number of paragraph starts at or before `offset`, by binary search.
        var low = 0, high = paragraphStarts.count
        while low < high {
            let middle = (low + high) / 2
            if paragraphStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(1, low)
    }

    /// The 1-based paragraph holding the normalised Character at `offset`.
    func paragraph(at offset: Int) -> Int {
        paragraph(atOriginalOffset: originalOffsets(of: offset..<offset).lowerBound)
    }
}

/// Reduces a quote or a source body to the text a verbatim-quote check should compare.
///
/// Applied identically to both sides:
/// - typographic single quotes and apostrophes (’ ‘ ‚ ‛ ′ ‹ › ´ ʼ) become `'`, double quotes (“ ” „ ‟ ″ « ») `"`;
/// - dashes and minus signs (‐ ‑ ‒ – — ― −) become `-`, and runs of dashes one `-` (`--`, `---`);
/// - `…` and runs of three or more dots become one `…`;
/// - every run of white space (line breaks, tabs, non-breaking and other Unicode spaces) becomes one space; zero
///   width characters and soft hyphens vanish;
/// - Markdown: emphasis and strikethrough markers (`*`, `**`, `_`, `__`, `~~`) and code backticks are dropped;
///   `[text](url)`, `![alt](url)` and `[text][ref]` become their text, `<https://…>` its URL, `[^1]` footnote
///   references and HTML tags or comments vanish (block tags such as `<br>` leave a space); `\*`-style escapes give
///   the bare character; HTML entities are decoded; at line starts, blockquote `>`, heading `#`, and bullet (`•`,
///   `- `, `* `, `+ `, `1. `, `1) `) markers are dropped;
/// - letters are lowercased, Characters of several scalars canonically composed, leading and trailing space trimmed.
///
/// Everything else is kept: digits, currency signs, `%`, commas and points in numbers, other punctuation. An
/// asterisk or underscore between two letters or digits (`f*ck`, `snake_case`, `2*3`) or between two spaces is
/// text, not emphasis; a single `~` (as in `~5,000`) is always text.
enum QuoteNormaliser {
    /// The normalised form of `text`, with its map back to `text`.
    static func normalise(_ text: String) -> NormalisedText {
        var scanner = MarkdownTextScanner(text)
        scanner.scan()
        return scanner.result()
    }
}

/// One pass over the original Characters: drops Markdown syntax and folds each remaining Character, then collapses
/// runs of spaces, dashes and dots.
private struct MarkdownTextScanner {
    /// The code of an original Character of several scalars (other than CR LF).
    static let complex: UInt32 = 0xFFFF_FFFF

    let original: String
    /// Where each original Character starts, plus `endIndex`.
    let indices: [String.Index]
    /// Per original Character: its scalar value (CR LF counts as LF), or `complex`.
    let codes: [UInt32]
    /// Folded units with their original offsets, before spaces, dashes and dots are collapsed.
    var units: [UInt32] = []
    var origins: [Range<Int>] = []
    var clusters: [Character] = []
    /// `skipTo[i] >= 0`: on reaching offset `i`, go on at `skipTo[i]` (closing syntax found earlier).
    var skipTo: [Int]
    var markers: Set<Int> = []

    /// Reads `text` into Character boundaries and codes.
    init(_ text: String) {
        original = text
        var indices = Array(text.indices)
        indices.append(text.endIndex)
        self.indices = indices
        let utf8 = text.utf8
        var codes: [UInt32] = []
        codes.reserveCapacity(indices.count - 1)
        for offset in 0..<(indices.count - 1) {
            let start = indices[offset]
            if utf8.distance(from: start, to: indices[offset + 1]) == 1 {
                codes.append(UInt32(utf8[start]))
                continue
            }
            let scalars = text[start].unicodeScalars
            var iterator = scalars.makeIterator()
            let first = iterator.next()!
            if let second = iterator.next() {
                codes.append(first == "\r" && second == "\n" && iterator.next() == nil ? 10 : Self.complex)
            } else {
                codes.append(first.value)
            }
        }
        self.codes = codes
        skipTo = Array(repeating: -1, count: codes.count)
        units.reserveCapacity(codes.count)
        origins.reserveCapacity(codes.count)
    }

    /// The number of original Characters.
    private var count: Int { codes.count }

    /// Walks the original once, dropping Markdown syntax and folding the rest into `units`.
    mutating func scan() {
        var index = 0
        var atLineStart = true
        while index < count {
            if skipTo[index] >= 0 {
                index = skipTo[index]
                continue
            }
            if atLineStart {
                atLineStart = false
                index = dropLineStartMarkers(from: index)
                continue
            }
            let code = codes[index]
            if isNewline(index) {
                emit(32, index..<index + 1)
                index += 1
                atLineStart = true
                continue
            }
            switch code {
            case 0x5C: index = escape(at: index) // \
            case 0x26: index = entity(at: index) // &
            case 0x5B: index = bracket(at: index) // [
            case 0x21: // !
                if index + 1 < count, codes[index + 1] == 0x5B, linkEnd(openingAt: index + 1) != nil {
                    index += 1 // the `[` drops its own syntax next
                } else {
                    fold(code, index..<index + 1)
                    index += 1
                }
            case 0x3C: index = angle(at: index) // <
            case 0x60: // `
                var end = index
                while end < count, codes[end] == 0x60 { end += 1 }
                for offset in index..<end { markers.insert(offset) }
                index = end
            case 0x2A, 0x5F, 0x7E: index = delimiterRun(at: index) // * _ ~
            default:
                fold(code, index..<index + 1)
                index += 1
            }
        }
    }

    /// The scanned units with runs of spaces, dashes and dots collapsed and outer space trimmed.
    func result() -> NormalisedText {
        var collapsed: [UInt32] = []
        var collapsedOrigins: [Range<Int>] = []
        collapsed.reserveCapacity(units.count)
        collapsedOrigins.reserveCapacity(units.count)
        var dotRunStart: Int?
        var dotCount = 0
        for (unit, origin) in zip(units, origins) {
            if unit == 0x2E || unit == 0x2026 { // . …
                let dots = unit == 0x2026 ? 3 : 1
                if let start = dotRunStart {
                    dotCount += dots
                    if dotCount >= 3 {
                        let merged = collapsedOrigins[start].lowerBound..<origin.upperBound
                        collapsed.removeSubrange(start...)
                        collapsedOrigins.removeSubrange(start...)
                        collapsed.append(0x2026)
                        collapsedOrigins.append(merged)
                        continue
                    }
                } else {
                    dotRunStart = collapsed.count
                    dotCount = dots
                }
                collapsed.append(unit)
                collapsedOrigins.append(origin)
                continue
            }
            dotRunStart = nil
            if unit == 32 || unit == 0x2D, collapsed.last == unit { // runs of spaces or hyphens
                let last = collapsedOrigins.count - 1
                collapsedOrigins[last] = collapsedOrigins[last].lowerBound..<origin.upperBound
                continue
            }
            if unit == 32, collapsed.isEmpty { continue }
            collapsed.append(unit)
            collapsedOrigins.append(origin)
        }
        if collapsed.last == 32 {
            collapsed.removeLast()
            collapsedOrigins.removeLast()
        }
        return NormalisedText(
            original: original, units: collapsed, clusters: clusters, origins: collapsedOrigins,
            originalIndices: indices, droppedMarkers: markers, paragraphStarts: paragraphStarts()
        )
    }

    // MARK: Characters

    /// The original Character at `offset`.
    private func character(_ offset: Int) -> Character {
        original[indices[offset]]
    }

    /// Whether the original Character at `offset` ends a line.
    private func isNewline(_ offset: Int) -> Bool {
        switch codes[offset] {
        case 10, 11, 12, 13, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// White space, line breaks included.
    private func isWhitespace(_ offset: Int) -> Bool {
        let code = codes[offset]
        if code < 128 { return code == 32 || (9...13).contains(code) }
        if code == Self.complex { return character(offset).isWhitespace }
        return Unicode.Scalar(code)?.properties.isWhitespace ?? false
    }

    /// White space other than a line break.
    private func isSpaceOrTab(_ offset: Int) -> Bool {
        isWhitespace(offset) && !isNewline(offset)
    }

    /// Whether the original Character at `offset` is a letter or a digit (any script).
    private func isLetterOrNumber(_ offset: Int) -> Bool {
        let code = codes[offset]
        if code < 128 { return (48...57).contains(code) || (65...90).contains(code) || (97...122).contains(code) }
        let character = character(offset)
        return character.isLetter || character.isNumber
    }

    /// Whether the original Character at `offset` is `0`…`9`.
    private func isASCIIDigit(_ offset: Int) -> Bool {
        (48...57).contains(codes[offset])
    }

    // MARK: Output

    /// Appends one unit standing for the original Characters `origin`.
    private mutating func emit(_ unit: UInt32, _ origin: Range<Int>) {
        units.append(unit)
        origins.append(origin)
    }

    /// Appends the folded form of one Character (given by its code; a `complex` code is read from the original at
    /// `origin`): quotes, dashes and spaces unified, letters lowercased.
    private mutating func fold(_ code: UInt32, _ origin: Range<Int>) {
        if code < 128 {
            switch code {
            case 9...13, 32: emit(32, origin)
            case 65...90: emit(code + 32, origin)
            default: emit(code, origin)
            }
            return
        }
        if code != Self.complex, let scalar = Unicode.Scalar(code) {
            switch code {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: // zero width, soft hyphen
                return
            case 0x2019, 0x2018, 0x201A, 0x201B, 0x2032, 0x2039, 0x203A, 0x00B4, 0x02BC:
                emit(0x27, origin) // '
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB:
                emit(0x22, origin) // "
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D:
                emit(0x2D, origin) // -
            default:
                if scalar.properties.isWhitespace {
                    emit(32, origin)
                } else if scalar.properties.changesWhenLowercased {
                    emit(Character(scalar).lowercased(), origin)
                } else {
                    emit(code, origin)
                }
            }
            return
        }
        let character = character(origin.lowerBound)
        if character.isWhitespace {
            emit(32, origin)
        } else {
            emit(character.lowercased(), origin)
        }
    }

    /// Appends each Character of `text`, canonically composed.
    private mutating func emit(_ text: String, _ origin: Range<Int>) {
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first {
                emit(scalar.value, origin)
                continue
            }
            let composed = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
            if composed.count == 1, let scalar = composed.first {
                emit(scalar.value, origin)
            } else {
                clusters.append(character)
                emit(NormalisedText.clusterBase + UInt32(clusters.count - 1), origin)
            }
        }
    }

    // MARK: Block markers

    /// Drops blockquote, heading and list markers at the start of a line; returns where the text goes on.
    private mutating func dropLineStartMarkers(from start: Int) -> Int {
        var index = emitIndentation(from: start)
        while index < count, codes[index] == 0x3E { // >
            index = emitIndentation(from: index + 1)
        }
        guard index < count else { return index }
        var end = index
        while end < count, codes[end] == 0x23 { end += 1 } // #
        if end > index, end - index <= 6, end == count || isWhitespace(end) {
            return end
        }
        switch codes[index] {
        case 0x2022, 0x25E6, 0x25AA, 0x2023: // • ◦ ▪ ‣
            return index + 1
        case 0x2D, 0x2A, 0x2B: // - * +
            if index + 1 < count, isSpaceOrTab(index + 1) { return index + 1 }
        default:
            var digitsEnd = index
            while digitsEnd < count, digitsEnd - index < 10, isASCIIDigit(digitsEnd) { digitsEnd += 1 }
            if digitsEnd > index, digitsEnd - index <= 9, digitsEnd + 1 < count,
               codes[digitsEnd] == 0x2E || codes[digitsEnd] == 0x29, isSpaceOrTab(digitsEnd + 1) { // . )
                return digitsEnd + 1
            }
        }
        return index
    }

    /// Emits spaces and tabs from `start` as spaces; returns the first offset after them.
    private mutating func emitIndentation(from start: Int) -> Int {
        var index = start
        while index < count, isSpaceOrTab(index) {
            emit(32, index..<index + 1)
            index += 1
        }
        return index
    }

    /// Paragraphs start at a line with text (other than `>` markers) after a blank line or at the first such line.
    private func paragraphStarts() -> [Int] {
        var starts: [Int] = []
        var lineStart = 0
        var previousBlank = true
        var blank = true
        for index in 0...count {
            if index == count || isNewline(index) {
                if !blank, previousBlank { starts.append(lineStart) }
                previousBlank = blank
                blank = true
                lineStart = index + 1
            } else if blank, codes[index] != 0x3E, !isWhitespace(index) {
                blank = false
            }
        }
        return starts
    }

    // MARK: Inline syntax

    /// `\` before ASCII punctuation gives that character as text; before a line break it is a hard break.
    private mutating func escape(at index: Int) -> Int {
        if index + 1 < count {
            let next = codes[index + 1]
            if isNewline(index + 1) {
                emit(32, index..<index + 1)
                return index + 1
            }
            if (33...47).contains(next) || (58...64).contains(next) || (91...96).contains(next) || (123...126).contains(next) {
                fold(next, index..<index + 2)
                return index + 2
            }
        }
        fold(0x5C, index..<index + 1)
        return index + 1
    }

    /// `&amp;`, `&#8217;`, `&#x2019;` and the like, decoded; anything else stays text.
    private mutating func entity(at index: Int) -> Int {
        var end = index + 1
        while end < count, end - index <= 33, codes[end] < 128, isLetterOrNumber(end) || codes[end] == 0x23 { end += 1 }
        guard end < count, codes[end] == 0x3B, end > index + 1 else { // ;
            fold(0x26, index..<index + 1)
            return index + 1
        }
        let name = String(original[indices[index + 1]..<indices[end]])
        var decoded: UInt32?
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            if digits.first == "x" || digits.first == "X" {
                decoded = UInt32(digits.dropFirst(), radix: 16)
            } else {
                decoded = UInt32(digits, radix: 10)
            }
        } else {
            decoded = Self.namedEntities[name]
        }
        guard let decoded, decoded > 0, Unicode.Scalar(decoded) != nil else {
            fold(0x26, index..<index + 1)
            return index + 1
        }
        fold(decoded, index..<end + 1)
        return end + 1
    }

    /// HTML named entities decoded in bodies, by name.
    private static let namedEntities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "thinsp": 0x2009,
        "ensp": 0x2002, "emsp": 0x2003, "ndash": 0x2013, "mdash": 0x2014, "minus": 0x2212, "hellip": 0x2026,
        "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
        "laquo": 0xAB, "raquo": 0xBB, "shy": 0xAD, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2,
        "percnt": 0x25, "deg": 0xB0,
    ]

    /// `[text](url)`, `[text][ref]`: drops the brackets and destination, keeps the text. `[^label]` vanishes.
    private mutating func bracket(at index: Int) -> Int {
        if index + 1 < count, codes[index + 1] == 0x5E, let close = matchingBracket(openingAt: index), close > index + 2, // ^
           !(index + 1..<close).contains(where: isWhitespace) {
            return close + 1
        }
        if let (close, resume) = linkEnd(openingAt: index) {
            skipTo[close] = resume
            return index + 1
        }
        fold(0x5B, index..<index + 1)
        return index + 1
    }

    /// For a link opened by `[` at `index`: the offset of its closing `]` and the offset just past its destination
    /// `(…)` or reference `[…]`.
    private func linkEnd(openingAt index: Int) -> (close: Int, resume: Int)? {
        guard let close = matchingBracket(openingAt: index), close + 1 < count else { return nil }
        switch codes[close + 1] {
        case 0x28: // (
            var depth = 0
            var probe = close + 1
            while probe < count, probe - close < 2000, !isNewline(probe) {
                switch codes[probe] {
                case 0x5C: probe += 1
                case 0x28: depth += 1
                case 0x29:
                    depth -= 1
                    if depth == 0 { return (close, probe + 1) }
                default: break
                }
                probe += 1
            }
            return nil
        case 0x5B: // [
            guard let labelClose = matchingBracket(openingAt: close + 1),
                  !(close + 1..<labelClose).contains(where: isNewline)
            else { return nil }
            return (close, labelClose + 1)
        default:
            return nil
        }
    }

    /// The `]` matching the `[` at `index`, within one paragraph.
    private func matchingBracket(openingAt index: Int) -> Int? {
        var depth = 0
        var probe = index
        var onlySpaceSinceNewline = false
        while probe < count, probe - index < 2000 {
            if isNewline(probe) {
                if onlySpaceSinceNewline { return nil }
                onlySpaceSinceNewline = true
            } else if !isWhitespace(probe) {
                onlySpaceSinceNewline = false
            }
            switch codes[probe] {
            case 0x5C: probe += 1
            case 0x5B: depth += 1
            case 0x5D:
                depth -= 1
                if depth == 0 { return probe }
            default: break
            }
            probe += 1
        }
        return nil
    }

    /// `<https://…>` and `<name@host>` keep their address; HTML tags and comments vanish (block tags leave a space).
    private mutating func angle(at index: Int) -> Int {
        // Comment.
        if index + 3 < count, codes[index + 1] == 0x21, codes[index + 2] == 0x2D, codes[index + 3] == 0x2D {
            var probe = index + 4
            while probe + 2 < count {
                if codes[probe] == 0x2D, codes[probe + 1] == 0x2D, codes[probe + 2] == 0x3E { return probe + 3 }
                probe += 1
            }
            fold(0x3C, index..<index + 1)
            return index + 1
        }
        // Autolink: everything up to `>` without spaces, with a scheme or an `@`.
        var close = index + 1
        while close < count, close - index < 2000, codes[close] != 0x3E, codes[close] != 0x3C, !isWhitespace(close) {
            close += 1
        }
        if close < count, codes[close] == 0x3E, close > index + 1, isAutolink(index + 1..<close) {
            skipTo[close] = close + 1
            return index + 1
        }
        // HTML tag: `<name …>` or `</name>`.
        var nameStart = index + 1
        if nameStart < count, codes[nameStart] == 0x2F { nameStart += 1 } // /
        var nameEnd = nameStart
        while nameEnd < count, isASCIILetter(nameEnd) || (nameEnd > nameStart && (isASCIIDigit(nameEnd) || codes[nameEnd] == 0x2D)) {
            nameEnd += 1
        }
        if nameEnd > nameStart, nameEnd < count, codes[nameEnd] == 0x3E || codes[nameEnd] == 0x2F || isWhitespace(nameEnd) {
            var probe = nameEnd
            while probe < count, probe - index < 1000, codes[probe] != 0x3E, codes[probe] != 0x3C { probe += 1 }
            if probe < count, codes[probe] == 0x3E {
                let name = String(original[indices[nameStart]..<indices[nameEnd]]).lowercased()
                if Self.blockTags.contains(name) { emit(32, index..<probe + 1) }
                return probe + 1
            }
        }
        fold(0x3C, index..<index + 1)
        return index + 1
    }

    /// HTML tags that separate words, so they leave a space.
    private static let blockTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "figure", "figcaption",
    ]

    /// Whether the original Character at `offset` is an ASCII letter.
    private func isASCIILetter(_ offset: Int) -> Bool {
        let code = codes[offset]
        return (65...90).contains(code) || (97...122).contains(code)
    }

    /// `scheme:…` (a letter, then up to 31 letters, digits, `+`, `.` or `-` before the colon) or `name@host.tld`.
    private func isAutolink(_ range: Range<Int>) -> Bool {
        if isASCIILetter(range.lowerBound),
           let colon = range.first(where: { codes[$0] == 0x3A }), colon - range.lowerBound <= 32,
           (range.lowerBound..<colon).allSatisfy({ isASCIILetter($0) || isASCIIDigit($0) || [0x2B, 0x2E, 0x2D].contains(codes[$0]) }) {
            return true
        }
        if let at = range.first(where: { codes[$0] == 0x40 }), at > range.lowerBound,
           (at..<range.upperBound).contains(where: { codes[$0] == 0x2E }) {
            return true
        }
        return false
    }

    /// A run of `*`, `_` or `~`: dropped as emphasis unless it stands between two spaces or inside a word, or is a
    /// single `~`.
    private mutating func delimiterRun(at index: Int) -> Int {
        let delimiter = codes[index]
        var end = index
        while end < count, codes[end] == delimiter { end += 1 }
        let spaceBefore = index == 0 || isWhitespace(index - 1)
        let spaceAfter = end == count || isWhitespace(end)
        let inWord = index > 0 && end < count && isLetterOrNumber(index - 1) && isLetterOrNumber(end)
        let isText = (delimiter == 0x7E && end - index < 2) || (spaceBefore && spaceAfter) || inWord
        for offset in index..<end {
            if isText {
                fold(delimiter, offset..<offset + 1)
            } else {
                markers.insert(offset)
            }
        }
        return end
    }
}
