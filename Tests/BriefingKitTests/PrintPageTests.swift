import Foundation
import Testing
@testable import BriefingKit

@Suite struct PrintPageTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func showsEveryTopicNoteAndClaimWithOneBibliography() throws {
        let site = try TestSite.minimal([
            "Content/notes/second.md": "---\ntitle: Second Note\ndate: 2024-10-25\ntopics: [beta]\nsummary: Second summary.\n---\nThe second body [@other].\n",
            "Content/topics/beta.md": "---\ntitle: Beta\nsummary: The beta topic.\n---\nAbout beta.\n",
            "Content/sources/other.md": "---\ntitle: Other Report\noutlet: Other Outlet\nurl: https://example.org/other\n---\nText.\n",
            "Content/claims/more.yml": "- id: unfiled-claim\n  statement: A claim without a topic.\n  sources: [other]\n",
        ])
        _ = try site.build()
        let page = try site.read("Output/print/index.html")
        for text in ["<h2>Alpha</h2>", "The alpha topic.", "About alpha", "<h2>Beta</h2>", "The beta topic.", "About beta.",
                     "<h3>First Note</h3>", "Something happened", "<h3>Second Note</h3>", "The second body",
                     "About 3,000 soldiers arrived.", "A claim without a topic.", "<h2>Other notes and claims</h2>"] {
            #expect(page.contains(text), "missing \(text)")
        }
        #expect(Self.count(#"class="print-bibliography""#, in: page) == 1)
        #expect(Self.count(#"<section class="print-topic""#, in: page) == 3)
        let bibliography = try #require(page.range(of: #"id="bibliography""#)).lowerBound
        #expect(page[bibliography...].contains("Example Times"))
        #expect(page[bibliography...].contains(#"<a class="original" href="https://example.org/other" rel="noopener">Original</a>"#))
        // Contents link to each topic and the bibliography.
        #expect(page.contains(##"<li><a href="#topic-alpha">Alpha</a></li>"##))
        #expect(page.contains(##"<li><a href="#bibliography">Bibliography</a></li>"##))
        // Topics keep the index order (by title); the claim's anchor is there.
        #expect(try #require(page.range(of: "<h2>Alpha</h2>")).lowerBound < (try #require(page.range(of: "<h2>Beta</h2>"))).lowerBound)
        #expect(page.contains(#"id="claim-arrived""#))
        #expect(page.contains(#"<link rel="stylesheet" href="../assets/style.css">"#))
    }

    @Test func footnotesFormOneSequenceAndGFMLabelsOfNotesDoNotCollide() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\n---\nOne[^a] [@src].\n\n[^a]: First note's footnote.\n",
            "Content/notes/second.md": "---\ntitle: Second Note\ndate: 2024-10-25\ntopics: [alpha]\n---\nTwo[^a] [@src, para 2].\n\n[^a]: Second note's footnote.\n",
        ])
        _ = try site.build()
        let page = try site.read("Output/print/index.html")
        #expect(page.contains("First note’s footnote.") || page.contains("First note's footnote."))
        #expect(page.contains("Second note’s footnote.") || page.contains("Second note's footnote."))
        // One sequence: ids fn-1 … fn-n, each once; the source cited by both notes and the claim has one footnote.
        let ids = page.components(separatedBy: #"<li id="fn-"#).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(ids == Array(1...ids.count))
        #expect(ids.count == 3, "two GFM footnotes and one source")
        #expect(Self.count(#"Example Times</span>, “<a href="../sources/src/index.html">"#, in: page) == 2, "footnote + bibliography")
        let allIDs = page.components(separatedBy: #" id=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(allIDs.count == Set(allIDs).count, "no id twice on the page")
    }

    @Test func aNoteUnderSeveralTopicsIsPrintedOnce() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha, beta]\n---\nUnique body text [@src].\n",
            "Content/topics/beta.md": "---\ntitle: Beta\n---\nAbout beta.\n",
        ])
        _ = try site.build()
        let page = try site.read("Output/print/index.html")
        #expect(Self.count("Unique body text", in: page) == 1)
        #expect(Self.count("<h3>First Note</h3>", in: page) == 2)
        #expect(page.contains(##"<p class="meta">Printed in full under <a href="#note-first">Alpha</a>.</p>"##))
        #expect(Self.count(#"id="note-first""#, in: page) == 1)
    }

    @Test func theStylesheetHasThePrintRules() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        let css = try site.read("Output/assets/style.css")
        #expect(css.contains("@page { size: A4; margin: 2cm; }"))
        #expect(css.contains("Letter"))
        #expect(css.contains(".print-topic, .print-bibliography, .print-digest + section.footnotes { break-before: page;"))
        #expect(css.contains(#"a[href^="http"]::after { content: " (" attr(href) ")";"#), "URLs after external links")
        #expect(css.contains("section.footnotes li { break-inside: avoid;"), "footnotes kept whole")
    }

    @Test func everyPageLinksToThePrintableDigest() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        #expect(try site.read("Output/index.html").contains(#"<li><a href="print/index.html">Print</a></li>"#))
        #expect(try site.read("Output/notes/first/index.html").contains(#"<li><a href="../../print/index.html">Print</a></li>"#))
        #expect(try site.read("Output/print/index.html").contains(#"<li><a href="../print/index.html" aria-current="page">Print</a></li>"#))
        #expect(try site.read("Output/404.html").contains(#"<li><a href="/print/index.html">Print</a></li>"#))
    }

    @Test func aSiteCanOverrideThePrintTemplate() throws {
        let site = try TestSite.minimal(["Templates/print.mustache": "<!DOCTYPE html><h1>Custom print {{note_count}}</h1>\n"])
        _ = try site.build()
        #expect(try site.read("Output/print/index.html").contains("<h1>Custom print 1</h1>"))
    }

    /// A large site can leave the printable digest out: no page, no "Print" link, no sitemap entry.
    @Test func printDigestFalseLeavesThePageAndItsLinksOut() throws {
        let site = try TestSite.published(["Content/site.yml": "title: T\nbase_url: https://example.org/briefing/\nprint_digest: false\n"])
        let report = try site.build()
        #expect(!site.exists("Output/print/index.html"))
        for page in ["Output/index.html", "Output/notes/first/index.html", "Output/404.html"] {
            let html = try site.read(page)
            #expect(html.contains(">Claims</a>") && !html.contains("print/index.html"), "\(page)")
        }
        #expect(try !site.read("Output/sitemap.xml").contains("/print/"))
        try site.write("Content/site.yml", "title: T\nbase_url: https://example.org/briefing/\n")
        #expect(try site.build().pagesWritten == report.pagesWritten + 1)
        #expect(try site.read("Output/notes/first/index.html").contains("print/index.html"))
    }
}
