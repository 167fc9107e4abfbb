/// The Resolve stage's view of a site: every cross-reference looked up once, in a stable order.
///
/// Notes are newest first (ties by slug); sources by outlet, date and title; topics by title; claims in file order.
public struct SiteIndex: Sendable {
    public let config: SiteConfig
    public let notes: [Note]
    public let sources: [Source]
    /// Topics with a file, plus those only named by a note or claim.
    public let topics: [Topic]
    public let claims: [Claim]
    public let parsed: ParsedBodies

    public let sourcesByID: [String: Source]
    private let topicsBySlug: [String: Topic]
    public let notesByTopic: [String: NoteSelection]
    public let claimsByTopic: [String: [Claim]]
    /// Notes that cite a source, by source id.
    public let notesCitingSource: [String: NoteSelection]
    public let claimsCitingSource: [String: [Claim]]

    init(content: SiteContent, parsed: ParsedBodies) {
        config = content.config
        self.parsed = parsed
        notes = content.notes.sorted { ($1.date, $0.slug) < ($0.date, $1.slug) }
        sources = content.sources.sorted {
            ($0.outlet.lowercased(), $0.published?.instant ?? 0, $0.title, $0.id) < ($1.outlet.lowercased(), $1.published?.instant ?? 0, $1.title, $1.id)
        }
        claims = content.claims
        sourcesByID = Dictionary(content.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var topicsBySlug = Dictionary(content.topics.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let namedTopics = content.notes.flatMap(\.topics) + content.claims.flatMap(\.topics)
        for named in namedTopics where topicsBySlug[named.value] == nil && Slug.problem(with: named.value) == nil {
            topicsBySlug[named.value] = Topic(slug: named.value, title: Slug.title(from: named.value), summary: nil, body: nil, location: nil)
        }
        topics = topicsBySlug.values.sorted { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
        self.topicsBySlug = topicsBySlug

        var notesByTopic: [String: [Int]] = [:]
        var notesCitingSource: [String: [Int]] = [:]
        for (position, note) in notes.enumerated() {
            for topic in Self.unique(note.topics.map(\.value)) { notesByTopic[topic, default: []].append(position) }
            let cited = parsed.notes[note.slug]?.citationItems.map(\.sourceID) ?? []
            for id in Self.unique(cited) { notesCitingSource[id, default: []].append(position) }
        }
        var claimsByTopic: [String: [Claim]] = [:]
        var claimsCitingSource: [String: [Claim]] = [:]
        for claim in claims {
            for topic in Self.unique(claim.topics.map(\.value)) { claimsByTopic[topic, default: []].append(claim) }
            for id in Self.unique(claim.sources.map(\.sourceID)) { claimsCitingSource[id, default: []].append(claim) }
        }
        let notes = self.notes
        self.notesByTopic = notesByTopic.mapValues { NoteSelection(all: notes, positions: $0) }
        self.claimsByTopic = claimsByTopic
        self.notesCitingSource = notesCitingSource.mapValues { NoteSelection(all: notes, positions: $0) }
        self.claimsCitingSource = claimsCitingSource
    }

    /// Looked up on every note summary of every page, so by dictionary rather than by a walk through the topics.
    public func topic(_ slug: String) -> Topic? { topicsBySlug[slug] }

    /// Keeps the first of each repeated value, in order.
    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// Parsed Markdown bodies by note slug, topic slug and source id.
public struct ParsedBodies: Sendable {
    public var notes: [String: ParsedMarkdown] = [:]
    public var topics: [String: ParsedMarkdown] = [:]
    public var sources: [String: ParsedMarkdown] = [:]
}
