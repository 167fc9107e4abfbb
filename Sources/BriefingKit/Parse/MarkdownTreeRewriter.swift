import CMarkGFM
import Foundation

/// Rewrites a parsed cmark-gfm tree in place: citations and GFM footnote references become placeholders, footnote
/// definitions are detached to be rendered on their own, unsafe link schemes are dropped, escape marks removed.
struct MarkdownTreeRewriter {
    let source: MarkdownText
    let sourceLines: [Substring]
    let readsCitations: Bool
    private(set) var references: [FootnoteReference] = []
    private var footnoteDefinitions: [(label: String, node: OpaquePointer)] = []
    /// Per body line, the columns of each `@id` not yet attributed to a citation, so that a repeated `@id` on
    /// one line gets the position of its own occurrence. Filled lazily, line by line.
    private var citeableIDs: [Int: [String: [Int]]] = [:]
    private(set) var warnings: [Diagnostic] = []

    init(source: MarkdownText, sourceLines: [Substring], readsCitations: Bool) {
        self.source = source
        self.sourceLines = sourceLines
        self.readsCitations = readsCitations
    }

    /// Rewrites `document` and returns the detached footnote definitions by normalised label; the caller frees them.
    ///
    /// The walk is iterative (cmark's own iterator), never recursive, so that a document nested ten thousand
    /// levels deep cannot overflow the small stack of a worker thread.
    mutating func rewrite(_ document: OpaquePointer) -> [(String, OpaquePointer)] {
        var containers: [OpaquePointer] = []
        var unsafeLinks: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_CODE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                removeEscapeMarks(node)
            case CMARK_NODE_CODE_BLOCK:
                removeEscapeMarks(node)
                if let info = cmark_node_get_fence_info(node).map(String.init(cString:)), info.contains(Placeholder.escape) {
                    cmark_node_set_fence_info(node, info.filter { $0 != Placeholder.escape })
                }
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                // cmark-gfm drops unreferenced definitions and sorts the rest to the end of the document by first
                // reference, and it rewrites each reference's literal to that ordinal: the key both sides share.
                footnoteDefinitions.append((String(footnoteDefinitions.count + 1), node))
                containers.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map(String.init(cString:)) ?? ""
                if !URLSafety.isSafeLinkTarget(url) {
                    unsafeLinks.append(node)
                    continue
                }
                if url.contains(Placeholder.escape) { cmark_node_set_url(node, url.filter { $0 != Placeholder.escape }) }
                if let title = cmark_node_get_title(node).map(String.init(cString:)), title.contains(Placeholder.escape) {
                    cmark_node_set_title(node, title.filter { $0 != Placeholder.escape })
                }
                containers.append(node)
            default:
                if cmark_node_first_child(node) != nil { containers.append(node) }
            }
        }
        // Edits come after the walk, which must not see a changing tree. Unsafe links go first, so that their text
        // joins the surrounding text before citations are looked for; they are no containers of their own any more.
        for link in unsafeLinks.reversed() { unwrap(link) }
        let removed = Set(unsafeLinks.map { UInt(bitPattern: $0) })
        for container in containers where !removed.contains(UInt(bitPattern: container)) {
            rewriteChildren(of: container)
        }
        for definition in footnoteDefinitions { cmark_node_unlink(definition.node) }
        return footnoteDefinitions.map { ($0.label, $0.node) }
    }

    /// Rewrites the direct children of one container: runs of text, and footnote references.
    private mutating func rewriteChildren(of parent: OpaquePointer) {
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
        let characters = Array(combined)
        let block = Self.enclosingBlockLines(of: first)
        if readsCitations && combined.contains("[@") {
            var covered = IndexSet()
            for match in matches { covered.insert(integersIn: match.start..<match.end) }
            warnAboutNearMisses(characters, covered: covered, block: block)
        }
        guard !matches.isEmpty || combined.contains(Placeholder.escape) else { return }

        var pieces: [String] = []
        var cursor = 0
        for match in matches {
            // A footnote marker follows its word directly: "arrived¹", never "arrived ¹" (which can wrap alone).
            var before = String(characters[cursor..<match.start])
            while let last = before.last, last == " " || last == "\t" || last == "\n" { before.removeLast() }
            pieces.append(before)
            let items = match.items.map { item in
                CitationItem(sourceID: item.id, locator: item.locator, location: location(of: item.id, in: block))
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

    /// The file lines of the block (paragraph, heading, table cell…) that holds `node`. Block positions are
    /// exact in cmark-gfm, while those of inline nodes are not after some line breaks.
    private static func enclosingBlockLines(of node: OpaquePointer) -> ClosedRange<Int> {
        var current: OpaquePointer? = node
        while let candidate = current {
            let type = cmark_node_get_type(candidate).rawValue
            let start = Int(cmark_node_get_start_line(candidate)), end = Int(cmark_node_get_end_line(candidate))
            if type & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK), start > 0 {
                return start...max(start, end)
            }
            current = cmark_node_parent(candidate)
        }
        return 1...1
    }

    /// The file position of a cited `@id`: its first occurrence in the block's source lines that stands where a
    /// citation item can (after `[`, `;`, `-` or a space, outside code spans) and was not attributed yet.
    private mutating func location(of id: String, in block: ClosedRange<Int>) -> SourceLocation {
        for bodyLine in block where bodyLine - 1 < sourceLines.count {
            if citeableIDs[bodyLine] == nil { citeableIDs[bodyLine] = Self.citeableIDs(in: sourceLines[bodyLine - 1]) }
            guard var occurrences = citeableIDs[bodyLine]?[id], !occurrences.isEmpty else { continue }
            let column = occurrences.removeFirst()
            citeableIDs[bodyLine]?[id] = occurrences
            return SourceLocation(path: source.path, line: source.firstLine + bodyLine - 1, column: column)
        }
        return SourceLocation(path: source.path, line: source.firstLine + block.lowerBound - 1, column: 1)
    }

    /// Every `@id` of one source line that could be a citation item, with the columns where it stands, in one pass
    /// (a paragraph of ten thousand citations must not be scanned ten thousand times).
    private static func citeableIDs(in line: Substring) -> [String: [Int]] {
        let characters = Array(line)
        var result: [String: [Int]] = [:]
        var insideCode = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" { insideCode.toggle() }
            guard character == "@", !insideCode, index == 0 || "[;- \t".contains(characters[index - 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < characters.count, continuesID(characters[end]) || ".:".contains(characters[end]) { end += 1 }
            var idEnd = end
            while idEnd > index + 1, ".:-".contains(characters[idEnd - 1]) { idEnd -= 1 }
            if idEnd > index + 1 { result[String(characters[(index + 1)..<idEnd]), default: []].append(index + 1) }
            index = end
        }
        return result
    }

    private static func continuesID(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    /// `[@…]` brackets that were not read as citations (a non-ASCII id, a stray character) would silently stay
    /// text; say so, since the author almost certainly meant a citation.
    private mutating func warnAboutNearMisses(_ characters: [Character], covered: IndexSet, block: ClosedRange<Int>) {
        for index in characters.indices.dropLast() where characters[index] == "[" && characters[index + 1] == "@" && !covered.contains(index) {
            let end = characters[index...].firstIndex(of: "]") ?? min(characters.count, index + 30)
            let text = String(characters[index..<min(end + 1, characters.count)])
            warnings.append(.warning(
                at: SourceLocation(path: source.path, line: source.firstLine + block.lowerBound - 1, column: 1),
                "'\(text)' is not read as a citation: write [@id] or [@id, locator] with an id of letters, digits, '-', '_', '.' or ':'"
            ))
        }
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
    private func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
