import Testing
@testable import BriefingKit

/// What a reader finds on each page type.
@Suite struct PageTests {
    static func site(_ overrides: [String: String] = [:]) throws -> TestSite {
        var files = [
            "Content/notes/second.md": "---\ntitle: Second Note\ndate: 2024-10-25T08:00:00+09:00\ntopics: [alpha, beta-gamma]\nsummary: Later.\n---\nMore [@src; @other, p. 2] and again [@src].[^n]\n\n[^n]: A side remark.\n",
            "Content/sources/other.md": "---\ntitle: Another Report\noutlet: Daily Wire\nauthor: Jo Smith\nbased_on: [Reuters]\n---\nOther text.\n",
        ]
        for (path, contents) in overrides { files[path] = contents }
        let site = try TestSite.minimal(files)
        _ = try site.build()
        return site
    }

    @Test func theIndexShowsTheLatestDateAndEachTopicWithItsNotesAndClaims() throws {
        let html = try Self.site().read("Output/index.html")
        #expect(html.contains("<h1>Test Briefing</h1>"))
        #expect(html.contains("25 October 2024"))
        #expect(html.contains(#"href="topics/alpha/index.html""#))
        #expect(html.contains(#"href="notes/second/index.html""#))
        #expect(html.contains("About 3,000 soldiers arrived."))
        #expect(html.contains("Single source"), "claims show their standing in words")
    }

    @Test func aTopicPageHasItsDescriptionNotesNewestFirstAndClaimsWithFootnotes() throws {
        let html = try Self.site().read("Output/topics/alpha/index.html")
        #expect(html.contains("About alpha<sup class=\"citation\">"))
        let second = try #require(html.range(of: "Second Note")), first = try #require(html.range(of: "First Note"))
        #expect(second.lowerBound < first.lowerBound, "newest first")
        #expect(html.contains(#"<li id="fn-1""#))
        #expect(html.contains("Example Times"))
        #expect(html.contains(#"href="../../sources/src/index.html""#))
    }

    @Test func aTopicNamedOnlyByANoteGetsAPageTitledFromItsSlug() throws {
        let html = try Self.site().read("Output/topics/beta-gamma/index.html")
        #expect(html.contains(#"<h1 data-pagefind-filter="topic">Beta gamma</h1>"#))
        #expect(html.contains("Second Note"))
    }

    @Test func aNotePageNumbersCitationsAndFootnotesInOneSequence() throws {
        let html = try Self.site().read("Output/notes/second/index.html")
        #expect(html.contains(##"<a href="#fn-1" id="fnref-1-1""##))
        #expect(html.contains(##"<a href="#fn-2" id="fnref-2-1""##))
        #expect(html.contains(##"<a href="#fn-1" id="fnref-1-2""##), "the second citation of src links to the same footnote")
        #expect(html.contains(##"<a href="#fn-3" id="fnref-3-1""##), "the GFM footnote continues the sequence")
        #expect(html.contains("A side remark."))
        #expect(html.contains(##"href="#fnref-1-2""##), "the footnote links back to each marker")
        #expect(html.contains("https://example.org/report"), "a source footnote links to the original")
        #expect(html.contains("Jo Smith"))
        #expect(html.contains("↩ p. 2"))
        #expect(html.contains(#"href="../../topics/beta-gamma/index.html""#))
    }

    @Test func theSourcePagesListFactsTextAndWhatCitesThem() throws {
        let site = try Self.site()
        let list = try site.read("Output/sources/index.html")
        #expect(list.contains(#"href="src/index.html""#) || list.contains(#"href="../sources/src/index.html""#))
        let page = try site.read("Output/sources/src/index.html")
        #expect(page.contains("The report says 3,000 soldiers arrived."))
        #expect(page.contains(#"href="../../notes/first/index.html""#))
        #expect(page.contains(#"href="../../notes/second/index.html""#))
        #expect(page.contains(#"href="../../claims/index.html#claim-arrived""#))
        let other = try site.read("Output/sources/other/index.html")
        #expect(other.contains("Reuters"))
    }

    @Test func theClaimsPageGroupsClaimsByTopicWithAnchors() throws {
        let html = try Self.site().read("Output/claims/index.html")
        #expect(html.contains(#"id="claim-arrived""#))
        #expect(html.contains("Alpha"))
        #expect(html.contains("✓ quote verified in the source"))
    }

    @Test func theNotFoundPageLinksFromTheRoot() throws {
        let html = try Self.site().read("Output/404.html")
        #expect(html.contains(#"href="/index.html""#))
        #expect(html.contains(#"href="/assets/style.css""#))
    }

    @Test func textFromContentIsEscapedEverywhere() throws {
        let evil = #"<script>alert(1)</script> \" ' {{site.title}}"#
        let quoted = "'" + evil.replacingOccurrences(of: "'", with: "''") + "'"
        let site = try Self.site([
            "Content/notes/first.md": "---\ntitle: \(quoted)\ndate: 2024-10-24\ntopics: [alpha]\nsummary: \(quoted)\n---\nBody [@src, '\(evil)'].\n",
            "Content/sources/src.md": "---\ntitle: \(quoted)\noutlet: \(quoted)\nauthor: \(quoted)\nurl: 'javascript:alert(1)'\n---\nThe report says 3,000 soldiers arrived. <script>alert(2)</script>\n",
            "Content/claims/main.yml": "- id: arrived\n  statement: \(quoted)\n  topics: [alpha]\n  sources:\n    - source: src\n      locator: \(quoted)\n",
        ])
        for page in ["index.html", "notes/first/index.html", "topics/alpha/index.html", "sources/index.html", "sources/src/index.html", "claims/index.html"] {
            let html = try site.read("Output/\(page)")
            #expect(!html.contains("<script"), "\(page)")
            #expect(!html.contains("href=\"javascript:"), "\(page)")
            #expect(html.contains("{{site.title}}"), "Mustache syntax in content is text, never evaluated: \(page)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page)")
        }
        #expect(try site.read("Output/sources/src/index.html").contains("javascript:alert(1)"), "the unsafe URL is shown as text")
    }
}
