/// Checks every reference between content files: cited source ids, claim ids, topic slugs.
enum ReferenceChecker {
    static func check(_ index: SiteIndex, log: inout DiagnosticLog) {
        for note in index.notes {
            checkCitations(index.parsed.notes[note.slug], index: index, log: &log)
            checkTopicNames(note.topics, log: &log)
        }
        for topic in index.topics {
            checkCitations(index.parsed.topics[topic.slug], index: index, log: &log)
        }
        var firstClaimWithID: [String: Claim] = [:]
        for claim in index.claims {
            if let first = firstClaimWithID[claim.id] {
                log.error(claim.location, "duplicate claim id '\(claim.id)' (first defined at \(first.location))")
            } else {
                firstClaimWithID[claim.id] = claim
            }
            for source in claim.sources where index.sourcesByID[source.sourceID] == nil {
                log.error(source.location, "claim '\(claim.id)' cites unknown source '\(source.sourceID)'\(suggestion(for: source.sourceID, in: index))")
            }
            checkTopicNames(claim.topics, log: &log)
        }
    }

    private static func checkCitations(_ parsed: ParsedMarkdown?, index: SiteIndex, log: inout DiagnosticLog) {
        log.append(contentsOf: parsed?.warnings ?? [])
        for item in parsed?.citationItems ?? [] where index.sourcesByID[item.sourceID] == nil {
            log.error(item.location, "unknown source '\(item.sourceID)' in citation\(suggestion(for: item.sourceID, in: index))")
        }
    }

    private static func checkTopicNames(_ topics: [Located<String>], log: inout DiagnosticLog) {
        for topic in topics {
            if let problem = Slug.problem(with: topic.value) { log.error(topic.location, "topic '\(topic.value)' \(problem)") }
        }
    }

    /// "; did you mean 'x'?" for the closest known source id, when one is close.
    static func suggestion(for id: String, in index: SiteIndex) -> String {
        let candidates = index.sources.map(\.id)
        guard let best = candidates.min(by: { EditDistance.between($0, id) < EditDistance.between($1, id) }),
              EditDistance.between(best, id) <= max(2, id.count / 4)
        else { return "" }
        return "; did you mean '\(best)'?"
    }
}

/// Levenshtein distance, for "did you mean" hints.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
