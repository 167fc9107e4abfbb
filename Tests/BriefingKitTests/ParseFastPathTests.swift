import Foundation
import Testing
@testable import BriefingKit

/// The byte-level scanners of the Parse stage, front matter and footnotes against the Character-by-Character code
/// they replaced (kept here as oracles), on texts made of pieces chosen to break them: combining marks, prepended
/// marks, emoji sequences, CR LF, placeholder characters, brackets and backslashes.
@Suite struct ParseFastPathTests {
    /// Texts from a seeded generator (`SplitMix64`), so that every run checks the same texts.
    private struct Texts {
        var generator: SplitMix64
        let pieces: [String]

        init(state: UInt64, pieces: [String]) {
            generator = SplitMix64(seed: state)
            self.pieces = pieces
        }

        mutating func next() -> UInt64 { generator.next() }

        mutating func text(maxPieces: Int) -> String {
            let count = Int(next() % UInt64(maxPieces + 1))
            return (0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }
    }

    private static let tricky = [
        "\u{301}", "\u{600}", "\u{200D}", "\u{FE0F}", "👍🏽", "🇫🇷", "\u{1100}", "\u{1161}", "\r\n", "\r", "\n", " ", "\t",
        "\u{A0}", "\u{2003}", "é", "e", "€", "—", "中", "\u{E000}", "\u{E001}", "\u{E002}", "\u{0E33}",
    ]

    // MARK: Character codes

    @Test func characterCodesHaveOneCodePerCharacter() {
        var texts = Texts(state: 1, pieces: Self.tricky + ["[", "@", "a", "1", "\\", "`"])
        for _ in 0..<3000 {
            let text = texts.text(maxPieces: 12)
            let codes = CharacterCodes(text)
            let characters = Array(text)
            #expect(codes.count == characters.count, "\(text.unicodeScalars.map(\.value))")
            for (index, character) in characters.enumerated() where index < codes.count {
                let scalars = character.unicodeScalars
                #expect(codes[index] == (scalars.count == 1 ? scalars.first!.value : CharacterCodes.cluster))
                #expect(codes.string(index..<(index + 1)) == String(character))
                #expect(codes.isWhitespace(index) == character.isWhitespace)
                #expect(codes.isLetterOrNumber(index) == (character.isLetter || character.isNumber))
            }
        }
    }

    // MARK: Citations

    @Test func citationMatchesAreTheCharacterScannersMatches() {
        var texts = Texts(state: 2, pieces: Self.tricky + [
            "[", "]", "@", "-", ";", ",", ".", ":", "_", "a", "b1", " ", "[@a]", "[@a, p. 3]", "[-@b", "; @c", ", para 4",
            "p. 5", "[@", "@x]", "\u{2028}", "\u{85}",
        ])
        for _ in 0..<5000 {
            let text = texts.text(maxPieces: 14)
            let new = CitationSyntax.matches(in: text), old = OldCitationSyntax.matches(in: text)
            #expect(new == old, "\(text.unicodeScalars.map(\.value))")
            #expect(new.map { $0.items.map(\.offset) } == old.map { $0.items.map(\.offset) })
        }
    }

    @Test func citationColumnsCountCharactersOnTheirLine() {
        let parsed = MarkdownParser().parse(MarkdownText(text: "x\n👍🏽 e\u{301}, [@a] and\u{301} [@b; @a]\n", path: "n.md", firstLine: 3))
        #expect(parsed.citationItems.map { "\($0.sourceID)@\($0.location.line):\($0.location.column)" } == ["a@4:7", "b@4:16", "a@4:20"])
    }

    @Test func aNearMissIsStillReportedOnItsBlock() {
        let parsed = MarkdownParser().parse(MarkdownText(text: "a\n\nb [@ü] [@a]\n", path: "n.md", firstLine: 1))
        #expect(parsed.citationItems.map(\.sourceID) == ["a"])
        #expect(parsed.warnings.map(\.location.line) == [3])
    }

    // MARK: Preparing the text

    /// `prepareCharacters` is the code `prepare` had before it worked on bytes.
    @Test func prepareIsTheCharacterByCharacterPreparation() {
        var texts = Texts(state: 3, pieces: Self.tricky + ["\\", "\\\\", "[", "@", "a", "[@x]", "\\["])
        for _ in 0..<5000 {
            let text = texts.text(maxPieces: 12)
            #expect(MarkdownParser.prepare(text) == MarkdownParser.prepareCharacters(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    // MARK: Tables

    @Test func wrapTablesIsFoundationsReplacement() {
        var texts = Texts(state: 4, pieces: ["<table>", "</table>", "<table", "table>", "<", "a", "\n", "\u{301}", "\u{600}", "é", "€", "\u{2003}"])
        for _ in 0..<3000 {
            let html = texts.text(maxPieces: 10)
            var expected = html
            if html.contains("<table>") {
                expected = html
                    .replacingOccurrences(of: "<table>", with: "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>")
                    .replacingOccurrences(of: "</table>", with: "</table></div>")
            }
            #expect(MarkdownParser.wrapTables(html) == expected, "\(html.unicodeScalars.map(\.value))")
        }
    }

    // MARK: Front matter

    @Test func frontMatterSplitIsTheLineByLineSplit() {
        var texts = Texts(state: 5, pieces: ["---", "...", "--", "a: 1", " ", "\t", "\n", "\n", "\n", "\r\n", "\r", "\u{301}", "\u{600}", "x"])
        for _ in 0..<5000 {
            let file = TextFile(displayPath: "x.md", text: texts.text(maxPieces: 12))
            let new = Result { () throws(Diagnostic) in try FrontMatterDocument.split(file) }
            let old = Result { () throws(Diagnostic) in try Self.oldSplit(file) }
            switch (new, old) {
            case (.success(let a), .success(let b)):
                #expect(a.yaml == b.yaml && a.body == b.body && a.bodyFirstLine == b.bodyFirstLine && a.yamlFirstLine == b.yamlFirstLine,
                        "\(file.text.unicodeScalars.map(\.value))")
            case (.failure(let a), .failure(let b)):
                #expect(a == b)
            default:
                Issue.record("one split failed and the other did not: \(file.text.unicodeScalars.map(\.value))")
            }
        }
    }

    /// The split before it worked on bytes, with one rule added since (found by FuzzFrontMatter): a file that ends on
    /// its closing fence has an empty body on that last line.
    private static func oldSplit(_ file: TextFile) throws(Diagnostic) -> FrontMatterDocument {
        func trimmed(_ line: Substring) -> Substring {
            var result = line
            while let last = result.last, last == " " || last == "\t" { result.removeLast() }
            return result
        }
        let text = file.text
        guard trimmed(text.prefix { $0 != "\n" }) == "---" else {
            return FrontMatterDocument(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        for (index, line) in lines.enumerated() where trimmed(line) == "---" || trimmed(line) == "..." {
            return FrontMatterDocument(
                yaml: lines[..<index].joined(separator: "\n"), yamlFirstLine: 2,
                body: lines[(index + 1)...].joined(separator: "\n"), bodyFirstLine: index + 1 < lines.count ? index + 3 : index + 2
            )
        }
        throw .error(at: SourceLocation(path: file.displayPath, line: 1, column: 1), "front matter opened here is never closed (expected a line '---')")
    }

    // MARK: Placeholders

    @Test func placeholderTokensAreThoseTheCharacterSearchFound() {
        var texts = Texts(state: 6, pieces: ["\u{E000}", "\u{E001}", "\u{E000}0\u{E001}", "0", "1", "12", "x", "-", "+", "\u{301}", "\u{600}", "€", "👍🏽", "\u{200D}"])
        for _ in 0..<5000 {
            let html = texts.text(maxPieces: 10)
            let new = Placeholder.tokens(in: Array(html.utf8), below: 5).map { "\($0.range)=\($0.number)" }
            #expect(new == Self.oldTokens(html, below: 5), "\(html.unicodeScalars.map(\.value))")
        }
    }

    /// The search `FootnoteSequence.substitute` made, as UTF-8 ranges (negative numbers, which crashed it, excluded).
    private static func oldTokens(_ html: String, below limit: Int) -> [String] {
        var found: [String] = []
        var index = html.startIndex
        func offset(_ index: String.Index) -> Int { html.utf8.distance(from: html.startIndex, to: index) }
        while let open = html[index...].firstIndex(of: Placeholder.open) {
            guard let close = html[open...].firstIndex(of: Placeholder.close),
                  let number = Int(html[html.index(after: open)..<close]), (0..<limit).contains(number)
            else {
                index = html.index(after: open)
                continue
            }
            found.append("\(offset(open)..<offset(html.index(after: close)))=\(number)")
            index = html.index(after: close)
        }
        return found
    }
}

/// The Character-based citation scanner this change replaced, as the oracle for `CitationSyntax`.
private enum OldCitationSyntax {
    static func matches(in text: String) -> [CitationSyntax.Match] {
        let characters = Array(text)
        var results: [CitationSyntax.Match] = []
        var index = 0
        while index < characters.count {
            guard characters[index] == "[", index + 1 < characters.count else {
                index += 1
                continue
            }
            var probe = index + 1
            while probe < characters.count, characters[probe] == " " { probe += 1 }
            guard probe < characters.count, characters[probe] == "@" || (characters[probe] == "-" && probe + 1 < characters.count && characters[probe + 1] == "@") else {
                index += 1
                continue
            }
            guard let close = characters[(index + 1)...].firstIndex(where: { $0 == "]" || $0 == "[" }), characters[close] == "]",
                  let items = parseItems(characters, from: index + 1, to: close)
            else {
                index += 1
                continue
            }
            results.append(CitationSyntax.Match(start: index, end: close + 1, items: items))
            index = close + 1
        }
        return results
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

    private static func parseItem(_ characters: [Character], from start: Int, to end: Int) -> (String, String?, Int)? {
        var index = start
        while index < end, characters[index].isWhitespace { index += 1 }
        if index < end, characters[index] == "-" { index += 1 }
        guard index < end, characters[index] == "@" else { return nil }
        let at = index
        index += 1
        let idStart = index
        while index < end, isIDCharacter(characters[index]) { index += 1 }
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
