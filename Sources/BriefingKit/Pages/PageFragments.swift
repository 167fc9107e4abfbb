/// The pieces that several page types share: note summaries, claims with their citation markers, footnotes.
struct PageFragments {
    let index: SiteIndex
    let ledger: Ledger
    /// The relative prefix from the page being built to the top of the output.
    let root: String

    func link(_ path: String) -> TemplateValue { .text(root + path) }

    func topicLinks(_ slugs: [String]) -> TemplateValue {
        .list(SiteIndex.unique(slugs).map { slug in
            ["slug": .text(slug), "title": .text(index.topic(slug)?.title ?? Slug.title(from: slug)), "href": link(SitePaths.topic(slug))]
        })
    }

    func noteSummary(_ note: Note) -> TemplateValue {
        [
            "slug": .text(note.slug),
            "title": .text(note.title),
            "href": link(SitePaths.note(note.slug)),
            "date": .text(note.date.long),
            "date_iso": .text(note.date.iso),
            "summary": note.summary.templateValue,
            "draft": .flag(note.draft),
            "topics": topicLinks(note.topics.map(\.value)),
        ]
    }

    /// A claim with its sources cited into the page's footnote sequence.
    /// - Parameter anchored: gives the claim its `id` anchor (only its first appearance on a page may have it).
    func claim(_ claim: Claim, footnotes: inout FootnoteSequence, anchored: Bool = true) -> TemplateValue {
        let items = claim.sources.map { CitationItem(sourceID: $0.sourceID, locator: $0.locator, location: $0.location) }
        let checks = ledger.quoteChecks[claim.id] ?? [:]
        let quotes: [TemplateValue] = claim.sources.enumerated().compactMap { position, entry in
            guard let quote = entry.quote, let source = index.sourcesByID[entry.sourceID] else { return nil }
            var verifiedParagraph: Int?
            if case .verified(let paragraph) = checks[position] { verifiedParagraph = paragraph }
            return [
                "quote": .text(quote),
                "outlet": .text(source.outlet),
                // The analyst's locator, or the paragraph where the check found the quote.
                "locator": (entry.locator ?? verifiedParagraph.map { "para \($0)" }).templateValue,
                "href": link(SitePaths.source(source.id)),
                "verified": .flag(verifiedParagraph != nil),
            ]
        }
        let assessment = ledger.assessments[claim.id]
        let disputedFigures = assessment?.standing == .disputed ? assessment?.competingFigures ?? [] : []
        let competing: [TemplateValue] = disputedFigures.map { figure in
            [
                "value": .text(NumberFormatting.grouped(figure.value)),
                "reports": .text(ClaimLedger.plural(figure.sourceIDs.count, "report")),
                "current": .flag(figure.value == claim.value),
                "sources": .list(figure.sourceIDs.compactMap { index.sourcesByID[$0] }.map { source in
                    ["outlet": .text(source.outlet), "href": link(SitePaths.source(source.id))]
                }),
            ]
        }
        return [
            "standing": .text(assessment?.standing.rawValue ?? ""),
            "standing_label": .text(assessment?.standing.label ?? ""),
            "standing_reason": .text(assessment?.reason ?? ""),
            "report_count": .text(ClaimLedger.plural(assessment?.reportCount ?? 0, "report")),
            "origin_count": .text(ClaimLedger.plural(assessment?.origins.count ?? 0, "origin")),
            "competing": .list(competing),
            "id": .text(claim.id),
            "anchor": anchored ? .text(SitePaths.claimAnchor(claim.id)) : .flag(false),
            "href": link(SitePaths.claims + "#" + SitePaths.claimAnchor(claim.id)),
            "statement": .text(claim.statement),
            "markers_html": .text(footnotes.cite(items)),
            "quotes": .list(quotes),
            "has_quotes": .flag(!quotes.isEmpty),
            "subject": claim.subject.templateValue,
            "value": claim.value.map { .text(NumberFormatting.grouped($0)) } ?? .flag(false),
            "as_of": claim.asOf.map { .text($0.long) } ?? .flag(false),
            "topics": topicLinks(claim.topics.map(\.value)),
            "source_count": .number(SiteIndex.unique(claim.sources.map(\.sourceID)).count),
        ]
    }

    /// The page's footnotes, in number order, for the `footnotes` partial.
    func footnoteList(_ footnotes: FootnoteSequence) -> TemplateValue {
        .list(footnotes.entries.map(footnote))
    }

    /// One item of `footnoteList`.
    func footnote(_ entry: FootnoteSequence.Entry) -> TemplateValue {
        let backReferences: [TemplateValue] = entry.backReferences.enumerated().map { position, reference in
            [
                "href": .text("#" + reference.anchor),
                "locator": reference.locator.templateValue,
                "label": .text("Back to reference \(position + 1) of footnote \(entry.number)"),
            ]
        }
        var fields: [String: TemplateValue] = [
            "number": .number(entry.number),
            "id": .text("fn-\(entry.number)"),
            "back_references": .list(backReferences),
            "is_source": false,
            "content_html": .text(entry.html ?? ""),
        ]
        if case .source(let id) = entry.kind, let source = index.sourcesByID[id] {
            fields["is_source"] = true
            fields["source"] = sourceFacts(source)
        }
        return .object(fields)
    }

    /// A source's bibliographic facts, formatted for display.
    func sourceFacts(_ source: Source) -> TemplateValue {
        let webURL = source.url.flatMap { URLSafety.isWebURL($0) ? $0 : nil }
        return [
            "id": .text(source.id),
            "title": .text(source.title),
            "outlet": .text(source.outlet),
            "author": source.author.templateValue,
            "published": source.published.map { .text($0.long) } ?? .flag(false),
            "published_iso": source.published.map { .text($0.iso) } ?? .flag(false),
            "accessed": source.accessed.map { .text($0.long) } ?? .flag(false),
            "language": source.language.templateValue,
            "href": link(SitePaths.source(source.id)),
            "url": webURL.templateValue,
            // A URL that may not become a link is still shown, as text, so the reader knows what was cited.
            "unlinked_url": (webURL == nil ? source.url : nil).templateValue,
        ]
    }
}

/// Number formatting that does not depend on the machine's locale.
enum NumberFormatting {
    /// 12000 → "12,000"; 2.5 → "2.5".
    static func grouped(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            let digits = String(Int64(abs(value)))
            var grouped = ""
            for (offset, digit) in digits.enumerated() {
                if offset > 0, (digits.count - offset) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            return (value < 0 ? "-" : "") + grouped
        }
        return String(value)
    }
}
