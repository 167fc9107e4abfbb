/// Every name the Pages stage puts into a template's values. The README's "Template variables" section documents
/// them per page; a test checks that the pages of the example use no name outside this list.
enum TemplateVocabulary {
    static let names: Set<String> = [
        // every page
        "site", "title", "description", "language", "base_url", "root", "stylesheet", "page_title", "page_description",
        "nav", "href", "current", "footnotes",
        // index
        "latest_date", "latest_date_iso", "note_count", "source_count", "claim_count", "topics", "notes", "more_notes",
        "claims",
        // topic, note
        "topic", "note", "slug", "summary", "body_html", "date", "date_iso", "draft",
        // sources and source
        "sources", "source", "id", "outlet", "author", "published", "published_iso", "accessed", "url", "unlinked_url",
        "based_on", "name", "has_body", "citing_notes", "citing_claims",
        // claims
        "groups", "anchor", "statement", "markers_html", "quotes", "quote", "locator", "has_quotes", "subject", "value",
        "as_of",
        // the ledger
        "standing", "standing_label", "standing_reason", "report_count", "origin_count", "competing", "reports",
        "verified", "figures", "rows", "chart_html",
        // footnotes
        "number", "back_references", "label", "is_source", "content_html",
        // publishing: every page's head (canonical link, Open Graph, feed links) and the printable digest
        "canonical_url", "og_type", "og_title", "feeds", "type", "printed_under",
        // search: every page, true when built with `briefing build --search`
        "search",
    ]
}
