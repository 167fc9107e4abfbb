import Foundation
import FuzzSupport
@testable import BriefingKit

// A note, source or topic file: bytes to text (BOM, CRLF, invalid UTF-8), front matter split from the body, YAML
// decoded and read into typed fields by the real loaders. Properties: nothing crashes or hangs, the split accounts
// for every line, and every diagnostic points inside the file.

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = inputData(bytes, size)
    let path = "Content/notes/fuzz.md"
    let lines = lineCount(ofFileBytes: [UInt8](data))

    if let file = try? TextFile.decode(data, displayPath: path) {
        checkSplit(file, lines: lines)
    }

    let url = ScratchFile.holding(data)
    var log = DiagnosticLog()
    let note = NoteLoader.load(slug: "fuzz", url: url, displayPath: path, log: &log)
    _ = SourceLoader.load(id: "fuzz", url: url, displayPath: path, log: &log)
    _ = TopicLoader.load(slug: "fuzz", url: url, displayPath: path, log: &log)
    expectPositionsInside(log.diagnostics, path: path, lines: lines)
    if let note {
        expect(note.body.firstLine >= 1 && note.body.firstLine <= lines, "body starts outside the file: \(note.body.firstLine)")
    }
    return 0
}

/// The opening fence, the YAML, the closing fence and the body are the whole file, line for line.
func checkSplit(_ file: TextFile, lines: Int) {
    do {
        let document = try FrontMatterDocument.split(file)
        guard let yaml = document.yaml else {
            expect(document.body == file.text, "a file without front matter must be all body")
            return
        }
        let fileLines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        expect(fileLines.count == lines, "TextFile has \(fileLines.count) lines, the bytes \(lines)")
        var closing = document.bodyFirstLine - 2 // 0-based index of the closing fence
        // A file that ends on its closing fence has its empty body on that fence's line.
        if closing + 1 == fileLines.count - 1, document.body.isEmpty, isFence(fileLines[closing + 1]) { closing += 1 }
        expect(closing >= 1 && closing < fileLines.count, "closing fence at line \(closing + 1) of \(fileLines.count)")
        expect(fileLines[1..<closing].joined(separator: "\n") == yaml, "the YAML is not the lines between the fences")
        expect(isFence(fileLines[closing]), "the closing fence is '\(fileLines[closing])'")
        expect(fileLines[(closing + 1)...].joined(separator: "\n") == document.body, "the body is not the lines after the fence")
    } catch {
        expect(error.location.line == 1, "an unclosed front matter is reported on line 1: \(error)")
    }
}

/// `---` or `...`, with any spaces and tabs after it.
func isFence(_ line: Substring) -> Bool {
    var trimmed = line
    while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
    return trimmed == "---" || trimmed == "..."
}

runFuzzer(testOneInput)
