import Testing
@testable import BriefingKit

/// The Pandoc citation scanner on plain text: which brackets are citations, and what each item says.
@Suite struct CitationSyntaxTests {
    /// (id, locator, offset of the '@') for each item of each match.
    private func items(_ text: String) -> [[Item]] {
        CitationSyntax.matches(in: text).map { $0.items.map { Item(id: $0.id, locator: $0.locator, at: $0.offset) } }
    }

    private struct Item: Equatable, CustomStringConvertible {
        var id: String
        var locator: String?
        var at: Int
        var description: String { "@\(id)\(locator.map { ", \($0)" } ?? "") at \(at)" }
    }

    @Test func aSingleCitationCoversItsBrackets() {
        let matches = CitationSyntax.matches(in: "See [@doe2020].")
        #expect(matches.count == 1)
        #expect(matches.first?.start == 4)
        #expect(matches.first?.end == 14)
        #expect(items("See [@doe2020].") == [[Item(id: "doe2020", locator: nil, at: 5)]])
    }

    @Test func aLocatorFollowsAComma() {
        #expect(items("[@report, para 4]") == [[Item(id: "report", locator: "para 4", at: 1)]])
    }

    @Test func aLocatorMayFollowASpaceAsPandocAllows() {
        #expect(items("[@report p. 33]") == [[Item(id: "report", locator: "p. 33", at: 1)]])
    }

    @Test func aLocatorIsTrimmedAndAnEmptyOneIsNone() {
        #expect(items("[@a,   p. 3  ]") == [[Item(id: "a", locator: "p. 3", at: 1)]])
        #expect(items("[@a, ]") == [[Item(id: "a", locator: nil, at: 1)]])
    }

    @Test func aLocatorBrokenOverTwoLinesIsJoinedWithASpace() {
        #expect(items("[@a, pp.\n3-4]") == [[Item(id: "a", locator: "pp. 3-4", at: 1)]])
    }

    @Test func groupedCitationsKeepEachLocatorWithItsOwnItem() {
        let text = "[@a; @b, p. 3]"
        #expect(items(text) == [[Item(id: "a", locator: nil, at: 1), Item(id: "b", locator: "p. 3", at: 5)]])
        #expect(CitationSyntax.matches(in: text).count == 1, "a group is one citation, not two")
    }

    @Test func aGroupMayWrapOntoTheNextLine() {
        #expect(items("[@a;\n@b]") == [[Item(id: "a", locator: nil, at: 1), Item(id: "b", locator: nil, at: 5)]])
    }

    @Test func suppressAuthorFormCitesTheSameID() {
        #expect(items("[-@doe]") == [[Item(id: "doe", locator: nil, at: 2)]])
        #expect(items("[@a; -@b]") == [[Item(id: "a", locator: nil, at: 1), Item(id: "b", locator: nil, at: 6)]])
    }

    @Test func idsMayContainInnerPunctuation() {
        #expect(items("[@a.b:c-d_e]").first?.first?.id == "a.b:c-d_e")
        #expect(items("[@smith.2020, p. 3]") == [[Item(id: "smith.2020", locator: "p. 3", at: 1)]])
    }

    @Test func anIDNeverEndsWithPunctuation() {
        for text in ["[@doe.]", "[@doe:]", "[@doe-]", "[@doe., p. 3]"] {
            let ids = items(text).flatMap { $0 }.map(\.id)
            #expect(!ids.contains { $0.hasSuffix(".") || $0.hasSuffix(":") || $0.hasSuffix("-") }, "\(text) gave \(ids)")
        }
    }

    @Test func blanksAroundItemsAreAllowed() {
        #expect(items("[ @a ;  @b ]") == [[Item(id: "a", locator: nil, at: 2), Item(id: "b", locator: nil, at: 8)]])
    }

    @Test(arguments: [
        "[see @x]",            // a prefix before the first item
        "[@a; see @b]",        // a prefix before a later item
        "[@]",                 // no id
        "[@ id]",              // a blank between '@' and the id
        "[@-a]",               // an id must start with a letter, digit or '_'
        "[@a;]",               // an empty item
        "[@a; ]",
        "user@example.org",    // an e-mail address
        "[user@example.org]",
        "@doe",                // an author-in-text citation without brackets is not read
        "[@a",                 // never closed
        "[@a [b]]",            // a bracket inside
        "[x] and [y]",
        "[- @a]",              // the suppress-author minus must touch the '@'
    ])
    func textThatIsNotACitation(_ text: String) {
        #expect(CitationSyntax.matches(in: text).isEmpty, "\(text) was read as \(items(text))")
    }

    @Test func everyCitationInTheTextIsFoundInOrder() {
        let text = "First [@a], then [@b, ch. 2] and [see @c] and [@d; @e]."
        #expect(items(text) == [
            [Item(id: "a", locator: nil, at: 7)],
            [Item(id: "b", locator: "ch. 2", at: 18)],
            [Item(id: "d", locator: nil, at: 47), Item(id: "e", locator: nil, at: 51)],
        ])
    }

    @Test func theInnerOfNestedBracketsIsTheCitation() {
        let matches = CitationSyntax.matches(in: "[[@a]]")
        #expect(matches.map(\.start) == [1])
        #expect(matches.map(\.end) == [5])
    }

    @Test func adjacentCitationsAreSeparate() {
        #expect(items("[@a][@b]") == [[Item(id: "a", locator: nil, at: 1)], [Item(id: "b", locator: nil, at: 5)]])
    }

    @Test func offsetsCountCharactersNotScalarsOrBytes() {
        // "👍🏽" is two scalars and eight UTF-8 bytes but one Character; "é" here is e + combining acute.
        let text = "👍🏽 e\u{301} [@a]"
        let match = CitationSyntax.matches(in: text).first
        #expect(match?.start == 4)
        #expect(match?.end == 8)
        #expect(match?.items.first?.offset == 5)
    }
}
