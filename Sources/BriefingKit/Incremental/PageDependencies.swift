/// The dependency graph of the pages, page by page: what each page shows, as a list of the notes, sources, topics
/// and claims it reads and the counts and orders it prints. A page's input fingerprint combines those entities'
/// digests (`EntityFingerprints`), in the order the page reads them, with the fingerprint of the site and its
/// templates; a page whose input fingerprint is the one it was last rendered from is the same page again.
///
/// The lists mirror `PageBuilder`: each page type reads here what it reads there. When a page type starts to show
/// something new, it must be added here too, or an edit to it would leave that page stale; `IncrementalBuildTests`
/// checks, over random sequences of edits, that incremental builds give the full build's bytes.
extension PageBuilder {
    func inputFingerprint(of spec: PageSpec, entities: EntityFingerprints, base: UInt64) -> UInt64 {
        var inputs = PageInputs(entities: entities)
        inputs.hash.add(base)
        inputs.hash.add(path(of: spec))
        switch spec {
        case .index: indexInputs(&inputs)
        case .sources: sourcesInputs(&inputs)
        case .claims: claimsInputs(&inputs)
        case .notFound: break
        case .printDigest: printInputs(&inputs)
        case .topic(let position): topicInputs(index.topics[position], &inputs)
        case .note(let position): noteInputs(index.notes[position], &inputs)
        case .source(let position): sourceInputs(index.sources[position], &inputs)
        }
        return inputs.hash.value
    }

    private func noteInputs(_ note: Note, _ inputs: inout PageInputs) {
        noteSummary(note, &inputs)
        citations(index.parsed.notes[note.slug], &inputs)
    }

    private func topicInputs(_ topic: Topic, _ inputs: inout PageInputs) {
        inputs.topic(topic.slug)
        citations(index.parsed.topics[topic.slug], &inputs)
        let claims = index.claimsByTopic[topic.slug] ?? []
        for claim in claims { self.claim(claim, &inputs) }
        for note in index.notesByTopic[topic.slug] ?? [] { noteSummary(note, &inputs) }
        // Figures: every claim on each subject the topic's claims give values for, whatever its topic.
        let subjects = Set(claims.filter { $0.value != nil }.compactMap(\.subject))
        for claim in index.claims where claim.value != nil && claim.subject.map(subjects.contains) == true {
            self.claim(claim, &inputs)
        }
    }

    private func sourceInputs(_ source: Source, _ inputs: inout PageInputs) {
        inputs.source(source.id)
        citations(index.parsed.sources[source.id], &inputs)
        for name in source.basedOn { inputs.source(name.value) }
        for note in index.notesCitingSource[source.id] ?? [] { noteSummary(note, &inputs) }
        for claim in index.claimsCitingSource[source.id] ?? [] { inputs.claim(claim.id) }
    }

    private func indexInputs(_ inputs: inout PageInputs) {
        inputs.literal("notes \(index.notes.count) sources \(index.sources.count) claims \(index.claims.count)")
        if let latest = index.notes.first { inputs.note(latest.slug) }
        for topic in index.topics {
            inputs.topic(topic.slug)
            let notes = index.notesByTopic[topic.slug] ?? []
            inputs.literal("notes in topic \(notes.count)")
            for note in notes.prefix(Self.notesPerTopicOnIndex) { noteSummary(note, &inputs) }
            for claim in index.claimsByTopic[topic.slug] ?? [] { self.claim(claim, &inputs) }
        }
    }

    private func sourcesInputs(_ inputs: inout PageInputs) {
        for source in index.sources {
            inputs.source(source.id)
            inputs.literal("\(index.notesCitingSource[source.id]?.count ?? 0) \(index.claimsCitingSource[source.id]?.count ?? 0)")
        }
    }

    private func claimsInputs(_ inputs: inout PageInputs) {
        inputs.literal("claims \(index.claims.count)")
        for topic in index.topics {
            inputs.topic(topic.slug)
            for claim in index.claimsByTopic[topic.slug] ?? [] { self.claim(claim, &inputs) }
        }
        for claim in index.claims where claim.topics.isEmpty { self.claim(claim, &inputs) }
    }

    /// The printable digest shows everything: every topic, note, claim and source, in the index's orders.
    private func printInputs(_ inputs: inout PageInputs) {
        inputs.literal("notes \(index.notes.count) sources \(index.sources.count) claims \(index.claims.count)")
        for topic in index.topics {
            inputs.topic(topic.slug)
            citations(index.parsed.topics[topic.slug], &inputs)
            for note in index.notesByTopic[topic.slug] ?? [] { noteInputs(note, &inputs) }
            for claim in index.claimsByTopic[topic.slug] ?? [] { self.claim(claim, &inputs) }
        }
        inputs.literal("unfiled")
        for note in index.notes { noteInputs(note, &inputs) }
        for claim in index.claims { self.claim(claim, &inputs) }
        for source in index.sources { inputs.source(source.id) }
    }

    // MARK: Shared pieces, as PageFragments shows them

    /// `PageFragments.noteSummary`: the note's own fields and the titles of its topics.
    private func noteSummary(_ note: Note, _ inputs: inout PageInputs) {
        inputs.note(note.slug)
        for topic in note.topics { inputs.topic(topic.value) }
    }

    /// `PageFragments.claim`: the claim (with its assessment), its topics, and every source it or its competing
    /// figures cite, as footnotes and outlets.
    private func claim(_ claim: Claim, _ inputs: inout PageInputs) {
        inputs.claim(claim.id)
        for topic in claim.topics { inputs.topic(topic.value) }
        for source in claim.sources { inputs.source(source.sourceID) }
        for figure in ledger.assessments[claim.id]?.competingFigures ?? [] {
            for id in figure.sourceIDs { inputs.source(id) }
        }
    }

    /// The sources a body cites become the page's footnotes.
    private func citations(_ body: ParsedMarkdown?, _ inputs: inout PageInputs) {
        for item in body?.citationItems ?? [] { inputs.source(item.sourceID) }
    }
}

/// Collects one page's inputs into its fingerprint.
struct PageInputs {
    let entities: EntityFingerprints
    var hash = StableHasher()

    init(entities: EntityFingerprints) { self.entities = entities }

    mutating func note(_ slug: String) { add("n", slug, entities.notes[slug]) }
    mutating func source(_ id: String) { add("s", id, entities.sources[id]) }
    mutating func topic(_ slug: String) { add("t", slug, entities.topics[slug]) }
    mutating func claim(_ id: String) { add("c", id, entities.claims[id]) }
    mutating func literal(_ text: String) { add("l", text, nil) }

    private mutating func add(_ kind: String, _ key: String, _ digest: UInt64?) {
        hash.add(kind)
        hash.add(key)
        hash.add(digest ?? EntityFingerprints.missing)
    }
}
