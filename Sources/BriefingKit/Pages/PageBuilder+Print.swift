extension SitePaths {
    /// The printable digest: every topic, note and claim on one page.
    static let printDigest = "print/index.html"
    static func printTopicAnchor(_ slug: String) -> String { "topic-\(slug)" }
    static func printNoteAnchor(_ slug: String) -> String { "note-\(slug)" }

    /// The navigation every page has, in order; the printable digest only when the site has one.
    static func navigation(printDigest: Bool) -> [(title: String, path: String)] {
        [("Digest", index), ("Claims", claims), ("Sources", sources)] + (printDigest ? [("Print", SitePaths.printDigest)] : [])
    }
}

/// The printable digest (`print/index.html`): every topic with its description, its notes in full and its claims,
/// then one bibliography of every source. Like every page it has one footnote sequence, shared by all the bodies on
/// it (each body's GFM footnote labels are kept apart by its own document key).
///
/// A note filed under several topics is printed in full under the first of them and referred to from the others;
/// a claim is shown under each of its topics, with its anchor on the first. Notes and claims without a topic come
/// last, under "Other notes and claims".
extension PageBuilder {
    func printPage() -> Page {
        let path = SitePaths.printDigest
        return page(path, template: "print", title: "Printable digest", description: nil) { fragments in
            // What making the page's parts changes as it goes: one footnote numbering, and which notes and claims
            // have been shown. Parts are made in page order, all at once or (deferred) as the renderer reaches them.
            final class State {
                var footnotes: FootnoteSequence
                var printedUnder: [String: String] = [:]
                var anchoredClaims: Set<String> = []
                init(_ footnotes: FootnoteSequence) { self.footnotes = footnotes }
            }
            let state = State(footnotes())
            let deferred = deferPrintDigest
            func part(keepingValue: Bool = false, _ make: @escaping () -> TemplateValue) -> TemplateValue {
                .made(deferred: deferred, keepingValue: keepingValue, make)
            }
            // Body HTML is written for the body's own page; its relative links are rewritten for this one.
            func body(_ parsed: ParsedMarkdown?, document: String, home: String) -> String {
                guard let parsed else { return "" }
                return HTMLScanner.rebaseLinks(state.footnotes.resolve(parsed, document: document), from: home, to: path)
            }

            struct Group {
                var title: String
                var summary: String?
                var anchor: String
                var href: TemplateValue
                var slug: String?
                var notes: NoteSelection
                var claims: [Claim]
            }
            var groups = index.topics.map { topic in
                Group(title: topic.title, summary: topic.summary, anchor: SitePaths.printTopicAnchor(topic.slug),
                      href: fragments.link(SitePaths.topic(topic.slug)), slug: topic.slug,
                      notes: index.notesByTopic[topic.slug] ?? [], claims: index.claimsByTopic[topic.slug] ?? [])
            }
            let unfiledNotes = index.notes.filter { note in !note.topics.contains { index.topic($0.value) != nil } }
            let unfiledClaims = index.claims.filter { claim in !claim.topics.contains { index.topic($0.value) != nil } }
            if !unfiledNotes.isEmpty || !unfiledClaims.isEmpty {
                groups.append(Group(title: "Other notes and claims", summary: nil, anchor: "unfiled", href: .flag(false), slug: nil,
                                    notes: NoteSelection(all: unfiledNotes, positions: Array(unfiledNotes.indices)), claims: unfiledClaims))
            }

            // Footnotes are numbered in page order: each topic's description, then its notes, then its claims.
            var topics: [TemplateValue] = []
            for group in groups {
                let topicParsed = group.slug.flatMap { index.parsed.topics[$0] }
                let topicBody = part {
                    .text(group.slug.map { slug in body(topicParsed, document: "topic:\(slug)", home: SitePaths.topic(slug)) } ?? "")
                }
                let notes: [TemplateValue] = group.notes.map { note in
                    part {
                        guard case .object(var fields) = fragments.noteSummary(note) else { return .flag(false) }
                        let anchor = SitePaths.printNoteAnchor(note.slug)
                        if let first = state.printedUnder[note.slug] {
                            fields["anchor"] = false
                            fields["body_html"] = ""
                            fields["printed_under"] = ["title": .text(first), "href": .text("#" + anchor)]
                        } else {
                            state.printedUnder[note.slug] = group.title
                            fields["anchor"] = .text(anchor)
                            fields["body_html"] = .text(body(index.parsed.notes[note.slug], document: "note:\(note.slug)", home: SitePaths.note(note.slug)))
                            fields["printed_under"] = false
                        }
                        return .object(fields)
                    }
                }
                let claims: [TemplateValue] = group.claims.map { claim in
                    part { fragments.claim(claim, footnotes: &state.footnotes, anchored: state.anchoredClaims.insert(claim.id).inserted) }
                }
                topics.append([
                    "title": .text(group.title),
                    "summary": group.summary.templateValue,
                    "anchor": .text(group.anchor),
                    "href": group.href,
                    "body_html": topicBody,
                    // A body is empty exactly when its Markdown renders to nothing: known without making it.
                    "has_body": .flag(topicParsed.map { !$0.html.isEmpty } ?? false),
                    "notes": .list(notes),
                    "claims": .list(claims),
                ])
            }
            return [
                "topics": .list(topics),
                "sources": .list(index.sources.map(fragments.sourceFacts)),
                "latest_date": index.notes.first.map { .text($0.date.long) } ?? .flag(false),
                "latest_date_iso": index.notes.first.map { .text($0.date.iso) } ?? .flag(false),
                "note_count": .number(index.notes.count),
                "source_count": .number(index.sources.count),
                "claim_count": .number(index.claims.count),
                // After every part above: made last, and kept, since the footnotes partial reaches it twice.
                "footnotes": part(keepingValue: true) { printFootnotes(state.footnotes, fragments: fragments, page: path, deferred: deferred) },
            ]
        }
    }

    /// The page's footnotes, with the relative links of GFM footnote texts rewritten for the printable page; each one
    /// made as the renderer reaches it when `deferred`.
    private func printFootnotes(_ footnotes: FootnoteSequence, fragments: PageFragments, page: String, deferred: Bool) -> TemplateValue {
        .list(footnotes.entries.map { entry in
            .made(deferred: deferred) {
                let item = fragments.footnote(entry)
                guard case .note(let document, _) = entry.kind, case .object(var fields) = item,
                      case .text(let html) = fields["content_html"]
                else { return item }
                let home = document.hasPrefix("topic:") ? SitePaths.topic(String(document.dropFirst(6))) : SitePaths.note(String(document.dropFirst(5)))
                fields["content_html"] = .text(HTMLScanner.rebaseLinks(html, from: home, to: page))
                return .object(fields)
            }
        })
    }
}
