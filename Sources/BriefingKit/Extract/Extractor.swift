/// The extraction pipeline, from loaded sources and ledger to candidates, with no file access:
/// statements → comparison vectors → scored pairs → clusters → ledger matches → subjects → candidates.
enum Extractor {
    /// Candidates from the bodies of `sources` (in the given order, which should be by id), leaving out what
    /// `ledger` already states and proposing its new sources as additions.
    static func extract(sources: [Source], ledger: [Claim]) -> Extraction {
        var spellings: [String: String] = [:]
        var mentions: [Mention] = []
        for (index, source) in sources.enumerated() {
            guard let body = source.body else { continue }
            mentions += StatementFinder.mentions(inSource: index, body: body.text, spellings: &spellings)
        }
        let weights = TermWeights(mentions.map(\.terms))
        let vectors = mentions.map { weights.vector($0.terms, context: $0.contextTerms) }
        let scorer = PairScorer(mentions: mentions, vectors: vectors)
        let pairs = PairFinder.pairs(mentions, weights: weights, scorer: scorer)
        let members = Clusterer(scorer: scorer).clusters(count: mentions.count, pairs: pairs)
        let set = ClusterSet(mentions: mentions, vectors: vectors, weights: weights, scorer: scorer, sourceIDs: sources.map(\.id), members: members)

        let matcher = LedgerMatcher(claims: ledger, weights: weights)
        let matches = members.indices.map { cluster in
            matcher.match(members: members[cluster], mentions: mentions, sourceIDs: set.sourceIDs,
                          centroid: set.centroids[cluster], figure: set.figures[cluster])
        }
        let subjects = SubjectAssignment.assign(set, pairs: pairs, ledger: matcher, matches: matches, spellings: spellings)
        let builder = CandidateBuilder(set: set, spellings: spellings)

        var candidates: [Candidate] = []
        var additionsByClaim: [Int: Candidate] = [:]
        for cluster in members.indices {
            if let match = matches[cluster] {
                let claim = matcher.entries[match].claim
                let known = Set(claim.sources.map(\.sourceID))
                let new = builder.sources(members[cluster]).filter { !known.contains($0.source) }
                guard !new.isEmpty else { continue }
                var addition = additionsByClaim[match] ?? Candidate(
                    id: "cand-add-" + claim.id, statement: claim.statement, kind: builder.kind(cluster), confidence: 0,
                    topics: claim.topics.map(\.value), subject: claim.subject, value: claim.value, sources: [], addsTo: claim.id
                )
                let have = Set(addition.sources.map(\.source))
                addition.sources += new.filter { !have.contains($0.source) }
                addition.sources.sort { ($0.source, $0.paragraph) < ($1.source, $1.paragraph) }
                addition.confidence = max(addition.confidence, builder.confidence(members[cluster]))
                additionsByClaim[match] = addition
                continue
            }
            let subject = subjects.subjects[cluster]
            let topics = Set(ledger.filter { $0.subject != nil && $0.subject == subject }.flatMap { $0.topics.map(\.value) }).sorted()
            candidates.append(builder.candidate(for: cluster, subject: subject, scale: subjects.scales[cluster], topics: topics))
        }
        makeIDsUnique(&candidates, taken: Set(ledger.map(\.id)))
        markConflicts(&candidates, ledger: ledger)
        candidates.sort(by: order)
        let additions = additionsByClaim.values.sorted { $0.id < $1.id }
        return Extraction(candidates: candidates, additions: additions, sourceCount: sources.count, statementCount: mentions.count)
    }

    /// The longest list of conflicting claims shown on one candidate.
    static let maximumConflictsListed = 8

    /// Lists, on each candidate with a subject, the candidates and ledger claims of that subject with another value.
    private static func markConflicts(_ candidates: inout [Candidate], ledger: [Claim]) {
        var values: [String: [(label: String, value: Double)]] = [:]
        for claim in ledger {
            if let subject = claim.subject, let value = claim.value { values[subject, default: []].append((claim.id, value)) }
        }
        for candidate in candidates {
            if let subject = candidate.subject, let value = candidate.value { values[subject, default: []].append((candidate.id, value)) }
        }
        // Each subject's entries once, labelled and sorted; each candidate then takes those with another value.
        let listed = values.mapValues { entries in
            entries.map { (text: "\($0.label) (\(CandidateText.number($0.value)))", value: $0.value) }.sorted { $0.text < $1.text }
        }
        for index in candidates.indices {
            guard let subject = candidates[index].subject, let value = candidates[index].value, let entries = listed[subject] else { continue }
            var others: [String] = []
            var more = 0
            for entry in entries where abs(entry.value - value) > 1e-9 * max(1, abs(value)) {
                if others.count < maximumConflictsListed { others.append(entry.text) } else { more += 1 }
            }
            candidates[index].conflictsWith = more == 0 ? others : others + ["… \(more) more"]
        }
    }

    /// Adds "-2", "-3" … to ids that repeat (in the order candidates were made) or name a ledger claim.
    private static func makeIDsUnique(_ candidates: inout [Candidate], taken: Set<String>) {
        var used = taken
        for index in candidates.indices {
            let base = candidates[index].id
            var id = base
            var number = 2
            while used.contains(id) {
                id = "\(base)-\(number)"
                number += 1
            }
            used.insert(id)
            candidates[index].id = id
        }
    }

    /// Disputed subjects first (by subject, then value), then by number of sources, confidence and id.
    private static func order(_ a: Candidate, _ b: Candidate) -> Bool {
        let (disputedA, disputedB) = (!a.conflictsWith.isEmpty, !b.conflictsWith.isEmpty)
        if disputedA != disputedB { return disputedA }
        if disputedA, a.subject != b.subject { return (a.subject ?? "") < (b.subject ?? "") }
        if disputedA, a.value != b.value { return (a.value ?? 0) < (b.value ?? 0) }
        if a.sources.count != b.sources.count { return a.sources.count > b.sources.count }
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        return a.id < b.id
    }
}
