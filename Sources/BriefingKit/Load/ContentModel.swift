/// Markdown text with the file position of its first line, so that findings inside it can be located.
public struct MarkdownText: Sendable, Hashable {
    public var text: String
    public var path: String
    public var firstLine: Int

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

/// `Content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var language: String
    /// Absolute URL of the published digest, always ending in `/`, when the site gives one.
    public var baseURL: String?
    /// Pass raw HTML in Markdown through to pages (off by default).
    public var unsafeHTML: Bool
    /// How many of the newest notes each feed lists; 0 lists every note.
    public var feedLimit: Int = SiteConfig.defaultFeedLimit

    public static let defaultFeedLimit = 50
    /// Write the printable digest (`print/index.html`, the whole digest on one page) and link it from every page.
    public var printDigest = true
}

/// `Content/notes/<slug>.md`.
public struct Note: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var date: ContentDate
    public var topics: [Located<String>]
    public var summary: String?
    public var draft: Bool
    public var body: MarkdownText
    public var location: SourceLocation
}

/// `Content/sources/<id>.md`: one document that claims and notes cite.
public struct Source: Sendable, Hashable {
    public var id: String
    public var title: String
    public var outlet: String
    public var author: String?
    public var published: ContentDate?
    public var url: String?
    public var accessed: ContentDate?
    public var language: String?
    /// What the source relays, e.g. `[Reuters]`: names or source ids.
    public var basedOn: [Located<String>]
    /// The source's text or an excerpt; nil when the file has no body.
    public var body: MarkdownText?
    public var location: SourceLocation
}

/// `Content/topics/<slug>.md`, or a topic named by a note or claim without a file of its own.
public struct Topic: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var summary: String?
    public var body: MarkdownText?
    /// Nil for a topic that has no file.
    public var location: SourceLocation?
}

/// One source a claim rests on.
public struct ClaimSource: Sendable, Hashable {
    public var sourceID: String
    public var quote: String?
    public var locator: String?
    public var location: SourceLocation
    /// Where the quote's text stands, for quote-check findings.
    public var quoteLocation: SourceLocation?
}

/// One entry of a `Content/claims/*.yml` list.
public struct Claim: Sendable, Hashable {
    public var id: String
    public var statement: String
    public var topics: [Located<String>]
    public var sources: [ClaimSource]
    public var asOf: ContentDate?
    public var subject: String?
    public var value: Double?
    public var location: SourceLocation
}

/// Everything the Load stage read from a site folder.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var notes: [Note]
    public var sources: [Source]
    public var topics: [Topic]
    public var claims: [Claim]
}
