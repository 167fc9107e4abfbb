/// An Atom feed (RFC 4287) of notes, newest first: title, link, dates, summary and topics as categories.
///
/// Deterministic: the feed's `<updated>` is its newest note's date (the Unix epoch for a feed without notes), never
/// the time of the build.
enum AtomFeed {
    static func render(_ feed: FeedSpec, index: SiteIndex) -> String {
        let e = FeedFormat.xmlEscape
        let updated = feed.notes.map(\.date).max().map(FeedFormat.rfc3339) ?? FeedFormat.rfc3339(instant: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(e(index.config.language))">
              <title>\(e(feed.title))</title>

            """
        if let subtitle = feed.subtitle { xml += "  <subtitle>\(e(subtitle))</subtitle>\n" }
        xml += """
              <id>\(e(feed.homeURL))</id>
              <link rel="alternate" type="text/html" href="\(e(feed.homeURL))"/>
              <link rel="self" type="application/atom+xml" href="\(e(feed.atomURL))"/>
              <updated>\(updated)</updated>
              <author><name>\(e(index.config.title))</name></author>

            """
        for note in feed.notes {
            let url = Publishing.absoluteURL(SitePaths.note(note.slug), base: feed.base)
            let date = FeedFormat.rfc3339(note.date)
            xml += """
                  <entry>
                    <title>\(e(note.title))</title>
                    <link rel="alternate" type="text/html" href="\(e(url))"/>
                    <id>\(e(url))</id>
                    <published>\(date)</published>
                    <updated>\(date)</updated>

                """
            if let summary = note.summary { xml += "    <summary>\(e(summary))</summary>\n" }
            for slug in SiteIndex.unique(note.topics.map(\.value)) {
                let title = index.topic(slug)?.title ?? Slug.title(from: slug)
                let scheme = feed.base + "topics/"
                xml += "    <category term=\"\(e(slug))\" label=\"\(e(title))\" scheme=\"\(e(scheme))\"/>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
