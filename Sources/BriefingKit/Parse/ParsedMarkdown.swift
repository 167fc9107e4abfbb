/// Something in a Markdown body that becomes a numbered footnote marker once the page it lands on is known.
public enum FootnoteReference: Sendable, Hashable {
    /// A Pandoc citation `[@a; @b, para 4]`.
    case citation([CitationItem])
    /// A GFM footnote reference `[^label]`, by the ordinal cmark-gfm gave its definition ("1", "2", …).
    case footnote(label: String)
}

/// A Markdown body rendered to HTML, with each footnote reference left as a placeholder.
///
/// Numbering is per page (one sequence shared by citations and GFM footnotes), so it is done later, when the page
/// is assembled; the parse itself depends on the body alone.
public struct ParsedMarkdown: Sendable, Hashable {
    /// HTML in which `Placeholder.token(i)` stands for `references[i]`.
    public var html: String
    public var references: [FootnoteReference]
    /// Each GFM footnote's content as HTML (with placeholders of its own), by the ordinal of its definition.
    public var footnotes: [String: String]
    /// Findings about the text itself, such as a bracket that looks like a citation but is not one.
    public var warnings: [Diagnostic] = []

    public static let empty = ParsedMarkdown(html: "", references: [], footnotes: [:])

    /// Every citation item in the body, in order.
    public var citationItems: [CitationItem] {
        references.flatMap { reference -> [CitationItem] in
            if case .citation(let items) = reference { return items }
            return []
        }
    }
}

/// The private-use characters that mark references in rendered HTML. User text never contains them: the parser
/// replaces any such characters in its input before parsing.
enum Placeholder {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    /// Marks a `\[@` that the author escaped, so that the citation scanner leaves it alone.
    static let escape: Character = "\u{E002}"
    static let reserved: Set<Character> = [open, close, escape]

    static func token(_ index: Int) -> String { "\(open)\(index)\(close)" }
}
