import Foundation
import FuzzSupport
@testable import BriefingKit

// A Markdown body with citations: the citation scanner alone, then the whole Markdown stage (cmark-gfm, the tree
// rewrite that turns `[@id, locator]` into footnote placeholders, near-miss warnings) as for a note and as for a
// pasted source. Properties: nothing crashes or hangs, citations are in order and inside the text, and every
// citation's position and every warning's line lie inside the body.

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = inputData(bytes, size)
    // Invalid UTF-8 never reaches the parser (TextFile rejects it), so it is replaced here and then read as TextFile
    // reads a file, with its line endings normalised.
    let text = (try? TextFile.decode(data, displayPath: "n.md").text)
        ?? (try? TextFile.decode(Data(String(decoding: data, as: UTF8.self).utf8), displayPath: "n.md").text) ?? ""
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count

    let matches = CitationSyntax.matches(in: text)
    var previousEnd = 0
    for match in matches {
        expect(previousEnd <= match.start && match.start < match.end && match.end <= text.count, "citation span \(match.start)..<\(match.end) out of order or bounds")
        expect(!match.items.isEmpty && match.items.allSatisfy { !$0.id.isEmpty }, "a citation without ids")
        expect(match.items.allSatisfy { (match.start..<match.end).contains($0.offset) }, "an item outside its citation")
        previousEnd = match.end
    }

    // The body starts on line 5 of its file, after a four-line front matter.
    let body = MarkdownText(text: text, path: "n.md", firstLine: 5)
    let note = MarkdownParser().parse(body)
    for item in note.citationItems {
        expect(!item.sourceID.isEmpty, "an empty source id")
        expect((5...(lines + 4)).contains(item.location.line) && item.location.column >= 1, "citation at \(item.location) outside the body's lines 5...\(lines + 4)")
    }
    expectPositionsInside(note.warnings, path: "n.md", lines: lines + 4)

    let source = MarkdownParser(allowsRawHTML: true, readsCitations: false, keepsLineBreaks: true).parse(body)
    expect(source.citationItems.isEmpty, "a source body is never read for citations")
    return 0
}

runFuzzer(testOneInput)
