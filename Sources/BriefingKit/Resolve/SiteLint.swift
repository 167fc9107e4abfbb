/// Warnings about a site that builds but has loose ends: things an editor wants to know before publishing.
enum SiteLint {
    static func check(_ index: SiteIndex, log: inout DiagnosticLog) {
        let citedInTopics = Set(index.parsed.topics.values.flatMap { $0.citationItems.map(\.sourceID) })
        for source in index.sources
        where index.notesCitingSource[source.id] == nil && index.claimsCitingSource[source.id] == nil && !citedInTopics.contains(source.id) {
            log.warning(source.location, "source '\(source.id)' is cited by no note, topic or claim")
        }
        for topic in index.topics {
            guard let location = topic.location else { continue }
            if index.notesByTopic[topic.slug] == nil && index.claimsByTopic[topic.slug] == nil {
                log.warning(location, "topic '\(topic.slug)' has no notes and no claims")
            }
        }
        for note in index.notes where index.parsed.notes[note.slug]?.citationItems.isEmpty ?? true {
            log.warning(note.location, "note '\(note.slug)' cites no source")
        }
        for claim in index.claims {
            var seen: Set<String> = []
            for entry in claim.sources where !seen.insert(entry.sourceID).inserted {
                log.warning(entry.location, "claim '\(claim.id)' cites source '\(entry.sourceID)' more than once")
            }
        }
        for source in index.sources {
            for name in source.basedOn where looksLikeSourceID(name.value) && index.sourcesByID[name.value] == nil {
                log.warning(name.location, "based_on name '\(name.value)' looks like a source id, but there is no such source\(ReferenceChecker.suggestion(for: name.value, in: index))")
            }
        }
    }

    /// Lower-case, hyphenated, no spaces: written like a file name rather than like "Reuters" or "NIS briefing".
    static func looksLikeSourceID(_ name: String) -> Bool {
        Slug.isValid(name) && name.contains("-") && name == name.lowercased()
    }
}
