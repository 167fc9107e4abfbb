import Foundation
import Testing
@testable import BriefingKit

/// Markdown shapes that break naive tools: deep nesting, huge citation counts, long lines.
@Suite struct HostileMarkdownTests {
    @Test(.timeLimit(.minutes(1)))
    func tenThousandLevelsOfNestingParseOnAWorkerThread() {
        let text = String(repeating: "> ", count: 10_000) + "deep [@x]\n\n" + String(repeating: "- ", count: 5_000) + "list\n"
        // Worker threads have small stacks: the rewrite must not recurse once per level.
        let parsed = Parallel.map([text, text]) { MarkdownParser().parse(MarkdownText(text: $0, path: "n.md", firstLine: 1)) }
        #expect(parsed.allSatisfy { $0.citationItems.map(\.sourceID) == ["x"] })
    }

    @Test(.timeLimit(.minutes(1)))
    func tenThousandCitationsInOneParagraphAreEachLocated() {
        let text = (0..<10_000).map { "[@s\($0 % 7), para \($0)]" }.joined(separator: " ")
        let items = MarkdownParser().parse(MarkdownText(text: text, path: "n.md", firstLine: 1)).citationItems
        #expect(items.count == 10_000)
        #expect(items.last?.locator == "para 9999")
        let columns = items.map(\.location.column)
        #expect(columns == columns.sorted(), "each item gets its own, later column")
    }

    @Test(.timeLimit(.minutes(1)))
    func aOneMegabyteLineRendersAsOneParagraph() {
        let text = String(repeating: "word ", count: 200_000)
        let html = MarkdownParser().parse(MarkdownText(text: text, path: "n.md", firstLine: 1)).html
        #expect(html.hasPrefix("<p>word word"))
        #expect(html.utf8.count > 900_000)
    }
}
