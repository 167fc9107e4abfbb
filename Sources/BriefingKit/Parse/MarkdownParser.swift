import CMarkGFM
import Foundation

/// The Parse stage for Markdown bodies: cmark-gfm with GitHub's extensions, plus Pandoc citations.
///
/// Citations are found in text nodes only, so code spans and code blocks keep `[@x]` literally; `\[@x]` is escaped.
/// Raw HTML is omitted unless the site opts in, and links with a script-capable scheme lose their link.
public struct MarkdownParser: Sendable {
    public var allowsRawHTML: Bool
    /// Whether `[@id]` is read as a citation (notes and topics) or left as text (source documents).
    public var readsCitations: Bool
    /// Keeps every line break of the text (for pasted source documents, whose lines are often list items
    /// with bullet characters rather than Markdown syntax).
    public var keepsLineBreaks: Bool

    public init(allowsRawHTML: Bool = false, readsCitations: Bool = true, keepsLineBreaks: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
        self.readsCitations = readsCitations
        self.keepsLineBreaks = keepsLineBreaks
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    public func parse(_ markdown: MarkdownText) -> ParsedMarkdown {
        CMarkSetup.ensureRegistered()
        let prepared = Self.prepare(markdown.text)
        let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES)!
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        prepared.withCString { pointer in
            cmark_parser_feed(parser, pointer, prepared.utf8.count)
        }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }

        var rewriter = MarkdownTreeRewriter(source: markdown, readsCitations: readsCitations)
        let footnoteNodes = rewriter.rewrite(document)

        let options = CMARK_OPT_FOOTNOTES | (allowsRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
            | (keepsLineBreaks ? CMARK_OPT_HARDBREAKS : CMARK_OPT_DEFAULT)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        func render(_ node: OpaquePointer) -> String {
            guard let html = cmark_render_html(node, options, extensions) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
        var footnotes: [String: String] = [:]
        for (label, definition) in footnoteNodes {
            var html = ""
            var child = cmark_node_first_child(definition)
            while let node = child {
                html += render(node)
                child = cmark_node_next(node)
            }
            footnotes[label] = html
            cmark_node_free(definition)
        }
        return ParsedMarkdown(
            html: Self.wrapTables(render(document)), references: rewriter.references, footnotes: footnotes, warnings: rewriter.warnings
        )
    }
}

/// cmark-gfm's extensions must be registered once per process before a parser can find them.
enum CMarkSetup {
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()
    static func ensureRegistered() { _ = registration }
}
