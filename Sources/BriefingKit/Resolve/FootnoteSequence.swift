/// The footnotes of one page: a single sequence, numbered by first reference, shared by source citations and GFM
/// footnotes. A source cited several times gets one footnote that links back to every marker.
struct FootnoteSequence {
    enum Kind: Hashable {
        case source(String)
        /// A GFM footnote of one Markdown body: the body's key and the normalised label.
        case note(document: String, label: String)
    }

    struct BackReference {
        var anchor: String
        var locator: String?
    }

    struct Entry {
        var number: Int
        var kind: Kind
        var backReferences: [BackReference] = []
        /// A GFM footnote's content, resolved once its own references are numbered.
        var html: String?
        var pendingHTML: (document: String, parsed: ParsedMarkdown)?
    }

    private(set) var entries: [Entry] = []
    private var numberByKind: [Kind: Int] = [:]
    /// Entries before this one have no pending content: a GFM footnote's content is pending only on the entry made
    /// for it, which is always the last when it is made.
    private var firstPossiblyPending = 0
    let sources: [String: Source]

    init(sources: [String: Source]) {
        self.sources = sources
    }

    /// Replaces the placeholders of `parsed` with numbered markers. `document` tells apart the GFM footnote labels
    /// of different bodies on one page.
    mutating func resolve(_ parsed: ParsedMarkdown, document: String) -> String {
        let html = substitute(parsed.html, parsed: parsed, document: document)
        resolvePendingFootnotes()
        return html
    }

    /// Markers for a list of cited sources (a claim's sources), as one `<sup>` group.
    mutating func cite(_ items: [CitationItem]) -> String {
        marker(for: items)
    }

    private mutating func substitute(_ html: String, parsed: ParsedMarkdown, document: String) -> String {
        let utf8 = Array(html.utf8)
        let tokens = Placeholder.tokens(in: utf8, below: parsed.references.count)
        guard !tokens.isEmpty else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 256 * tokens.count)
        var cursor = 0
        for token in tokens {
            output.append(contentsOf: utf8[cursor..<token.range.lowerBound])
            switch parsed.references[token.number] {
            case .citation(let items):
                output.append(contentsOf: marker(for: items).utf8)
            case .footnote(let label):
                output.append(contentsOf: footnoteMarker(label: label, parsed: parsed, document: document).utf8)
            }
            cursor = token.range.upperBound
        }
        output.append(contentsOf: utf8[cursor...])
        return String(decoding: output, as: UTF8.self)
    }

    private mutating func marker(for items: [CitationItem]) -> String {
        let links = items.compactMap { item -> String? in
            guard let source = sources[item.sourceID] else { return nil }
            let (number, anchor) = addReference(to: .source(item.sourceID), locator: item.locator)
            let label = Self.escapedIfNeeded("Source \(number): \(source.outlet)" + (item.locator.map { ", \($0)" } ?? ""))
            return "<a href=\"#fn-\(number)\" id=\"\(anchor)\" role=\"doc-noteref\" aria-label=\"\(label)\">\(number)</a>"
        }
        guard !links.isEmpty else { return "" }
        return #"<sup class="citation">"# + links.joined(separator: #"<span class="sep">,</span>"#) + "</sup>"
    }

    /// `HTML.escape`, skipped for the usual label without any byte it could escape (it walks Characters).
    private static func escapedIfNeeded(_ text: String) -> String {
        text.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 } ? HTML.escape(text) : text
    }

    private mutating func footnoteMarker(label: String, parsed: ParsedMarkdown, document: String) -> String {
        let kind = Kind.note(document: document, label: label)
        let isNew = numberByKind[kind] == nil
        let (number, anchor) = addReference(to: kind, locator: nil)
        if isNew { entries[number - 1].pendingHTML = (document, parsed) }
        return "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(anchor)\" role=\"doc-noteref\" aria-label=\"Footnote \(number)\">\(number)</a></sup>"
    }

    private mutating func addReference(to kind: Kind, locator: String?) -> (number: Int, anchor: String) {
        let number: Int
        if let existing = numberByKind[kind] {
            number = existing
        } else {
            number = entries.count + 1
            numberByKind[kind] = number
            entries.append(Entry(number: number, kind: kind))
        }
        let anchor = "fnref-\(number)-\(entries[number - 1].backReferences.count + 1)"
        entries[number - 1].backReferences.append(BackReference(anchor: anchor, locator: locator))
        return (number, anchor)
    }

    /// GFM footnote contents are resolved after the text that references them, so that the body's own citations
    /// come first in the numbering; a footnote may cite sources or reference further footnotes.
    private mutating func resolvePendingFootnotes() {
        // From the first entry that can be pending, not from the top: the printable digest resolves thousands of
        // bodies into one sequence, and a walk over every entry per body made it quadratic.
        var position = firstPossiblyPending
        defer { firstPossiblyPending = entries.count }
        while position < entries.count {
            if let pending = entries[position].pendingHTML, case .note(_, let label) = entries[position].kind {
                entries[position].pendingHTML = nil
                let content = pending.parsed.footnotes[label] ?? ""
                entries[position].html = substitute(content, parsed: pending.parsed, document: pending.document)
            }
            position += 1
        }
    }
}
