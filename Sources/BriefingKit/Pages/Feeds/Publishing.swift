import Foundation

/// The files a digest needs once it is published at an address: Atom and JSON feeds (for the site and for each
/// topic), `sitemap.xml` and `robots.txt`; and the values each page's `<head>` gets for canonical links, Open Graph
/// and Twitter cards and feed discovery.
///
/// All of it needs absolute URLs, so it exists only when `Content/site.yml` sets `base_url`. Every function here is
/// a pure function of the site index: no clock, no file system.
enum Publishing {
    static let atomFeed = "feed.xml"
    static let jsonFeed = "feed.json"
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"

    static func topicAtomFeed(_ slug: String) -> String { "topics/\(slug)/feed.xml" }
    static func topicJSONFeed(_ slug: String) -> String { "topics/\(slug)/feed.json" }

    static let missingBaseURLMessage = "no base_url in site.yml: feeds, sitemap and canonical links are not written"

    /// The feeds, sitemap and robots.txt, or nothing without `base_url`.
    static func files(for index: SiteIndex) -> [(path: String, contents: Data)] {
        guard let base = index.config.baseURL else { return [] }
        var files: [(path: String, contents: Data)] = []
        for feed in FeedSpec.all(index, base: base) {
            files.append((feed.atomPath, Data(AtomFeed.render(feed, index: index).utf8)))
            files.append((feed.jsonPath, JSONFeed.render(feed, index: index)))
        }
        files.append((sitemap, Data(Sitemap.render(index, base: base).utf8)))
        files.append((robots, Data(Sitemap.robots(base: base).utf8)))
        return files
    }

    /// `files(for:)`, plus a warning at `Content/site.yml` when the site has no `base_url`.
    /// - Parameter siteConfigPath: `Content/site.yml` as shown to the user.
    static func files(for index: SiteIndex, siteConfigPath: String, log: inout DiagnosticLog) -> [(path: String, contents: Data)] {
        if index.config.baseURL == nil {
            log.warning(SourceLocation(path: siteConfigPath), missingBaseURLMessage)
        }
        return files(for: index)
    }

    /// The absolute URL of the page or file at `path`; an index page is named by its folder
    /// (`notes/x/index.html` → `https://example.org/briefing/notes/x/`), in the sitemap, canonical links and feeds alike.
    static func absoluteURL(_ path: String, base: String) -> String {
        if path == "index.html" { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }

    /// The values every page's `<head>` gets (see `layout.mustache`): `canonical_url`, `og_type`, `og_title`,
    /// `feeds[]` (`title`, `href`, `type`), and a `page_description` that falls back to the site's title.
    /// - Parameter root: the relative way from the page to the top of the output (feed links are relative, like
    ///   every link of a page).
    static func pageValues(path: String, title: String?, description: String?, config: SiteConfig, root: String) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [
            "canonical_url": false,
            "og_type": .text(path.hasPrefix("notes/") ? "article" : "website"),
            "og_title": .text(title ?? config.title),
            "page_description": .text(description ?? config.description ?? config.title),
            "feeds": [],
        ]
        guard let base = config.baseURL else { return values }
        values["canonical_url"] = .text(absoluteURL(path, base: base))
        var feeds: [TemplateValue] = [
            ["title": .text(config.title), "href": .text(root + atomFeed), "type": "application/atom+xml"],
            ["title": .text(config.title), "href": .text(root + jsonFeed), "type": "application/feed+json"],
        ]
        if path.hasPrefix("topics/"), let slug = path.split(separator: "/").dropFirst().first, path == SitePaths.topic(String(slug)) {
            let topicTitle = "\(title ?? String(slug)) · \(config.title)"
            feeds.append(["title": .text(topicTitle), "href": .text(root + topicAtomFeed(String(slug))), "type": "application/atom+xml"])
            feeds.append(["title": .text(topicTitle), "href": .text(root + topicJSONFeed(String(slug))), "type": "application/feed+json"])
        }
        values["feeds"] = .list(feeds)
        return values
    }

    /// The 404 page's head values: it is served at any address, so it has no canonical URL and its feed links are
    /// absolute (from `root`, which is `base_url` or `/`).
    static func notFoundPageValues(config: SiteConfig, root: String) -> [String: TemplateValue] {
        var values = pageValues(path: SitePaths.notFound, title: nil, description: nil, config: config, root: root)
        values["canonical_url"] = false
        return values
    }
}

/// One feed: the whole digest's or one topic's.
struct FeedSpec {
    var title: String
    var subtitle: String?
    /// The page the feed stands for, absolute.
    var homeURL: String
    var atomPath: String
    var jsonPath: String
    var base: String
    /// Newest first, at most `SiteConfig.feedLimit` of them.
    var notes: [Note]

    var atomURL: String { base + atomPath }
    var jsonURL: String { base + jsonPath }

    /// The site's feed, then one per topic in the index's topic order.
    static func all(_ index: SiteIndex, base: String) -> [FeedSpec] {
        let config = index.config
        func newest<Notes: Collection<Note>>(_ notes: Notes) -> [Note] {
            config.feedLimit > 0 ? Array(notes.prefix(config.feedLimit)) : Array(notes)
        }
        var feeds = [FeedSpec(title: config.title, subtitle: config.description, homeURL: base,
                              atomPath: Publishing.atomFeed, jsonPath: Publishing.jsonFeed, base: base, notes: newest(index.notes))]
        for topic in index.topics {
            feeds.append(FeedSpec(
                title: "\(topic.title) · \(config.title)", subtitle: topic.summary,
                homeURL: Publishing.absoluteURL(SitePaths.topic(topic.slug), base: base),
                atomPath: Publishing.topicAtomFeed(topic.slug), jsonPath: Publishing.topicJSONFeed(topic.slug), base: base,
                notes: newest(index.notesByTopic[topic.slug] ?? [])
            ))
        }
        return feeds
    }
}

/// Text formats the feeds and the sitemap share.
enum FeedFormat {
    /// Escapes `& < > " '` and removes the characters XML 1.0 does not allow (control characters other than tab,
    /// line feed and carriage return; U+FFFE and U+FFFF).
    static func xmlEscape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                guard value >= 0x20, value != 0xFFFE, value != 0xFFFF else { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Removes the characters XML 1.0 does not allow, for JSON text too (a feed reader should not meet them).
    static func removingControlCharacters(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars where scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            guard scalar.value != 0xFFFE, scalar.value != 0xFFFF else { continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// RFC 3339 in UTC, e.g. `2024-10-24T00:30:00Z`, for the instant a content date denotes (a date alone is
    /// midnight UTC; `2024-10-24T09:30:00+09:00` becomes `2024-10-24T00:30:00Z`).
    static func rfc3339(_ date: ContentDate) -> String { rfc3339(instant: date.instant) }

    static func rfc3339(instant: Int64) -> String {
        let days = Int(instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400)
        let seconds = Int(instant - Int64(days) * 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))Z"
    }
}
