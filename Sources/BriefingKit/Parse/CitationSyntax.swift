import Foundation

/// One cited source inside a citation: `@id` with an optional locator (`@id, para 4`).
public struct CitationItem: Sendable, Hashable {
    public var sourceID: String
    public var locator: String?
    public var location: SourceLocation
}

/// Finds Pandoc-style bracketed citations in plain text: `[@id]`, `[@id, para 4]`, `[@a; @b, p. 3]`.
///
/// Only a bracket whose every `;`-separated item is `@id` (optionally `-@id`, Pandoc's suppress-author form)
/// with an optional `, locator` is a citation; anything else (`[see @x]`, `[@]`, `user@example.org`) stays text.
enum CitationSyntax {
    struct Match: Equatable {
        /// Offsets in `Character`s within the scanned text: the citation spans `start..<end`.
        var start: Int
        var end: Int
        var items: [(id: String, locator: String?, offset: Int)]

        static func == (lhs: Match, rhs: Match) -> Bool {
            lhs.start == rhs.start && lhs.end == rhs.end && lhs.items.map(\.id) == rhs.items.map(\.id)
                && lhs.items.map(\.locator) == rhs.items.map(\.locator)
        }
    }

    /// Every citation in `text`, in order.
    static func matches(in text: String) -> [Match] {
        matches(in: CharacterCodes(text))
    }

    static func matches(in text: CharacterCodes) -> [Match] {
        var results: [Match] = []
        var index = 0
        while index < text.count {
            guard text[index] == Code.open, index + 1 < text.count else {
                index += 1
                continue
            }
            // A quick reject keeps ordinary brackets cheap: the first non-space must be '@' or '-@'.
            var probe = index + 1
            while probe < text.count, text[probe] == Code.space { probe += 1 }
            guard probe < text.count, text[probe] == Code.at || (text[probe] == Code.hyphen && probe + 1 < text.count && text[probe + 1] == Code.at) else {
                index += 1
                continue
            }
            guard let close = closingBracket(text, from: index + 1),
                  let items = parseItems(text, from: index + 1, to: close)
            else {
                index += 1
                continue
            }
            results.append(Match(start: index, end: close + 1, items: items))
            index = close + 1
        }
        return results
    }

    /// Character codes of the syntax.
    enum Code {
        static let open: UInt32 = 0x5B, close: UInt32 = 0x5D, at: UInt32 = 0x40, hyphen: UInt32 = 0x2D
        static let space: UInt32 = 0x20, tab: UInt32 = 0x09, newline: UInt32 = 0x0A
        static let semicolon: UInt32 = 0x3B, comma: UInt32 = 0x2C, period: UInt32 = 0x2E, colon: UInt32 = 0x3A
        static let underscore: UInt32 = 0x5F, backtick: UInt32 = 0x60
    }

    /// The matching `]`, not crossing another `[`.
    private static func closingBracket(_ text: CharacterCodes, from start: Int) -> Int? {
        var index = start
        while index < text.count {
            switch text[index] {
            case Code.close: return index
            case Code.open: return nil
            default: index += 1
            }
        }
        return nil
    }

    private static func parseItems(_ text: CharacterCodes, from start: Int, to end: Int) -> [(id: String, locator: String?, offset: Int)]? {
        var items: [(String, String?, Int)] = []
        var segmentStart = start
        for index in start...end where index == end || text[index] == Code.semicolon {
            guard let item = parseItem(text, from: segmentStart, to: index) else { return nil }
            items.append(item)
            segmentStart = index + 1
        }
        return items
    }

    /// `@id` or `-@id`, then optionally `, locator` (or `locator` after a space, as Pandoc allows).
    private static func parseItem(_ text: CharacterCodes, from start: Int, to end: Int) -> (String, String?, Int)? {
        var index = start
        while index < end, text.isWhitespace(index) { index += 1 }
        if index < end, text[index] == Code.hyphen { index += 1 }
        guard index < end, text[index] == Code.at else { return nil }
        let at = index
        index += 1
        let idStart = index
        while index < end, isIDCharacter(text[index]) { index += 1 }
        // Pandoc lets ids contain inner punctuation such as '.' or ':' but not end with it.
        while index > idStart, [Code.period, Code.colon, Code.hyphen].contains(text[index - 1]) { index -= 1 }
        guard index > idStart, isWordCharacter(text[idStart]) else { return nil }
        let id = text.string(idStart..<index)
        let hasComma = index < end && text[index] == Code.comma
        let locator = Self.locator(text.bytes((hasComma ? index + 1 : index)..<end))
        if !locator.isEmpty, !(index < end && (text[index] == Code.comma || text.isWhitespace(index))) {
            return nil
        }
        return (id, locator.isEmpty ? nil : locator, at)
    }

    /// The text after the id (and its comma), trimmed, with line breaks as spaces.
    private static func locator(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            // Foundation's trimming and replacing, as ever, for the rare locator beyond plain ASCII.
            return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "\n", with: " ")
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var trimmed = bytes
        while let first = trimmed.first, isSpace(first) { trimmed.removeFirst() }
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        return String(decoding: trimmed.lazy.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }

    /// An ASCII letter, digit or `_` (`Slug.isWordCharacter`).
    private static func isWordCharacter(_ code: UInt32) -> Bool {
        ASCII.isLetter(code) || ASCII.isDigit(code) || code == Code.underscore
    }

    private static func isIDCharacter(_ code: UInt32) -> Bool {
        isWordCharacter(code) || code == Code.hyphen || code == Code.period || code == Code.colon
    }
}
