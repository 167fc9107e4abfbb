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
        let characters = Array(text)
        var results: [Match] = []
        var index = 0
        while index < characters.count {
            guard characters[index] == "[", index + 1 < characters.count else {
                index += 1
                continue
            }
            // A quick reject keeps ordinary brackets cheap: the first non-space must be '@' or '-@'.
            var probe = index + 1
            while probe < characters.count, characters[probe] == " " { probe += 1 }
            guard probe < characters.count, characters[probe] == "@" || (characters[probe] == "-" && probe + 1 < characters.count && characters[probe + 1] == "@") else {
                index += 1
                continue
            }
            guard let close = closingBracket(characters, from: index + 1),
                  let items = parseItems(characters, from: index + 1, to: close)
            else {
                index += 1
                continue
            }
            results.append(Match(start: index, end: close + 1, items: items))
            index = close + 1
        }
        return results
    }

    /// The matching `]`, not crossing another `[` or a line break followed by a blank line.
    private static func closingBracket(_ characters: [Character], from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            switch characters[index] {
            case "]": return index
            case "[": return nil
            default: index += 1
            }
        }
        return nil
    }

    private static func parseItems(_ characters: [Character], from start: Int, to end: Int) -> [(id: String, locator: String?, offset: Int)]? {
        var items: [(String, String?, Int)] = []
        var segmentStart = start
        for index in start...end where index == end || characters[index] == ";" {
            guard let item = parseItem(characters, from: segmentStart, to: index) else { return nil }
            items.append(item)
            segmentStart = index + 1
        }
        return items
    }

    /// `@id` or `-@id`, then optionally `, locator` (or `locator` after a space, as Pandoc allows).
    private static func parseItem(_ characters: [Character], from start: Int, to end: Int) -> (String, String?, Int)? {
        var index = start
        while index < end, characters[index].isWhitespace { index += 1 }
        if index < end, characters[index] == "-" { index += 1 }
        guard index < end, characters[index] == "@" else { return nil }
        let at = index
        index += 1
        let idStart = index
        while index < end, isIDCharacter(characters[index]) { index += 1 }
        // Pandoc lets ids contain inner punctuation such as '.' or ':' but not end with it.
        while index > idStart, [".", ":", "-"].contains(characters[index - 1]) { index -= 1 }
        guard index > idStart, let first = characters[idStart].unicodeScalars.first, Slug.isWordCharacter(first) else { return nil }
        let id = String(characters[idStart..<index])
        var rest = String(characters[index..<end])
        if rest.hasPrefix(",") { rest.removeFirst() }
        let locator = rest.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        if !locator.isEmpty, !(String(characters[index..<end]).first.map { $0 == "," || $0.isWhitespace } ?? false) {
            return nil
        }
        return (id, locator.isEmpty ? nil : locator, at)
    }

    private static func isIDCharacter(_ character: Character) -> Bool {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        return Slug.isWordCharacter(scalar) || scalar == "-" || scalar == "." || scalar == ":"
    }
}
