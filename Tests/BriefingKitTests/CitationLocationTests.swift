import Foundation
import Testing
@testable import BriefingKit

/// Regression tests: each citation item is located at its own `@id` in the file, whatever stands before it.
@Suite struct CitationLocationTests {
    func locations(_ text: String, firstLine: Int = 1) -> [String] {
        MarkdownParser().parse(MarkdownText(text: text, path: "n.md", firstLine: firstLine)).citationItems.map {
            "\($0.sourceID)@\($0.location.line):\($0.location.column)"
        }
    }

    @Test func anIDThatStartsLikeAnEarlierOneGetsItsOwnColumn() {
        #expect(locations("See [@doe2020] and [@doe].") == ["doe2020@1:6", "doe@1:21"])
    }

    @Test func aRepeatedIDOnOneLineIsLocatedTwice() {
        #expect(locations("[@a] and [@a]") == ["a@1:2", "a@1:11"])
    }

    @Test func anEmailAddressBeforeTheCitationIsNotTakenForIt() {
        #expect(locations("Write to user@doe.org [@doe].") == ["doe@1:24"])
    }

    @Test func aCitationInCodeEarlierOnTheLineIsSkipped() {
        #expect(locations("Type `[@x]` to cite, as in [@x].") == ["x@1:29"])
    }

    @Test func aCitationAfterEmphasisAtALineEndKeepsItsLine() {
        #expect(locations("*a*\n\n*b*\n[@x]", firstLine: 6) == ["x@9:2"])
        #expect(locations("Line one\n*em*\n[@a]") == ["a@3:2"])
    }

    @Test func aCitationAfterAHardBreakKeepsItsLine() {
        #expect(locations("a\\\n[@x]") == ["x@2:2"])
    }

    @Test(arguments: ["\\[@x]", "\\[ @x]", "\\[-@x]"])
    func anEscapedBracketIsNeverACitation(text: String) {
        let parsed = MarkdownParser().parse(MarkdownText(text: text, path: "n.md", firstLine: 1))
        #expect(parsed.references.isEmpty)
        #expect(!parsed.html.contains("\\"))
        #expect(parsed.html.unicodeScalars.allSatisfy { !(0xE000...0xF8FF).contains($0.value) })
    }

    @Test(arguments: ["[a](/u \"\\[@x]\")", "[a](http://x/\\[@b)", "<http://a/\\[@b>"])
    func theEscapeMarkNeverReachesTheHTML(text: String) {
        let html = MarkdownParser().parse(MarkdownText(text: text, path: "n.md", firstLine: 1)).html
        #expect(html.unicodeScalars.allSatisfy { !(0xE000...0xF8FF).contains($0.value) }, "\(html)")
        #expect(!html.contains("%EE%80%82"), "\(html)")
    }

    @Test func aBracketThatLooksLikeACitationButIsNotOneIsAWarning() {
        let parsed = MarkdownParser().parse(MarkdownText(text: "Para.\n\nAs [@müller] says.", path: "n.md", firstLine: 5))
        #expect(parsed.references.isEmpty)
        #expect(parsed.warnings.map(\.description) == [
            "n.md:7:1: warning: '[@müller]' is not read as a citation: write [@id] or [@id, locator] with an id of letters, digits, '-', '_', '.' or ':'",
        ])
    }

    @Test func anInvalidByteAfterAByteOrderMarkIsOnItsLine() {
        #expect(throws: Diagnostic.error(at: SourceLocation(path: "x.md", line: 1, column: 1), "invalid UTF-8 at byte offset 4")) {
            _ = try TextFile.decode(Data([0xEF, 0xBB, 0xBF, 0x61, 0xFF, 0x0A, 0x62]), displayPath: "x.md")
        }
    }
}
