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

    /// FuzzQuotes (session 3) reported a closest passage "not in the body": the passage was right, but the check used
    /// Foundation's `contains`, which on Linux misses a passage that ends in a control character followed, in the
    /// body, by an emoji modifier. The engine's passage is a slice of the body; the harness now searches by Characters.
    @Test func theClosestPassageBeforeAControlCharacterIsTakenFromTheBody() throws {
        // The fuzzer's input: the quote, a NUL byte, the body (with invalid UTF-8, decoded as U+FFFD).
        let input = try #require(Data(base64Encoded: "KkRlZmF1bHRJKjN0aW9uYWwgSW5seydzIGludGVsbGlnZW5jZSBjb21taXR0ZWUgYWZ0ZXIgYSBjLi4uLi4uLi4uLi4uLi4uLi4uLi4uLi4uLi4uLi4uLn5+fn5+fn5+fn5+fi0tPiBcfn5+fn5+fn5+fn5+fmBgbGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYOBgYGBgYGBgYGBgYGBgYGD///////8FzGBgYGAAYGBgYGBgYGBgY8OpIGXMgSDwep+RjfCfj70gPGJyPiA8IC0tYyEgLS0+IFx+QH5+fn5+fn5+fn5+fn5+fn5+fn5+fnp+fn5+fn5+fn5+fn5+fn5+YGBgYGBgYGBgYGBgYGBgYGBgYGBgYGD///////8F8J+PvSA8YnI+Kg=="))
        let cut = try #require(input.firstIndex(of: 0))
        let quote = String(decoding: input[..<cut], as: UTF8.self)
        let body = String(decoding: input[(cut + 1)...], as: UTF8.self)
        guard case .notFound(let closest, _, _) = QuoteMatcher.find(QuoteNormaliser.normalise(quote), in: QuoteNormaliser.normalise(body)) else {
            Issue.record("the quote is not in the body")
            return
        }
        let passage = closest.hasSuffix("…") ? String(closest.dropLast()) : closest
        #expect(passage.unicodeScalars.last == "\u{5}", "the passage that Foundation's search missed")
        #expect(!passage.isEmpty && body.firstRange(of: passage) != nil, "\(closest)")
    }
}
