import Foundation
import Testing
@testable import BriefingKit

/// With `base_url` the digest works under its subpath; without it every link is relative and works from `file://`.
@Suite struct BaseURLTests {
    /// Every `href` and `src` of every HTML page of an output folder.
    static func links(_ output: URL) throws -> [(page: String, href: String)] {
        try Directory.snapshot(output).filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.flatMap { page, data in
            HTMLScanner.scan([UInt8](data)).links.map { (page, $0.value) }
        }
    }

    /// Follows a relative link the way a browser does from a `file://` page, and says whether it reaches a file.
    static func resolvesOnDisk(_ href: String, from page: String, in output: URL) -> Bool {
        let pageURL = output.appending(path: page)
        guard let url = URL(string: href, relativeTo: pageURL)?.absoluteURL, url.isFileURL else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    @Test func withoutBaseURLEveryLinkIsRelativeAndWorksFromFiles() throws {
        let site = try TestSite.minimal(["Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\n---\nSee [the topic](../../topics/alpha/index.html) [@src].\n"])
        _ = try site.build()
        let output = site.root.appending(path: "Output")
        var checked = 0
        for (page, href) in try Self.links(output) where page != "404.html" {
            if href.hasPrefix("https://example.org/") { continue } // the source's original URL
            #expect(!href.hasPrefix("/") && !href.contains("://"), "\(page): \(href) is not relative")
            if href.hasPrefix("#") { continue }
            #expect(Self.resolvesOnDisk(href, from: page, in: output), "\(page): \(href) does not open from file://")
            checked += 1
        }
        #expect(checked > 50)
        // 404.html is served for any address, so its links start at the host's top.
        #expect(try site.read("Output/404.html").contains(#"<a href="/index.html">the digest</a>"#))
    }

    @Test func withBaseURLPagesStayRelativeAndOnlyHeadAndNotFoundLinksAreAbsolute() throws {
        let site = try TestSite.published()
        _ = try site.build()
        let output = site.root.appending(path: "Output")
        for (page, href) in try Self.links(output) {
            if href == "https://example.org/report" { continue }
            if page == "404.html" {
                #expect(href.hasPrefix("https://example.org/briefing/") || href.hasPrefix("#"), "404.html: \(href)")
                continue
            }
            if href.hasPrefix("https://example.org/briefing/") {
                #expect(href == Publishing.absoluteURL(page, base: "https://example.org/briefing/"), "\(page): only the canonical link is absolute, found \(href)")
                continue
            }
            #expect(!href.hasPrefix("/") && !href.contains("://"), "\(page): \(href)")
            if !href.hasPrefix("#") {
                #expect(Self.resolvesOnDisk(href, from: page, in: output), "\(page): \(href)")
            }
        }
        let notFound = try site.read("Output/404.html")
        #expect(notFound.contains(#"<link rel="stylesheet" href="https://example.org/briefing/assets/style.css">"#))
        #expect(notFound.contains(#"<a href="https://example.org/briefing/index.html">the digest</a>"#))
    }

    @Test func everyAbsoluteURLUnderTheSubpathNamesAFileOfTheOutput() throws {
        let site = try TestSite.published(["Content/notes/second.md": "---\ntitle: Second\ndate: 2024-10-25\ntopics: [alpha]\n---\nBody [@src].\n"])
        _ = try site.build()
        let output = site.root.appending(path: "Output")
        let files = try Directory.snapshot(output)
        let resolver = LinkResolver(baseURL: "https://example.org/briefing/", paths: Set(files.keys))
        var urls: [String] = []
        for feed in ["feed.xml", "topics/alpha/feed.xml", "sitemap.xml"] {
            let xml = XMLWellFormedness.check(try #require(files[feed]))
            urls += (xml.text["loc"] ?? []) + (xml.text["id"] ?? []) + xml.attributes(of: "link").compactMap { $0["href"] }
        }
        for feed in ["feed.json", "topics/alpha/feed.json"] {
            let data = try #require(files[feed])
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            urls += [json["home_page_url"], json["feed_url"]].compactMap { $0 as? String }
            urls += (json["items"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
        }
        #expect(urls.count > 20)
        for url in urls {
            #expect(url.hasPrefix("https://example.org/briefing/"), "\(url)")
            guard case .internal(let path, _) = resolver.resolve(url, on: "index.html") else {
                Issue.record("\(url) is not inside the site")
                continue
            }
            #expect(files[path] != nil, "\(url) → \(path) is not in the output")
        }
    }

    @Test func theExamplePublishedUnderASubpathBuildsWithValidFeeds() throws {
        let site = try TestSite()
        try FileManager.default.copyItem(at: Directory.repository.appending(path: "Content"), to: site.root.appending(path: "Content"))
        let config = try site.read("Content/site.yml").split(separator: "\n").filter { !$0.hasPrefix("base_url:") }.joined(separator: "\n")
        try site.write("Content/site.yml", config + "\nbase_url: https://example.org/briefing/\n")
        let report = try site.build()
        #expect(!report.warnings.contains { $0.message == Publishing.missingBaseURLMessage })
        let files = try Directory.snapshot(site.root.appending(path: "Output"))
        let feeds = files.keys.filter { $0.hasSuffix(".xml") }.sorted()
        #expect(feeds.count >= 5)
        for feed in feeds {
            #expect(XMLWellFormedness.check(try #require(files[feed])).errors == [], "\(feed)")
        }
        for feed in files.keys where feed.hasSuffix(".json") {
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: files[feed] ?? Data()) }
        }
        #expect(LinkChecker.brokenLinks(in: files.map { (path: $0.key, contents: $0.value) }, baseURL: "https://example.org/briefing/") == [])
    }

    @Test func aBaseURLWithoutTrailingSlashIsCompleted() throws {
        let site = try TestSite.published(baseURL: "https://example.org/briefing")
        _ = try site.build()
        #expect(try site.read("Output/index.html").contains(#"<link rel="canonical" href="https://example.org/briefing/">"#))
        #expect(try site.read("Output/robots.txt").contains("Sitemap: https://example.org/briefing/sitemap.xml"))
    }
}
