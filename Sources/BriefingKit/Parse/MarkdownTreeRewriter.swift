import CMarkGFM
import Foundation

/// Rewrites a parsed cmark-gfm tree in place: citations and GFM footnote references become placeholders, footnote
/// definitions are detached to be rendered on their own, unsafe link schemes are dropped, escape marks removed.
struct MarkdownTreeRewriter {
    let source: MarkdownText
    private var sourceLines: SourceLines
    let readsCitations: Bool
    private(set) var references: [FootnoteReference] = []
    private var footnoteDefinitions: [(label: String, node: OpaquePointer)] = []
    /// Per body line, the columns of each `@id` not yet attributed to a citation, so that a repeated `@id` on
    /// one line gets the position of its own occurrence. Filled lazily, line by line.
    private var citeableIDs: [Int: [String: [Int]]] = [:]
    private(set) var warnings: [Diagnostic] = []

    init(source: MarkdownText, readsCitations: Bool) {
        self.source = source
        self.sourceLines = SourceLines(source.text)
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
                if let info = cmark_node_get_fence_info(node), EscapeMark.isIn(info) {
                    cmark_node_set_fence_info(node, String(cString: info).filter { $0 != Placeholder.escape })
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
                if let title = cmark_node_get_title(node), EscapeMark.isIn(title) {
                    cmark_node_set_title(node, String(cString: title).filter { $0 != Placeholder.escape })
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
        // Most runs hold neither an '@' nor an escape mark: leave them before copying any text.
        // A soft break has no literal, and stands for "\n".
        let literals = run.map { cmark_node_get_type($0) == CMARK_NODE_SOFTBREAK ? nil : cmark_node_get_literal($0) }
        let hasAt = readsCitations && literals.contains { $0.map { strchr($0, 0x40) != nil } ?? false }
        guard hasAt || literals.contains(where: { $0.map(EscapeMark.isIn) ?? false }) else { return }

        var combined: [UInt8] = []
        for (node, literal) in zip(run, literals) {
            if let literal {
                combined.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
            } else if cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK {
                combined.append(0x0A)
            }
        }
        let text = CharacterCodes(utf8: combined)
        let matches = hasAt ? CitationSyntax.matches(in: text) : []
        var block: ClosedRange<Int>?
        if hasAt { warnAboutNearMisses(text, matches: matches, block: &block, first: first) }
        guard !matches.isEmpty || text.codes.contains(EscapeMark.code) else { return }

        var rebuilt: [UInt8] = []
        rebuilt.reserveCapacity(combined.count + 8 * matches.count)
        var cursor = 0
        for match in matches {
            // A footnote marker follows its word directly: "arrived¹", never "arrived ¹" (which can wrap alone).
            var beforeEnd = match.start
            while beforeEnd > cursor, [Code.space, Code.tab, Code.newline].contains(text[beforeEnd - 1]) { beforeEnd -= 1 }
            EscapeMark.append(text, cursor..<beforeEnd, to: &rebuilt)
            let lines = block ?? Self.enclosingBlockLines(of: first)
            block = lines
            let items = match.items.map { item in
                CitationItem(sourceID: item.id, locator: item.locator, location: location(of: item.id, in: lines))
            }
            references.append(.citation(items))
            rebuilt.append(contentsOf: Placeholder.token(references.count - 1).utf8)
            cursor = match.end
        }
        EscapeMark.append(text, cursor..<text.count, to: &rebuilt)

        // One text node per line, with soft breaks between; a line feed after a carriage return is no line break.
        var lineStart = 0
        for offset in rebuilt.indices where rebuilt[offset] == 0x0A && (offset == 0 || rebuilt[offset - 1] != 0x0D) {
            if lineStart < offset { insert(textNode(rebuilt[lineStart..<offset]), before: first) }
            insert(cmark_node_new(CMARK_NODE_SOFTBREAK), before: first)
            lineStart = offset + 1
        }
        if lineStart < rebuilt.count { insert(textNode(rebuilt[lineStart...]), before: first) }
        for node in run {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private typealias Code = CitationSyntax.Code

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
            if citeableIDs[bodyLine] == nil { citeableIDs[bodyLine] = Self.citeableIDs(in: sourceLines.line(bodyLine)) }
            guard var occurrences = citeableIDs[bodyLine]?[id], !occurrences.isEmpty else { continue }
            let column = occurrences.removeFirst()
            citeableIDs[bodyLine]?[id] = occurrences
            return SourceLocation(path: source.path, line: source.firstLine + bodyLine - 1, column: column)
        }
        return SourceLocation(path: source.path, line: source.firstLine + block.lowerBound - 1, column: 1)
    }

    /// Every `@id` of one source line that could be a citation item, with the columns (in Characters) where it
    /// stands, in one pass (a paragraph of ten thousand citations must not be scanned ten thousand times).
    private static func citeableIDs(in line: CharacterCodes) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        var insideCode = false
        var index = 0
        while index < line.count {
            let code = line[index]
            if code == Code.backtick { insideCode.toggle() }
            guard code == Code.at, !insideCode,
                  index == 0 || [Code.open, Code.semicolon, Code.hyphen, Code.space, Code.tab].contains(line[index - 1])
            else {
                index += 1
                continue
            }
            var end = index + 1
            while end < line.count, continuesID(line, end) || line[end] == Code.period || line[end] == Code.colon { end += 1 }
            var idEnd = end
            while idEnd > index + 1, [Code.period, Code.colon, Code.hyphen].contains(line[idEnd - 1]) { idEnd -= 1 }
            if idEnd > index + 1 { result[line.string((index + 1)..<idEnd), default: []].append(index + 1) }
            index = end
        }
        return result
    }

    private static func continuesID(_ line: CharacterCodes, _ index: Int) -> Bool {
        line.isLetterOrNumber(index) || line[index] == Code.underscore || line[index] == Code.hyphen
    }

    /// `[@…]` brackets that were not read as citations (a non-ASCII id, a stray character) would silently stay
    /// text; say so, since the author almost certainly meant a citation.
    private mutating func warnAboutNearMisses(
        _ text: CharacterCodes, matches: [CitationSyntax.Match], block: inout ClosedRange<Int>?, first: OpaquePointer
    ) {
        var nextMatch = 0
        for index in 0..<max(0, text.count - 1) where text[index] == Code.open && text[index + 1] == Code.at {
            while nextMatch < matches.count, matches[nextMatch].end <= index { nextMatch += 1 }
            if nextMatch < matches.count, matches[nextMatch].start <= index { continue }
            let end = (index..<text.count).first { text[$0] == Code.close } ?? min(text.count, index + 30)
            let lines = block ?? Self.enclosingBlockLines(of: first)
            block = lines
            warnings.append(.warning(
                at: SourceLocation(path: source.path, line: source.firstLine + lines.lowerBound - 1, column: 1),
                "'\(text.string(index..<min(end + 1, text.count)))' is not read as a citation: write [@id] or [@id, locator] with an id of letters, digits, '-', '_', '.' or ':'"
            ))
        }
    }

    // MARK: Tree edits

    private func literal(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }

    private func removeEscapeMarks(_ node: OpaquePointer) {
        guard let pointer = cmark_node_get_literal(node), EscapeMark.isIn(pointer) else { return }
        cmark_node_set_literal(node, String(cString: pointer).filter { $0 != Placeholder.escape })
    }

    private func textNode(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        return node
    }

    private func textNode(_ utf8: ArraySlice<UInt8>) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        var cString = Array(utf8)
        cString.append(0)
        _ = cString.withUnsafeBufferPointer { cmark_node_set_literal(node, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
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
