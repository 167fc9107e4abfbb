/// `sitemap.xml` (sitemaps.org 0.9) listing every page but `404.html`, and a `robots.txt` that points to it.
enum Sitemap {
    /// The pages the sitemap lists, in a stable order: the digest, the claims, sources and printable pages, then
    /// topics, notes and sources in the index's order. Mirrors `PageBuilder.pages()` (a test keeps them in step).
    static func pagePaths(_ index: SiteIndex) -> [(path: String, lastModified: ContentDate?)] {
        var pages: [(path: String, lastModified: ContentDate?)] = [
            (SitePaths.index, index.notes.map(\.date).max()),
            (SitePaths.claims, nil),
            (SitePaths.sources, nil),
        ]
        if index.config.printDigest { pages.append((SitePaths.printDigest, index.notes.map(\.date).max())) }
        pages += index.topics.map { (SitePaths.topic($0.slug), index.notesByTopic[$0.slug]?.map(\.date).max()) }
        pages += index.notes.map { (SitePaths.note($0.slug), $0.date) }
        pages += index.sources.map { (SitePaths.source($0.id), nil) }
        return pages
    }

    static func render(_ index: SiteIndex, base: String) -> String {
        let e = FeedFormat.xmlEscape
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for page in pagePaths(index) {
            xml += "  <url><loc>\(e(Publishing.absoluteURL(page.path, base: base)))</loc>"
            if let date = page.lastModified { xml += "<lastmod>\(FeedFormat.rfc3339(date))</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// Crawlers read `robots.txt` only at a host's top folder: under a subpath it is written all the same, for a
    /// host that serves the digest at its top.
    static func robots(base: String) -> String {
        "User-agent: *\nDisallow:\n\nSitemap: \(base + Publishing.sitemap)\n"
    }
}
