import Foundation
import Testing
@testable import BriefingKit

/// Inputs the fuzzers in Fuzz/ found, kept so that what was fixed stays fixed.
@Suite struct FuzzRegressionTests {
    /// FuzzClaims: a claims file whose last line, without a final line break, is a key without ':'. libyaml puts the
    /// error on the line after the last, which is not in the file; it must point into the file.
    @Test func aYAMLErrorAtTheEndOfAFileWithoutAFinalLineBreakPointsIntoTheFile() throws {
        let site = try TestSite.minimal(["Content/claims/main.yml": "- id: arrived\n  statement: S\n  sources: [src]\nIteratorProtocol"])
        #expect(site.failingBuild() == ["Content/claims/main.yml:4:17: error: YAML syntax error: could not find expected ':' while scanning a simple key"])
    }

    /// The same in front matter: the error stands at the end of the last YAML line, not on the closing fence.
    @Test func aYAMLErrorAtTheEndOfFrontMatterPointsAtItsLastLine() throws {
        let site = try TestSite.minimal(["Content/notes/first.md": "---\ntitle: A\ndate: 2024-10-24\nloose\n---\nBody.\n"])
        #expect(site.failingBuild() == ["Content/notes/first.md:4:6: error: YAML syntax error: could not find expected ':' while scanning a simple key"])
    }

    /// FuzzClaims: a claims file holding only `---` is an empty document, whose node libyaml places on line 2 of a
    /// one-line file.
    @Test func aWrongValueAtTheEndOfAFileIsReportedInsideIt() throws {
        let site = try TestSite.minimal(["Content/claims/main.yml": "---"])
        #expect(site.failingBuild().first == "Content/claims/main.yml:1:4: error: a claims file must be a YAML list of claims, found a text value")
    }

    /// FuzzFrontMatter: a note that ends on its closing fence, without a final line break (here with a BOM and CRLF
    /// line endings), has an empty body; it must start on a line of the file, not on the line after the last.
    @Test func anEmptyBodyAfterAClosingFenceAtTheEndOfTheFileStartsInsideTheFile() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\ndate: 2024-10-24\r\ndraft: true\r\n---".utf8)
        let url = FileManager.default.temporaryDirectory.appending(path: "briefing-fuzz-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        var log = DiagnosticLog()
        let note = try #require(NoteLoader.load(slug: "fuzz", url: url, displayPath: "fuzz.md", log: &log))
        #expect(note.body.text.isEmpty)
        #expect(note.body.firstLine == 5, "the file has five lines")
    }
}
