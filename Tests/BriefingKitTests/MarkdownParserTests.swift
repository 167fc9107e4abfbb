import Foundation
import Testing
@testable import BriefingKit

/// The Markdown parse: cmark-gfm HTML with each citation and footnote reference left as a placeholder.
@Suite struct MarkdownParserTests {
    private func parse(
        _ text: String, firstLine: Int = 1, path: String = "Content/notes/n.md",
        rawHTML: Bool = false, citations: Bool = true
    ) -> ParsedMarkdown {
        MarkdownParser(allowsRawHTML: rawHTML, readsCitations: citations)
            .parse(MarkdownText(text: text, path: path, firstLine: firstLine))
    }

    private func token(_ index: Int) -> String { Placeholder.token(index) }

    /// The citation items of each reference, as "id|locator" strings, in order.
    private func citations(_ parsed: ParsedMarkdown) -> [[String]] {
        parsed.references.map { reference in
            guard case .citation(let items) = reference else { return ["footnote"] }
            return items.map { "\($0.sourceID)|\($0.locator ?? "")" }
        }
    }

    private func hasPrivateUseCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }
    }

    // MARK: Citations

    @Test func citationsBecomePlaceholdersInOrder() {
        let parsed = parse("First [@a], then [@b, para 4] and [@c; @d, p. 3].")
        #expect(citations(parsed) == [["a|"], ["b|para 4"], ["c|", "d|p. 3"]])
        // The space before a citation goes, so that its marker sticks to the word ("First¹", never "First ¹").
        #expect(parsed.html == "<p>First\(token(0)), then\(token(1)) and\(token(2)).</p>\n")
        #expect(parsed.citationItems.map(\.sourceID) == ["a", "b", "c", "d"])
    }

    @Test func aCitationIsLocatedAtItsAtSignInTheFile() {
        // The body starts on line 6 of its file (after five lines of front matter).
        let parsed = parse("Intro line.\n\nSomething happened [@src, para 1].\n", firstLine: 6, path: "Content/notes/first.md")
        #expect(parsed.citationItems.map(\.location) == [SourceLocation(path: "Content/notes/first.md", line: 8, column: 21)])
    }

    @Test func eachItemOfAGroupWrappedOverTwoLinesHasItsOwnLine() {
        let parsed = parse("Text [@a;\n  @b, p. 3] more.", firstLine: 6)
        #expect(citations(parsed) == [["a|", "b|p. 3"]])
        #expect(parsed.citationItems.map(\.location.line) == [6, 7])
        #expect(parsed.citationItems.map(\.location.column) == [7, 3])
        #expect(parsed.html.contains(token(0)))
        #expect(!parsed.html.contains("@"))
    }

    @Test func citationsAfterInlineMarkupAndInNestedBlocksAreLocated() {
        let text = """
            Plain first line
            with `code` then [@a].

            > Quoted *text* and [@b].

            - item
              - nested [@c, p. 3]

            | col | other |
            |-----|-------|
            | x   | [@d]  |
            """
        let parsed = parse(text, firstLine: 3)
        #expect(citations(parsed) == [["a|"], ["b|"], ["c|p. 3"], ["d|"]])
        #expect(parsed.citationItems.map(\.location.description) == [
            "Content/notes/n.md:4:19", "Content/notes/n.md:6:22", "Content/notes/n.md:9:13", "Content/notes/n.md:13:10",
        ])
    }

    @Test func aCitationInsideAFootnoteIsLocatedInTheFootnoteDefinition() {
        let parsed = parse("Text[^n].\n\n[^n]: Note [@s].", firstLine: 5)
        #expect(parsed.citationItems.map(\.location.description) == ["Content/notes/n.md:7:13"])
    }

    @Test func citationSyntaxInCodeStaysLiteral() {
        let parsed = parse("Inline `[@x]` code.\n\n```\n[@y, p. 2]\n```\n\n    [@z]\n")
        #expect(parsed.references.isEmpty)
        #expect(parsed.html.contains("<code>[@x]</code>"))
        #expect(parsed.html.contains("<pre><code>[@y, p. 2]\n</code></pre>"))
        #expect(parsed.html.contains("<pre><code>[@z]\n</code></pre>"))
    }

    @Test func anEscapedBracketIsLiteralText() {
        let parsed = parse(#"Write \[@x] to cite."#)
        #expect(parsed.references.isEmpty)
        #expect(parsed.html == "<p>Write [@x] to cite.</p>\n")
        #expect(!hasPrivateUseCharacters(parsed.html), "the escape mark must not reach the page")
    }

    @Test func anEscapedBackslashBeforeACitationKeepsTheCitation() {
        let parsed = parse(#"Path \\[@x] here."#)
        #expect(citations(parsed) == [["x|"]])
        #expect(parsed.html == "<p>Path \\\(token(0)) here.</p>\n")
    }

    @Test func anEscapedCitationInCodeKeepsItsBackslash() {
        let parsed = parse(#"`\[@x]`"#)
        #expect(parsed.references.isEmpty)
        #expect(parsed.html == "<p><code>\\[@x]</code></p>\n")
    }

    @Test func citationsAreNotReadWhenTurnedOff() {
        let parsed = parse("The source says [@x] literally.", citations: false)
        #expect(parsed.references.isEmpty)
        #expect(parsed.html == "<p>The source says [@x] literally.</p>\n")
    }

    @Test func bracketsThatAreNotCitationsStayText() {
        let parsed = parse("[see @x] and [@] and mail user@example.org")
        #expect(parsed.references.isEmpty)
        #expect(parsed.html.contains("[see @x] and [@] and mail"))
        #expect(parsed.html.contains(#"<a href="mailto:user@example.org">user@example.org</a>"#))
    }

    @Test func privateUseCharactersInTheTextCannotForgeAPlaceholder() {
        let parsed = parse("Forged \u{E000}0\u{E001} and \u{E002}[@real].")
        #expect(citations(parsed) == [["real|"]])
        let tokens = parsed.html.filter { $0 == Placeholder.open }.count
        #expect(tokens == 1, "only the real citation may leave a placeholder")
        #expect(parsed.html.contains("Forged \u{FFFD}0\u{FFFD}"))
        #expect(parsed.html.contains(token(0)))
    }

    @Test func forgedPlaceholdersInCodeAreReplacedToo() {
        let parsed = parse("`\u{E000}0\u{E001}`")
        #expect(!hasPrivateUseCharacters(parsed.html))
    }

    // MARK: GitHub Flavored Markdown

    @Test func tablesRender() {
        let parsed = parse("| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(parsed.html.contains("<table>"))
        #expect(parsed.html.contains("<th>a</th>"))
        #expect(parsed.html.contains(#"<td align="right">2</td>"#))
    }

    @Test func strikethroughRenders() {
        #expect(parse("~~gone~~").html == "<p><del>gone</del></p>\n")
    }

    @Test func bareURLsBecomeLinks() {
        let html = parse("Visit https://example.org/a?b=1 or www.example.com.").html
        #expect(html.contains(#"<a href="https://example.org/a?b=1">https://example.org/a?b=1</a>"#))
        #expect(html.contains(#"<a href="http://www.example.com">www.example.com</a>"#))
    }

    @Test func taskListsRenderCheckboxes() {
        let html = parse("- [ ] open\n- [x] done\n").html
        #expect(html.contains(#"<input type="checkbox" disabled="" /> open"#))
        #expect(html.contains(#"<input type="checkbox" checked="" disabled="" /> done"#))
    }

    @Test func aFootnoteReferenceBecomesAPlaceholderAndItsContentIsKept() {
        let parsed = parse("Text[^note].\n\n[^note]: The *note* itself.\n")
        #expect(parsed.references == [.footnote(label: "1")])
        #expect(parsed.html == "<p>Text\(token(0)).</p>\n")
        #expect(parsed.footnotes["1"]?.contains("The <em>note</em> itself.") == true)
        #expect(!parsed.html.contains("footnotes"), "definitions are rendered separately, not at the end of the body")
    }

    @Test func footnotesAreKeyedByOrderOfFirstReferenceNotOfDefinition() {
        let text = "A[^second] B[^first] C[^second].\n\n[^first]: First defined.\n[^second]: Second defined.\n"
        let parsed = parse(text)
        #expect(parsed.references == [.footnote(label: "1"), .footnote(label: "2"), .footnote(label: "1")])
        #expect(parsed.footnotes["1"]?.contains("Second defined.") == true)
        #expect(parsed.footnotes["2"]?.contains("First defined.") == true)
    }

    @Test func referencesInsideAFootnoteFollowTheBodysReferences() {
        let parsed = parse("Body [@a] and[^n] then [@b].\n\n[^n]: Inside [@c].\n")
        #expect(citations(parsed) == [["a|"], ["footnote"], ["b|"], ["c|"]])
        #expect(parsed.footnotes["1"]?.contains(token(3)) == true)
    }

    @Test func unreferencedFootnoteDefinitionsAreDropped() {
        let parsed = parse("Text.\n\n[^orphan]: Nobody points here.\n")
        #expect(parsed.footnotes.isEmpty)
        #expect(!parsed.html.contains("Nobody points here"))
    }

    @Test func aFootnoteReferenceWithoutDefinitionStaysText() {
        let parsed = parse("Text[^missing].")
        #expect(parsed.references.isEmpty)
        #expect(parsed.html == "<p>Text[^missing].</p>\n")
    }

    // MARK: Raw HTML

    @Test func rawHTMLIsOmittedByDefault() {
        let html = parse("<script>alert(1)</script>\n\nInline <b>bold</b> and <img src=x onerror=alert(1)>.\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("bold"))
    }

    @Test func rawHTMLPassesWhenAllowedButScriptIsStillFiltered() {
        let html = parse("Inline <b>bold</b>.\n\n<script>alert(1)</script>\n", rawHTML: true).html
        #expect(html.contains("<b>bold</b>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script>"))
    }

    // MARK: Link safety

    @Test(arguments: [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "<java\tscript:alert(1)>",
        " javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
    ])
    func scriptCapableLinksLoseTheirLink(_ url: String) {
        for rawHTML in [false, true] {
            let parsed = parse("[click](\(url)) and ![pic](\(url))", rawHTML: rawHTML)
            #expect(!parsed.html.contains("href="), "\(url) kept a link (raw HTML \(rawHTML))")
            #expect(!parsed.html.contains("src="), "\(url) kept an image (raw HTML \(rawHTML))")
            #expect(parsed.html.contains("click"), "the link text stays")
            #expect(parsed.html.contains("pic"), "the image description stays")
        }
    }

    @Test func aLinkWithALeadingBlankBeforeJavascriptIsDropped() {
        // `< javascript:...>` keeps the blank inside the destination; browsers strip it and run the script.
        let html = parse("[a](< javascript:alert(1)>)", rawHTML: true).html
        #expect(!html.contains("href"))
        #expect(html == "<p>a</p>\n")
    }

    @Test func referenceStyleAndAutolinksWithScriptSchemesLoseTheirLink() {
        let html = parse("[x][bad] <javascript:alert(1)>\n\n[bad]: javascript:alert(1)\n", rawHTML: true).html
        #expect(!html.contains("<a"))
        #expect(html.contains("x"))
    }

    @Test func ordinaryLinksAndImagesKeepTheirTarget() {
        let html = parse("[w](https://example.org/x) [r](../x) [f](#frag) [m](mailto:a@example.org) [q](page?x=1:2) ![i](img/a.png)").html
        #expect(html.contains(#"<a href="https://example.org/x">w</a>"#))
        #expect(html.contains(#"<a href="../x">r</a>"#))
        #expect(html.contains(##"<a href="#frag">f</a>"##))
        #expect(html.contains(#"<a href="mailto:a@example.org">m</a>"#))
        #expect(html.contains(#"<a href="page?x=1:2">q</a>"#))
        #expect(html.contains(#"<img src="img/a.png" alt="i" />"#))
    }

    @Test func aCitationInsideADroppedLinkIsStillRead() {
        let parsed = parse("[see [@a]](javascript:alert(1))")
        #expect(citations(parsed) == [["a|"]])
        #expect(!parsed.html.contains("href"))
    }

    // MARK: End to end

    @Test func anUnknownCitedSourceIsReportedAtItsAtSign() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\n---\nSomething happened [@nope].\n",
        ])
        #expect(site.failingBuild() == ["Content/notes/first.md:6:21: error: unknown source 'nope' in citation"])
    }

    @Test func aMisspelledSourceGetsASuggestion() throws {
        let site = try TestSite.minimal([
            "Content/topics/alpha.md": "---\ntitle: Alpha\n---\nFirst paragraph.\n\nAbout alpha [@src; @scr, p. 2].\n",
        ])
        #expect(site.failingBuild() == ["Content/topics/alpha.md:6:20: error: unknown source 'scr' in citation; did you mean 'src'?"])
    }

    @Test func escapedAndCodeCitationsAreNotChecked() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\n---\nWrite \\[@nope] or `[@nope]` [@src].\n",
        ])
        let report = try site.build()
        #expect(report.warnings.allSatisfy { $0.message == Publishing.missingBaseURLMessage })
        let page = try site.read("Output/notes/first/index.html")
        #expect(page.contains("Write [@nope] or <code>[@nope]</code>"))
    }
}
