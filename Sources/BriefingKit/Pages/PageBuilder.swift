/// The Pages stage: turns the resolved site into one `Page` per output file, each with the values its template
/// needs, already formatted. Every page has its own footnote sequence.
struct PageBuilder: Sendable {
    let index: SiteIndex
    let ledger: Ledger
    /// Pages get a search box, for a build that Pagefind indexes afterwards (`briefing build --search`).
    var search = false
    /// The printable digest's notes, claims, topic texts and footnotes are made as the renderer reaches them
    /// (`DeferredValue`) instead of all before it starts: set by the build when the theme renders the page with
    /// `DirectRenderer` and the built-in templates, which reach each of them once and in page order.
    var deferPrintDigest = false
    /// How many of a topic's latest notes the index page lists.
    static let notesPerTopicOnIndex = 5

    /// One page of the site, named before it is built, so that pages can be built, rendered and written one at a
    /// time instead of all being held at once.
    enum PageSpec: Sendable {
        case index, sources, claims, notFound, printDigest
        case topic(Int), note(Int), source(Int)
    }

    /// Every page of the site. The printable digest, the largest page, comes early so that it is not the last job
    /// left when the work is spread over the cores.
    func specs() -> [PageSpec] {
        [.index, .sources, .claims, .notFound] + (index.config.printDigest ? [.printDigest] : [])
            + index.topics.indices.map(PageSpec.topic) + index.notes.indices.map(PageSpec.note) + index.sources.indices.map(PageSpec.source)
    }

    /// Where a page goes, without building it.
    func path(of spec: PageSpec) -> String {
        switch spec {
        case .index: SitePaths.index
        case .sources: SitePaths.sources
        case .claims: SitePaths.claims
        case .notFound: SitePaths.notFound
        case .printDigest: SitePaths.printDigest
        case .topic(let position): SitePaths.topic(index.topics[position].slug)
        case .note(let position): SitePaths.note(index.notes[position].slug)
        case .source(let position): SitePaths.source(index.sources[position].id)
        }
    }

    /// The template a page renders with, without building it.
    func template(of spec: PageSpec) -> String {
        switch spec {
        case .index: "index"
        case .sources: "sources"
        case .claims: "claims"
        case .notFound: "404"
        case .printDigest: "print"
        case .topic: "topic"
        case .note: "note"
        case .source: "source"
        }
    }

    func page(for spec: PageSpec) -> Page {
        switch spec {
        case .index: indexPage()
        case .sources: sourcesPage()
        case .claims: claimsPage()
        case .notFound: notFoundPage()
        case .printDigest: printPage()  // Publishing: PageBuilder+Print.swift
        case .topic(let position): topicPage(index.topics[position])
        case .note(let position): notePage(index.notes[position])
        case .source(let position): sourcePage(index.sources[position])
        }
    }

    /// Every page, built: for tests and small sites; the build makes them one at a time from `specs()`.
    func pages() -> [Page] { specs().map(page(for:)) }

    /// Values every page gets: the site, the way back to the top, the navigation.
    func page(_ path: String, template: String, title: String?, description: String?, _ fields: (PageFragments) -> [String: TemplateValue]) -> Page {
        let fragments = PageFragments(index: index, ledger: ledger, root: SitePaths.root(from: path))
        let config = index.config
        var context: [String: TemplateValue] = [
            "site": [
                "title": .text(config.title),
                "description": config.description.templateValue,
                "language": .text(config.language),
                "base_url": config.baseURL.templateValue,
            ],
            "root": .text(fragments.root),
            "stylesheet": fragments.link(SitePaths.stylesheet),
            "page_title": .text(title.map { "\($0) · \(config.title)" } ?? config.title),
            "page_description": (description ?? config.description).templateValue,
            "footnotes": .list([]),
            "search": .flag(search),
            "nav": .list(SitePaths.navigation(printDigest: config.printDigest).map { item in navItem(item.title, item.path, current: path, fragments) }),
        ]
        // Publishing (Pages/Feeds/Publishing.swift): canonical URL, Open Graph, feed links, description fallback.
        context.merge(Publishing.pageValues(path: path, title: title, description: description, config: config, root: fragments.root)) { _, new in new }
        context.merge(fields(fragments)) { _, new in new }
        return Page(path: path, template: template, context: .object(context))
    }

    private func navItem(_ title: String, _ target: String, current: String, _ fragments: PageFragments) -> TemplateValue {
        ["title": .text(title), "href": fragments.link(target), "current": .flag(target == current)]
    }

    func footnotes() -> FootnoteSequence { FootnoteSequence(sources: index.sourcesByID) }

    // MARK: Page types

    func indexPage() -> Page {
        page(SitePaths.index, template: "index", title: nil, description: nil) { fragments in
            var footnotes = footnotes()
            let topics: [TemplateValue] = index.topics.map { topic in
                let notes = index.notesByTopic[topic.slug] ?? []
                let claims = index.claimsByTopic[topic.slug] ?? []
                return [
                    "title": .text(topic.title),
                    "summary": topic.summary.templateValue,
                    "href": fragments.link(SitePaths.topic(topic.slug)),
                    "notes": .list(notes.prefix(Self.notesPerTopicOnIndex).map(fragments.noteSummary)),
                    // Mustache treats 0 as true, so "no more notes" is `false`.
                    "more_notes": notes.count > Self.notesPerTopicOnIndex ? .number(notes.count - Self.notesPerTopicOnIndex) : .flag(false),
                    "claims": .list(claims.map { fragments.claim($0, footnotes: &footnotes, anchored: false) }),
                ]
            }
            return [
                "latest_date": index.notes.first.map { .text($0.date.long) } ?? .flag(false),
                "latest_date_iso": index.notes.first.map { .text($0.date.iso) } ?? .flag(false),
                "note_count": .number(index.notes.count),
                "source_count": .number(index.sources.count),
                "claim_count": .number(index.claims.count),
                "topics": .list(topics),
                "footnotes": fragments.footnoteList(footnotes),
            ]
        }
    }

    func topicPage(_ topic: Topic) -> Page {
        page(SitePaths.topic(topic.slug), template: "topic", title: topic.title, description: topic.summary) { fragments in
            var footnotes = footnotes()
            let body = index.parsed.topics[topic.slug].map { footnotes.resolve($0, document: "topic") } ?? ""
            let claims = (index.claimsByTopic[topic.slug] ?? []).map { fragments.claim($0, footnotes: &footnotes) }
            return [
                "topic": [
                    "slug": .text(topic.slug),
                    "title": .text(topic.title),
                    "summary": topic.summary.templateValue,
                    "body_html": .text(body),
                    "has_body": .flag(!body.isEmpty),
                ],
                "notes": .list((index.notesByTopic[topic.slug] ?? []).map(fragments.noteSummary)),
                "claims": .list(claims),
                "figures": .list(fragments.figures(for: index.claimsByTopic[topic.slug] ?? [], footnotes: &footnotes)),
                "footnotes": fragments.footnoteList(footnotes),
            ]
        }
    }

    func notePage(_ note: Note) -> Page {
        page(SitePaths.note(note.slug), template: "note", title: note.title, description: note.summary) { fragments in
            var footnotes = footnotes()
            let body = index.parsed.notes[note.slug].map { footnotes.resolve($0, document: "note") } ?? ""
            var summary = fragments.noteSummary(note)
            if case .object(var fields) = summary {
                fields["body_html"] = .text(body)
                summary = .object(fields)
            }
            return ["note": summary, "footnotes": fragments.footnoteList(footnotes)]
        }
    }

    func sourcesPage() -> Page {
        page(SitePaths.sources, template: "sources", title: "Sources", description: nil) { fragments in
            let sources: [TemplateValue] = index.sources.map { source in
                guard case .object(var fields) = fragments.sourceFacts(source) else { return .flag(false) }
                fields["note_count"] = .number(index.notesCitingSource[source.id]?.count ?? 0)
                fields["claim_count"] = .number(index.claimsCitingSource[source.id]?.count ?? 0)
                return .object(fields)
            }
            return ["sources": .list(sources)]
        }
    }

    func sourcePage(_ source: Source) -> Page {
        page(SitePaths.source(source.id), template: "source", title: source.title, description: nil) { fragments in
            var footnotes = footnotes()
            let body = index.parsed.sources[source.id].map { footnotes.resolve($0, document: "source") } ?? ""
            let basedOn: [TemplateValue] = source.basedOn.map { name in
                let linked = index.sourcesByID[name.value]
                return ["name": .text(linked?.outlet ?? name.value), "href": linked.map { fragments.link(SitePaths.source($0.id)) } ?? .flag(false)]
            }
            let claims: [TemplateValue] = (index.claimsCitingSource[source.id] ?? []).map { claim in
                ["statement": .text(claim.statement), "href": fragments.link(SitePaths.claims + "#" + SitePaths.claimAnchor(claim.id))]
            }
            return [
                "source": fragments.sourceFacts(source),
                "based_on": .list(basedOn),
                "body_html": .text(body),
                "has_body": .flag(!body.isEmpty),
                "citing_notes": .list((index.notesCitingSource[source.id] ?? []).map(fragments.noteSummary)),
                "citing_claims": .list(claims),
                "footnotes": fragments.footnoteList(footnotes),
            ]
        }
    }

    func claimsPage() -> Page {
        page(SitePaths.claims, template: "claims", title: "Claims", description: nil) { fragments in
            var footnotes = footnotes()
            var anchored: Set<String> = []
            var groups: [(title: String, href: TemplateValue, claims: [Claim])] = index.topics.compactMap { topic in
                guard let claims = index.claimsByTopic[topic.slug], !claims.isEmpty else { return nil }
                return (topic.title, fragments.link(SitePaths.topic(topic.slug)), claims)
            }
            let unfiled = index.claims.filter { $0.topics.isEmpty }
            if !unfiled.isEmpty { groups.append(("Other claims", .flag(false), unfiled)) }
            let values: [TemplateValue] = groups.map { group in
                [
                    "title": .text(group.title),
                    "href": group.href,
                    "claims": .list(group.claims.map { claim in
                        fragments.claim(claim, footnotes: &footnotes, anchored: anchored.insert(claim.id).inserted)
                    }),
                ]
            }
            return ["groups": .list(values), "claim_count": .number(index.claims.count), "footnotes": fragments.footnoteList(footnotes)]
        }
    }

    func notFoundPage() -> Page {
        // Served for any missing path, so its links cannot be relative: absolute from base_url when there is one.
        let root = index.config.baseURL ?? "/"
        var page = page(SitePaths.notFound, template: "404", title: "Page not found", description: nil) { _ in [:] }
        if case .object(var fields) = page.context {
            fields["root"] = .text(root)
            fields["stylesheet"] = .text(root + SitePaths.stylesheet)
            fields["nav"] = .list(SitePaths.navigation(printDigest: index.config.printDigest).map { item in
                ["title": .text(item.title), "href": .text(root + item.path), "current": false]
            })
            // Publishing: no canonical URL, absolute feed links.
            fields.merge(Publishing.notFoundPageValues(config: index.config, root: root)) { _, new in new }
            page.context = .object(fields)
        }
        return page
    }
}
