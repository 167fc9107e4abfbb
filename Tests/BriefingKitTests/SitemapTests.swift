import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BriefingKit

@Suite struct SitemapTests {
    /// `<meta …>` and `<link …>` tags of a page's head, as written.
    static func headTags(_ page: String) -> [String] {
        guard let end = page.range(of: "</head>") else { return [] }
        return page[..<end.lowerBound].split(separator: "\n").map(String.init).filter { $0.hasPrefix("<meta") || $0.hasPrefix("<link") }
    }

    static func canonical(_ page: String) -> String? {
        guard let start = page.range(of: #"<link rel="canonical" href=""#), let end = page[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(page[start.upperBound..<end])
    }

    @Test func sitemapListsEveryPageButTheNotFoundPageByItsFolderURL() throws {
        let site = try TestSite.published(["Content/notes/second.md": "---\ntitle: Second\ndate: 2024-10-25\n---\nBody [@src].\n"])
        _ = try site.build()
        let xml = XMLWellFormedness.check(try site.data("Output/sitemap.xml"))
        #expect(xml.errors == [])
        #expect(xml.elements.first == "urlset")
        let locs = try #require(xml.text["loc"])
        let pages = try Directory.snapshot(site.root.appending(path: "Output")).keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        let expected = pages.map { Publishing.absoluteURL($0, base: "https://example.org/briefing/") }
        #expect(Set(locs) == Set(expected), "the sitemap and the pages PageBuilder writes must stay in step")
        #expect(locs.count == expected.count)
        #expect(locs.first == "https://example.org/briefing/")
        #expect(locs.contains("https://example.org/briefing/notes/second/"))
        #expect(locs.contains("https://example.org/briefing/print/"))
        #expect(!locs.contains { $0.hasSuffix("index.html") || $0.contains("404") })
        // Notes carry their date; the digest its newest note's.
        #expect(try site.read("Output/sitemap.xml").contains("<url><loc>https://example.org/briefing/notes/second/</loc><lastmod>2024-10-25T00:00:00Z</lastmod></url>"))
        #expect(try site.read("Output/sitemap.xml").contains("<url><loc>https://example.org/briefing/</loc><lastmod>2024-10-25T00:00:00Z</lastmod></url>"))
    }

    @Test func robotsPointsToTheSitemap() throws {
        let site = try TestSite.published()
        _ = try site.build()
        #expect(try site.read("Output/robots.txt") == "User-agent: *\nDisallow:\n\nSitemap: https://example.org/briefing/sitemap.xml\n")
    }

    @Test func everyPageHasCanonicalOpenGraphTwitterAndDescriptionMeta() throws {
        let site = try TestSite.published()
        _ = try site.build()
        let sitemap = Set(XMLWellFormedness.check(try site.data("Output/sitemap.xml")).text["loc"] ?? [])
        let files = try Directory.snapshot(site.root.appending(path: "Output"))
        for path in files.keys.sorted() where path.hasSuffix(".html") && path != "404.html" {
            let page = String(decoding: files[path] ?? Data(), as: UTF8.self)
            let url = try #require(Self.canonical(page), "\(path) has no canonical link")
            #expect(url == Publishing.absoluteURL(path, base: "https://example.org/briefing/"))
            #expect(sitemap.contains(url), "\(path): canonical URL and sitemap agree")
            let head = Self.headTags(page)
            #expect(head.contains(#"<meta property="og:url" content="\#(url)">"#), "\(path)")
            #expect(head.contains(#"<meta property="og:site_name" content="Test Briefing">"#), "\(path)")
            #expect(head.contains { $0.hasPrefix(#"<meta property="og:title" content=""#) }, "\(path)")
            #expect(head.contains { $0.hasPrefix(#"<meta property="og:description" content=""#) }, "\(path)")
            #expect(head.contains { $0.hasPrefix(#"<meta name="description" content=""#) }, "\(path)")
            #expect(head.contains(#"<meta name="twitter:card" content="summary">"#), "\(path)")
            #expect(head.contains { $0.hasPrefix(#"<meta name="twitter:title" content=""#) }, "\(path)")
            #expect(head.contains(#"<meta property="og:type" content="\#(path.hasPrefix("notes/") ? "article" : "website")">"#), "\(path)")
        }
        let note = try site.read("Output/notes/first/index.html")
        #expect(Self.headTags(note).contains(#"<meta property="og:title" content="First Note">"#))
        #expect(Self.headTags(note).contains(#"<meta property="og:description" content="A summary.">"#))
        // The 404 page is served at any address: it has no canonical URL.
        let notFound = try site.read("Output/404.html")
        #expect(Self.canonical(notFound) == nil)
        #expect(!notFound.contains("og:url"))
    }

    @Test func aPageWithoutAnyDescriptionFallsBackToTheSiteTitle() throws {
        let site = try TestSite.minimal(["Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\n---\nText [@src].\n"])
        _ = try site.build()
        #expect(Self.headTags(try site.read("Output/notes/first/index.html")).contains(#"<meta name="description" content="Test Briefing">"#))
        #expect(Self.headTags(try site.read("Output/topics/alpha/index.html")).contains(#"<meta name="description" content="The alpha topic.">"#))
    }

    @Test func withoutBaseURLThereIsNoSitemapAndNoCanonicalLink() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        #expect(!site.exists("Output/sitemap.xml"))
        #expect(!site.exists("Output/robots.txt"))
        #expect(Self.canonical(try site.read("Output/index.html")) == nil)
    }

    @Test func sitemapTextIsEscaped() throws {
        let site = try TestSite.published(baseURL: "https://example.org/a&b/")
        _ = try site.build()
        let xml = XMLWellFormedness.check(try site.data("Output/sitemap.xml"))
        #expect(xml.errors == [])
        #expect(xml.text["loc"]?.first == "https://example.org/a&b/")
        #expect(XMLWellFormedness.check(try site.data("Output/feed.xml")).errors == [])
    }
}
