/// A stable digest of every note, source, topic and claim as pages show it, for telling which pages an edit
/// affects (`PageDependencies`). Each digest covers exactly what the entity's own file gives to the pages; what
/// comes from elsewhere — a topic's title on a note's page, a claim's sources — is a dependency of its own.
///
/// A claim's digest also covers its assessment and quote checks, which the ledger works out from the whole site:
/// a source edit that changes a claim's standing changes the claim's digest, and so every page that shows it.
struct EntityFingerprints: Sendable {
    private(set) var notes: [String: UInt64] = [:]
    private(set) var sources: [String: UInt64] = [:]
    private(set) var topics: [String: UInt64] = [:]
    private(set) var claims: [String: UInt64] = [:]

    init(index: SiteIndex, ledger: Ledger) {
        let notes = Parallel.map(index.notes) { note in (note.slug, Self.digest(note)) }
        self.notes = Dictionary(notes, uniquingKeysWith: { first, _ in first })
        let sources = Parallel.map(index.sources) { source in (source.id, Self.digest(source)) }
        self.sources = Dictionary(sources, uniquingKeysWith: { first, _ in first })
        for topic in index.topics { topics[topic.slug] = Self.digest(topic) }
        for claim in index.claims where claims[claim.id] == nil { claims[claim.id] = Self.digest(claim, ledger: ledger) }
    }

    /// An entity that does not exist has a digest too, so that creating it changes the pages that name it.
    static let missing: UInt64 = 0

    private static func digest(_ note: Note) -> UInt64 {
        var hash = StableHasher()
        hash.add(note.slug)
        hash.add(note.title)
        hash.add(note.date)
        hash.add(note.topics.map(\.value))
        hash.add(note.summary)
        hash.add(note.draft)
        hash.add(note.body.text)
        return hash.value
    }

    private static func digest(_ source: Source) -> UInt64 {
        var hash = StableHasher()
        hash.add(source.id)
        hash.add(source.title)
        hash.add(source.outlet)
        hash.add(source.author)
        hash.add(source.published)
        hash.add(source.url)
        hash.add(source.accessed)
        hash.add(source.language)
        hash.add(source.basedOn.map(\.value))
        hash.add(source.body?.text)
        return hash.value
    }

    private static func digest(_ topic: Topic) -> UInt64 {
        var hash = StableHasher()
        hash.add(topic.slug)
        hash.add(topic.title)
        hash.add(topic.summary)
        hash.add(topic.body?.text)
        // A topic only named by notes has no file; giving it one changes its pages even with the same title.
        hash.add(topic.location == nil)
        return hash.value
    }

    private static func digest(_ claim: Claim, ledger: Ledger) -> UInt64 {
        var hash = StableHasher()
        hash.add(claim.id)
        hash.add(claim.statement)
        hash.add(claim.topics.map(\.value))
        for source in claim.sources {
            hash.add(source.sourceID)
            hash.add(source.quote)
            hash.add(source.locator)
        }
        hash.add(claim.asOf)
        hash.add(claim.subject)
        hash.add(claim.value.map { String($0) })
        if let assessment = ledger.assessments[claim.id] {
            hash.add(assessment.standing.rawValue)
            hash.add(assessment.reason)
            hash.add(Int64(assessment.reportCount))
            hash.add(assessment.origins)
            for figure in assessment.competingFigures {
                hash.add(String(figure.value))
                hash.add(figure.claimIDs)
                hash.add(figure.sourceIDs)
            }
        }
        for (position, check) in (ledger.quoteChecks[claim.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
            hash.add(Int64(position))
            switch check {
            case .verified(let paragraph): hash.add("verified \(paragraph)")
            case .notFound(let closest, let similarity, let paragraph): hash.add("not found \(closest) \(similarity) \(paragraph)")
            case .cannotVerify: hash.add("cannot verify")
            }
        }
        return hash.value
    }
}

/// FNV-1a over typed values, each marked so that adjacent values cannot run into each other.
struct StableHasher {
    private var hash = FNV1aHash()
    var value: UInt64 { hash.value }

    mutating func add(_ text: String) { hash.add(text) }
    mutating func add(_ number: Int64) { hash.add(number) }
    mutating func add(_ number: UInt64) { hash.add(Int64(bitPattern: number)) }
    mutating func add(_ flag: Bool) { hash.add(UInt8(flag ? 1 : 2)) }

    mutating func add(_ text: String?) {
        if let text { hash.add(UInt8(1)); hash.add(text) } else { hash.add(UInt8(0)) }
    }

    mutating func add(_ list: [String]) {
        hash.add(Int64(list.count))
        for item in list { hash.add(item) }
    }

    mutating func add(_ date: ContentDate?) { add(date?.iso) }
}
