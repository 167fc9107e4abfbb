import Foundation

/// A JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of notes, newest first, encoded with sorted keys so that two
/// builds give the same bytes.
enum JSONFeed {
    struct Document: Encodable {
        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var homePageURL: String
        var feedURL: String
        var description: String?
        var language: String
        var authors: [Author]
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, language, authors, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    struct Author: Encodable {
        var name: String
    }

    struct Item: Encodable {
        var id: String
        var url: String
        var title: String
        var summary: String?
        /// JSON Feed requires content: the summary, or the title for a note without one.
        var contentText: String
        var datePublished: String
        var dateModified: String
        /// The note's topics, by title.
        var tags: [String]?

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, tags
            case contentText = "content_text"
            case datePublished = "date_published"
            case dateModified = "date_modified"
        }
    }

    static func document(_ feed: FeedSpec, index: SiteIndex) -> Document {
        let clean = FeedFormat.removingControlCharacters
        let items = feed.notes.map { note -> Item in
            let url = Publishing.absoluteURL(SitePaths.note(note.slug), base: feed.base)
            let date = FeedFormat.rfc3339(note.date)
            let tags = SiteIndex.unique(note.topics.map(\.value)).map { clean(index.topic($0)?.title ?? Slug.title(from: $0)) }
            return Item(id: url, url: url, title: clean(note.title), summary: note.summary.map(clean),
                        contentText: clean(note.summary ?? note.title), datePublished: date, dateModified: date,
                        tags: tags.isEmpty ? nil : tags)
        }
        return Document(title: clean(feed.title), homePageURL: feed.homeURL, feedURL: feed.jsonURL, description: feed.subtitle.map(clean),
                        language: index.config.language, authors: [Author(name: clean(index.config.title))], items: items)
    }

    static func render(_ feed: FeedSpec, index: SiteIndex) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and arrays cannot fail.
        let data = (try? encoder.encode(document(feed, index: index))) ?? Data("{}".utf8)
        return data + Data("\n".utf8)
    }
}
