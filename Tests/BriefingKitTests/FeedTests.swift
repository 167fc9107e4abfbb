import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BriefingKit

/// Parses XML with Foundation's real parser and collects every error it reports.
final class XMLWellFormedness: NSObject, XMLParserDelegate {
    private(set) var errors: [String] = []
    private(set) var elements: [String] = []
    private(set) var attributes: [[String: String]] = []
    private(set) var text: [String: [String]] = [:]
    private var current = ""
    private var stack: [String] = []

    static func check(_ data: Data) -> XMLWellFormedness {
        let checker = XMLWellFormedness()
        let parser = XMLParser(data: data)
        parser.delegate = checker
        if !parser.parse(), checker.errors.isEmpty {
            checker.errors.append(parser.parserError.map { "\($0)" } ?? "parse failed")
        }
        return checker
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        errors.append("line \(parser.lineNumber): \(parseError)")
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {
        errors.append("line \(parser.lineNumber): \(validationError)")
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(elementName)
        self.attributes.append(attributes)
        stack.append(elementName)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        text[elementName, default: []].append(current)
        current = ""
        stack.removeLast()
    }

    /// Attributes of every element with that name, in document order.
    func attributes(of name: String) -> [[String: String]] {
        zip(elements, attributes).filter { $0.0 == name }.map(\.1)
    }
}

extension TestSite {
    /// The minimal site, published at a subpath.
    static func published(_ overrides: [String: String] = [:], baseURL: String = "https://example.org/briefing/") throws -> TestSite {
        var files = ["Content/site.yml": "title: Test Briefing\ndescription: A digest for tests.\nbase_url: \(baseURL)\n"]
        for (path, contents) in overrides { files[path] = contents }
        return try TestSite.minimal(files)
    }

    func data(_ path: String) throws -> Data { try Data(contentsOf: root.appending(path: path)) }
}

@Suite struct FeedTests {
    static let twoNotes = [
        "Content/notes/second.md": "---\ntitle: Second Note\ndate: 2024-10-25T09:30:00+09:00\ntopics: [alpha, beta]\nsummary: Newer.\n---\nMore [@src].\n",
        "Content/topics/beta.md": "---\ntitle: Beta Topic\n---\nBeta.\n",
    ]

    @Test func atomFeedIsWellFormedNewestFirstWithDatesSummariesAndCategories() throws {
        let site = try TestSite.published(Self.twoNotes)
        _ = try site.build()
        let xml = XMLWellFormedness.check(try site.data("Output/feed.xml"))
        #expect(xml.errors == [])
        #expect(xml.elements.first == "feed")
        #expect(xml.text["title"]?.first == "Test Briefing")
        #expect(xml.text["id"] == ["https://example.org/briefing/", "https://example.org/briefing/notes/second/", "https://example.org/briefing/notes/first/"])
        // The feed's <updated> is its newest note's date: deterministic, never the build time.
        #expect(xml.text["updated"] == ["2024-10-25T00:30:00Z", "2024-10-25T00:30:00Z", "2024-10-24T00:00:00Z"])
        #expect(xml.text["published"] == ["2024-10-25T00:30:00Z", "2024-10-24T00:00:00Z"])
        #expect(xml.text["summary"] == ["Newer.", "A summary."])
        #expect(xml.attributes(of: "category").map { $0["term"] ?? "" } == ["alpha", "beta", "alpha"])
        #expect(xml.attributes(of: "category").map { $0["label"] ?? "" } == ["Alpha", "Beta Topic", "Alpha"])
        let links = xml.attributes(of: "link")
        #expect(links.contains { $0["rel"] == "self" && $0["href"] == "https://example.org/briefing/feed.xml" })
        #expect(links.contains { $0["rel"] == "alternate" && $0["href"] == "https://example.org/briefing/notes/first/" })
    }

    @Test func jsonFeedFollowsVersion1_1WithSortedKeys() throws {
        let site = try TestSite.published(Self.twoNotes)
        _ = try site.build()
        let data = try site.data("Output/feed.json")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(json["title"] as? String == "Test Briefing")
        #expect(json["home_page_url"] as? String == "https://example.org/briefing/")
        #expect(json["feed_url"] as? String == "https://example.org/briefing/feed.json")
        #expect(json["description"] as? String == "A digest for tests.")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["https://example.org/briefing/notes/second/", "https://example.org/briefing/notes/first/"])
        #expect(items.map { $0["url"] as? String } == items.map { $0["id"] as? String })
        #expect(items.map { $0["date_published"] as? String } == ["2024-10-25T00:30:00Z", "2024-10-24T00:00:00Z"])
        #expect(items.map { $0["summary"] as? String } == ["Newer.", "A summary."])
        #expect(items.allSatisfy { $0["content_text"] is String }, "JSON Feed requires content_html or content_text")
        #expect(items.first?["tags"] as? [String] == ["Alpha", "Beta Topic"])
        let text = String(decoding: data, as: UTF8.self)
        let topLevelKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(topLevelKeys == ["authors", "description", "feed_url", "home_page_url", "items", "language", "title", "version"])
        #expect(!text.contains("\\/"), "slashes are not escaped")
    }

    @Test func everyTopicHasItsOwnFeeds() throws {
        let site = try TestSite.published(Self.twoNotes)
        _ = try site.build()
        let alpha = XMLWellFormedness.check(try site.data("Output/topics/alpha/feed.xml"))
        #expect(alpha.errors == [])
        #expect(alpha.text["title"]?.first == "Alpha · Test Briefing")
        #expect(alpha.text["subtitle"] == ["The alpha topic."])
        #expect(alpha.text["id"]?.dropFirst().map { $0 } == ["https://example.org/briefing/notes/second/", "https://example.org/briefing/notes/first/"])
        let beta = XMLWellFormedness.check(try site.data("Output/topics/beta/feed.xml"))
        #expect(beta.errors == [])
        #expect(beta.text["id"] == ["https://example.org/briefing/topics/beta/", "https://example.org/briefing/notes/second/"])
        #expect(beta.attributes(of: "link").contains { $0["rel"] == "self" && $0["href"] == "https://example.org/briefing/topics/beta/feed.xml" })
        let json = try #require(try JSONSerialization.jsonObject(with: try site.data("Output/topics/beta/feed.json")) as? [String: Any])
        #expect((json["items"] as? [[String: Any]])?.count == 1)
        #expect(json["feed_url"] as? String == "https://example.org/briefing/topics/beta/feed.json")
        #expect(json["home_page_url"] as? String == "https://example.org/briefing/topics/beta/")
    }

    @Test func aFeedWithoutNotesIsStillValidAndDeterministic() throws {
        let site = try TestSite.published(["Content/topics/empty.md": "---\ntitle: Empty\n---\nNothing yet [@src].\n"])
        _ = try site.build()
        let xml = XMLWellFormedness.check(try site.data("Output/topics/empty/feed.xml"))
        #expect(xml.errors == [])
        #expect(xml.text["updated"] == ["1970-01-01T00:00:00Z"])
        #expect(!xml.elements.contains("entry"))
    }

    @Test func textIsEscapedAndControlCharactersRemoved() throws {
        let title = #"Fish & Chips <b>bold</b> "quoted" 'single'"#
        let site = try TestSite.published([
            "Content/notes/first.md": "---\ntitle: '\(title.replacingOccurrences(of: "'", with: "''"))'\ndate: 2024-10-24\ntopics: [alpha]\nsummary: \"Bell\\a and \\x01 start & end\"\n---\nText [@src].\n",
        ])
        _ = try site.build()
        let data = try site.data("Output/feed.xml")
        let xml = XMLWellFormedness.check(data)
        #expect(xml.errors == [])
        #expect(xml.text["title"]?.last == title)
        #expect(xml.text["summary"] == ["Bell and  start & end"])
        let json = try #require(try JSONSerialization.jsonObject(with: try site.data("Output/feed.json")) as? [String: Any])
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(item["title"] as? String == title)
        #expect(item["summary"] as? String == "Bell and  start & end")
    }

    @Test func xmlEscapingCoversMarkupQuotesAndForbiddenCharacters() {
        #expect(FeedFormat.xmlEscape(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(FeedFormat.xmlEscape("tab\tline\ncr\r\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF}end") == "tab\tline\ncr\rend")
        #expect(FeedFormat.xmlEscape("é 北 😀 \u{7F}") == "é 北 😀 \u{7F}")
        #expect(FeedFormat.removingControlCharacters("a\u{1}b\u{FFFF}c\n") == "abc\n")
    }

    @Test(arguments: [
        ("2024-10-24", "2024-10-24T00:00:00Z"),
        ("2024-10-24T09:30:00+09:00", "2024-10-24T00:30:00Z"),
        ("2024-10-24T09:30+0900", "2024-10-24T00:30:00Z"),
        ("2024-02-29T23:59:59-01:00", "2024-03-01T00:59:59Z"),
        ("2000-01-01T00:00:00Z", "2000-01-01T00:00:00Z"),
        ("1969-12-31T23:00:00Z", "1969-12-31T23:00:00Z"),
        ("1900-03-01", "1900-03-01T00:00:00Z"),
    ])
    func datesAreRFC3339InUTC(written: String, expected: String) throws {
        let date = try #require(ContentDate(parsing: written))
        #expect(FeedFormat.rfc3339(date) == expected)
    }

    @Test func pagesLinkToTheirFeeds() throws {
        let site = try TestSite.published()
        _ = try site.build()
        let index = try site.read("Output/index.html")
        #expect(index.contains(#"<link rel="alternate" type="application/atom+xml" title="Test Briefing" href="feed.xml">"#))
        #expect(index.contains(#"<link rel="alternate" type="application/feed+json" title="Test Briefing" href="feed.json">"#))
        let topic = try site.read("Output/topics/alpha/index.html")
        #expect(topic.contains(#"<link rel="alternate" type="application/atom+xml" title="Test Briefing" href="../../feed.xml">"#))
        #expect(topic.contains(#"<link rel="alternate" type="application/atom+xml" title="Alpha · Test Briefing" href="../../topics/alpha/feed.xml">"#))
        let note = try site.read("Output/notes/first/index.html")
        #expect(!note.contains("topics/alpha/feed.xml"))
        let notFound = try site.read("Output/404.html")
        #expect(notFound.contains(#"href="https://example.org/briefing/feed.xml""#))
    }

    @Test func withoutBaseURLTheBuildWarnsAndWritesNoFeeds() throws {
        let site = try TestSite.minimal()
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "Content/site.yml:1:1: warning: no base_url in site.yml: feeds, sitemap and canonical links are not written",
        ])
        for file in ["feed.xml", "feed.json", "sitemap.xml", "robots.txt", "topics/alpha/feed.xml", "topics/alpha/feed.json"] {
            #expect(!site.exists("Output/\(file)"), "\(file) must not be written without base_url")
        }
        let page = try site.read("Output/topics/alpha/index.html")
        #expect(!page.contains("rel=\"alternate\""))
        #expect(!page.contains("rel=\"canonical\""))
        #expect(!page.contains("og:"))
    }

    /// Feeds list the newest notes only: 50 unless `feed_limit` says otherwise, every note with `feed_limit: 0`.
    @Test func feedsListTheNewestNotesUpToTheFeedLimit() throws {
        var notes: [String: String] = [:]
        for day in 1...60 {
            let date = String(format: "2024-%02d-%02d", 1 + (day - 1) / 28, 1 + (day - 1) % 28)
            notes[String(format: "Content/notes/n%02d.md", day)] = "---\ntitle: Note \(day)\ndate: \(date)\ntopics: [alpha]\n---\nText [@src].\n"
        }
        func entries(_ site: TestSite, _ path: String) throws -> [String] {
            // The feed's own title comes first.
            Array(XMLWellFormedness.check(try site.data(path)).text["title", default: []].dropFirst())
        }
        let site = try TestSite.published(notes)
        _ = try site.build()
        #expect(try entries(site, "Output/feed.xml").count == 50)
        #expect(try entries(site, "Output/feed.xml").prefix(2) == ["First Note", "Note 60"], "newest first")
        #expect(try entries(site, "Output/topics/alpha/feed.xml").count == 50)

        try site.write("Content/site.yml", "title: T\nbase_url: https://example.org/briefing/\nfeed_limit: 3\n")
        _ = try site.build()
        #expect(try entries(site, "Output/feed.xml") == ["First Note", "Note 60", "Note 59"])
        try site.write("Content/site.yml", "title: T\nbase_url: https://example.org/briefing/\nfeed_limit: 0\n")
        _ = try site.build()
        #expect(try entries(site, "Output/feed.xml").count == 61)
        let json = try JSONSerialization.jsonObject(with: site.data("Output/feed.json")) as? [String: Any]
        #expect((json?["items"] as? [Any])?.count == 61)

        try site.write("Content/site.yml", "title: T\nbase_url: https://example.org/briefing/\nfeed_limit: -2\n")
        #expect(site.failingBuild() == ["Content/site.yml:3:13: error: 'feed_limit' must be a whole number of notes, 0 for all of them, found '-2'"])
    }

    @Test func feedsAreByteIdenticalAcrossBuilds() throws {
        let site = try TestSite.published(Self.twoNotes)
        let first = Directory.temporary(), second = Directory.temporary()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        _ = try site.build(output: first.path)
        _ = try site.build(output: second.path)
        let a = try Directory.snapshot(first), b = try Directory.snapshot(second)
        for file in ["feed.xml", "feed.json", "sitemap.xml", "robots.txt", "topics/beta/feed.json"] {
            #expect(a[file] != nil && a[file] == b[file], "\(file)")
        }
    }
}
