import CMarkGFM

/// Rewrites a parsed cmark-gfm tree in place: citations and GFM footnote references become placeholders, footnote
/// definitions are detached to be rendered on their own, unsafe link schemes are dropped, escape marks removed.
struct MarkdownTreeRewriter {
    let source: MarkdownText
    let sourceLines: [Substring]
    let readsCitations: Bool
    private(set) var references: [FootnoteReference] = []
    private var footnoteDefinitions: [(label: String, node: OpaquePointer)] = []
    private var referenceIndexByLabel: [String: Int] = [:]

    init(source: MarkdownText, sourceLines: [Substring], readsCitations: Bool) {
        self.source = source
        self.sourceLines = sourceLines
        self.readsCitations = readsCitations
    }

    /// Rewrites `document` and returns the detached footnote definitions by normalised label; the caller frees them.
    mutating func rewrite(_ document: OpaquePointer) -> [(String, OpaquePointer)] {
        visit(document)
        for definition in footnoteDefinitions { cmark_node_unlink(definition.node) }
        return footnoteDefinitions.map { ($0.label, $0.node) }
    }

    private mutating func visit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            removeEscapeMarks(node)
            return
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            // cmark-gfm drops unreferenced definitions and sorts the rest to the end of the document by first
            // reference, and it rewrites each reference's literal to that ordinal: the key both sides share.
            footnoteDefinitions.append((String(footnoteDefinitions.count + 1), node))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if !URLSafety.isSafeLinkTarget(String(cString: cmark_node_get_url(node))) {
                unwrap(node)
                return
            }
        default:
            break
        }
        visitChildren(of: node)
    }

    private mutating func visitChildren(of parent: OpaquePointer) {
        var run: [OpaquePointer] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            child = cmark_node_next(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK:
                run.append(node)
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                rewriteTextRun(run)
                run = []
                replaceFootnoteReference(node)
            default:
                rewriteTextRun(run)
                run = []
                visit(node)
            }
        }
        rewriteTextRun(run)
    }

    // MARK: Footnotes

    private mutating func replaceFootnoteReference(_ node: OpaquePointer) {
        references.append(.footnote(label: literal(node)))
        replace(node, withText: Placeholder.token(references.count - 1))
    }

    // MARK: Citations

    /// Finds citations across a run of adjacent text nodes and line breaks (cmark splits `[@id]` into several text
    /// nodes, and a grouped citation may wrap onto the next line) and rebuilds the run with placeholders.
    private mutating func rewriteTextRun(_ run: [OpaquePointer]) {
        guard let first = run.first else { return }
        let combined = run.map { cmark_node_get_type($0) == CMARK_NODE_SOFTBREAK ? "\n" : literal($0) }.joined()
        let matches = readsCitations && combined.contains("@") ? CitationSyntax.matches(in: combined) : []
        guard !matches.isEmpty || combined.contains(Placeholder.escape) else { return }

        let characters = Array(combined)
        let runLine = Int(cmark_node_get_start_line(first))
        var pieces: [String] = []
        var cursor = 0
        for match in matches {
            pieces.append(String(characters[cursor..<match.start]))
            let items = match.items.map { item in
                CitationItem(sourceID: item.id, locator: item.locator, location: location(of: item.id, at: item.offset, in: characters, runLine: runLine))
            }
            references.append(.citation(items))
            pieces.append(Placeholder.token(references.count - 1))
            cursor = match.end
        }
        pieces.append(String(characters[cursor...]))
        let rebuilt = pieces.joined().filter { $0 != Placeholder.escape }

        for (index, line) in rebuilt.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { insert(cmark_node_new(CMARK_NODE_SOFTBREAK), before: first) }
            if !line.isEmpty { insert(textNode(String(line)), before: first) }
        }
        for node in run {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// The file position of `@id`: the line from cmark's position of the run plus the line breaks before it, the
    /// column from where `@id` stands on that line of the source.
    private func location(of id: String, at offset: Int, in characters: [Character], runLine: Int) -> SourceLocation {
        let linesBefore = characters[..<offset].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let bodyLine = max(runLine, 1) + linesBefore
        let fileLine = source.firstLine + bodyLine - 1
        var column = 1
        if bodyLine - 1 < sourceLines.count {
            let line = sourceLines[bodyLine - 1]
            if let range = line.range(of: "@" + id) {
                column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            }
        }
        return SourceLocation(path: source.path, line: fileLine, column: column)
    }

    // MARK: Tree edits

    private func literal(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }

    private func removeEscapeMarks(_ node: OpaquePointer) {
        let text = literal(node)
        if text.contains(Placeholder.escape) {
            cmark_node_set_literal(node, text.filter { $0 != Placeholder.escape })
        }
    }

    private func textNode(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        return node
    }

    private func insert(_ node: OpaquePointer?, before sibling: OpaquePointer) {
        guard let node else { return }
        cmark_node_insert_before(sibling, node)
    }

    private func replace(_ node: OpaquePointer, withText text: String) {
        insert(textNode(text), before: node)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Keeps a link's text (an image's description) and drops the link itself.
    private mutating func unwrap(_ node: OpaquePointer) {
        visitChildren(of: node)
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
