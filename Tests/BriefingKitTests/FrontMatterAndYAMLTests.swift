import Foundation
import Testing
@testable import BriefingKit

/// Reading a content file: bytes to text, front matter split from the body, YAML to typed fields, and every
/// mistake reported at its position in the file.
@Suite struct FrontMatterAndYAMLTests {
    private func file(_ text: String) -> TextFile { TextFile(displayPath: "Content/notes/x.md", text: text) }

    private func diagnostic(_ body: () throws(Diagnostic) -> Void) -> Diagnostic? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// A FieldReader over `yaml` as front matter starting on file line 2.
    private func reader(_ yaml: String) throws -> FieldReader {
        let node = try #require(try YAMLDocument.parse(yaml, path: "Content/notes/x.md", firstLine: 2))
        return try FieldReader(node, what: "front matter")
    }

    // MARK: Front matter

    @Test func aFileWithoutFrontMatterIsAllBody() throws {
        let document = try FrontMatterDocument.split(file("Just text.\n---\nmore\n"))
        #expect(document.yaml == nil)
        #expect(document.body == "Just text.\n---\nmore\n")
        #expect(document.bodyFirstLine == 1)
    }

    @Test func frontMatterIsSplitFromTheBodyWithItsLineNumbers() throws {
        let document = try FrontMatterDocument.split(file("---\ntitle: A\ndate: 2024-10-24\n---\nBody line.\n"))
        #expect(document.yaml == "title: A\ndate: 2024-10-24")
        #expect(document.yamlFirstLine == 2)
        #expect(document.body == "Body line.\n")
        #expect(document.bodyFirstLine == 5)
    }

    @Test func frontMatterMayBeClosedWithDots() throws {
        let document = try FrontMatterDocument.split(file("---\ntitle: A\n...\nBody.\n"))
        #expect(document.yaml == "title: A")
        #expect(document.body == "Body.\n")
        #expect(document.bodyFirstLine == 4)
    }

    @Test func aClosingFenceMayHaveTrailingBlanks() throws {
        let document = try FrontMatterDocument.split(file("---\ntitle: A\n--- \t\nBody.\n"))
        #expect(document.yaml == "title: A")
        #expect(document.body == "Body.\n")
    }

    @Test func onlyTheFirstClosingFenceEndsTheFrontMatter() throws {
        let document = try FrontMatterDocument.split(file("---\ntitle: A\n---\nIntro.\n\n---\n\nAfter a rule.\n"))
        #expect(document.yaml == "title: A")
        #expect(document.body == "Intro.\n\n---\n\nAfter a rule.\n")
        #expect(document.bodyFirstLine == 4)
    }

    @Test func longerDashRunsDoNotCloseTheFrontMatter() throws {
        let document = try FrontMatterDocument.split(file("---\na: 1\n----\nb: 2\n---\nBody.\n"))
        #expect(document.yaml == "a: 1\n----\nb: 2")
        #expect(document.bodyFirstLine == 6)
    }

    @Test func emptyFrontMatterAndEmptyBody() throws {
        let empty = try FrontMatterDocument.split(file("---\n---\nBody.\n"))
        #expect(empty.yaml == "")
        #expect(empty.bodyFirstLine == 3)
        let noBody = try FrontMatterDocument.split(file("---\ntitle: A\n---"))
        #expect(noBody.yaml == "title: A")
        #expect(noBody.body == "")
    }

    @Test(arguments: ["---\ntitle: A\n\nBody without a fence.\n", "---\n", "---"])
    func frontMatterThatIsNeverClosedIsAnErrorAtLineOne(_ text: String) {
        let error = diagnostic { () throws(Diagnostic) in _ = try FrontMatterDocument.split(file(text)) }
        #expect(error?.severity == .error)
        #expect(error?.location == SourceLocation(path: "Content/notes/x.md", line: 1, column: 1))
        #expect(error?.message.contains("never closed") == true)
    }

    // MARK: Text decoding

    @Test func aByteOrderMarkIsRemoved() throws {
        let decoded = try TextFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("---\ntitle: A\n".utf8)), displayPath: "a.md")
        #expect(decoded.text == "---\ntitle: A\n")
        #expect(decoded.displayPath == "a.md")
    }

    @Test func windowsAndOldMacLineEndingsBecomeNewlines() throws {
        let decoded = try TextFile.decode(Data("a\r\nb\rc\n\r\n".utf8), displayPath: "a.md")
        #expect(decoded.text == "a\nb\nc\n\n")
    }

    @Test func aBOMAndCRLFFileStillSplitsAtItsFrontMatter() throws {
        let decoded = try TextFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nBody.\r\n".utf8)), displayPath: "a.md")
        let document = try FrontMatterDocument.split(decoded)
        #expect(document.yaml == "title: A")
        #expect(document.body == "Body.\n")
        #expect(document.bodyFirstLine == 4)
    }

    @Test func invalidUTF8IsAnErrorNamingTheByteOffsetAndLine() {
        let bytes = Array("ab\ncd".utf8) + [0xFF] + Array("e\n".utf8)
        let error = diagnostic { () throws(Diagnostic) in _ = try TextFile.decode(Data(bytes), displayPath: "Content/notes/x.md") }
        #expect(error?.description == "Content/notes/x.md:2:1: error: invalid UTF-8 at byte offset 5")
    }

    @Test func aTruncatedMultiByteSequenceIsInvalid() {
        let bytes = Array("café".utf8).dropLast()  // 'é' without its second byte
        let error = diagnostic { () throws(Diagnostic) in _ = try TextFile.decode(Data(bytes), displayPath: "a.md") }
        #expect(error?.message == "invalid UTF-8 at byte offset 3")
    }

    @Test func anOverlongEncodingIsInvalid() {
        let bytes = Array("a/".utf8) + [0xC0, 0xAF]  // an overlong '/'
        let error = diagnostic { () throws(Diagnostic) in _ = try TextFile.decode(Data(bytes), displayPath: "a.md") }
        #expect(error?.message == "invalid UTF-8 at byte offset 2")
    }

    @Test func theByteOffsetCountsTheByteOrderMark() {
        // The offset is into the file as stored, so that a hex editor finds the byte.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab\n".utf8) + [0xFE]
        let error = diagnostic { () throws(Diagnostic) in _ = try TextFile.decode(Data(bytes), displayPath: "a.md") }
        #expect(error?.message == "invalid UTF-8 at byte offset 6")
        #expect(error?.location.line == 2)
    }

    // MARK: YAML

    @Test func emptyYAMLIsNoDocument() throws {
        #expect(try YAMLDocument.parse("", path: "a.md", firstLine: 2) == nil)
        #expect(try YAMLDocument.parse("# only a comment\n", path: "a.md", firstLine: 2) == nil)
    }

    @Test func mappingEntriesKeepFileOrderAndFilePositions() throws {
        let node = try #require(try YAMLDocument.parse("title: A\ndate: 2024-10-24\n  \nsummary: S\n", path: "a.md", firstLine: 2))
        let entries = try #require(node.mappingEntries)
        #expect(entries.map(\.key) == ["title", "date", "summary"])
        #expect(entries.map(\.keyLocation.description) == ["a.md:2:1", "a.md:3:1", "a.md:5:1"])
        #expect(entries.map(\.value.location.description) == ["a.md:2:8", "a.md:3:7", "a.md:5:10"])
        #expect(entries.map(\.value.scalarText) == ["A", "2024-10-24", "S"])
    }

    @Test func syntaxErrorPositionsAreFilePositions() {
        // The tab is on YAML line 2, which is file line 3 when the YAML starts on file line 2.
        let error = diagnostic { () throws(Diagnostic) in _ = try YAMLDocument.parse("title: A\n\tdate: x\n", path: "a.md", firstLine: 2) }
        #expect(error?.location == SourceLocation(path: "a.md", line: 3, column: 1))
        #expect(error?.message.hasPrefix("YAML syntax error: ") == true)

        let later = diagnostic { () throws(Diagnostic) in _ = try YAMLDocument.parse("title: A\nsummary: a: b\n", path: "a.md", firstLine: 10) }
        #expect(later?.location == SourceLocation(path: "a.md", line: 11, column: 11))
        #expect(later?.message == "YAML syntax error: mapping values are not allowed in this context")
    }

    @Test func aDuplicateKeyIsAnError() {
        let error = diagnostic { () throws(Diagnostic) in _ = try YAMLDocument.parse("title: A\ntitle: B\n", path: "a.md", firstLine: 10) }
        #expect(error?.severity == .error)
        #expect(error?.message == "duplicate key 'title'")
        #expect(error.map { [10, 11].contains($0.location.line) } == true, "in the mapping, offset to the file")
    }

    @Test func frontMatterMustBeAMapping() throws {
        let node = try #require(try YAMLDocument.parse("- a\n- b\n", path: "a.md", firstLine: 2))
        let error = diagnostic { () throws(Diagnostic) in _ = try FieldReader(node, what: "front matter") }
        #expect(error?.description == "a.md:2:1: error: front matter must be a mapping of fields, found a list")
    }

    // MARK: Fields

    @Test func aMissingRequiredFieldIsReportedAtTheMapping() throws {
        var fields = try reader("date: 2024-10-24\n")
        #expect(fields.string("title", required: true) == nil)
        #expect(fields.log.diagnostics.map(\.description) == ["Content/notes/x.md:2:1: error: missing required field 'title'"])
    }

    @Test func aNullOrBlankFieldCountsAsMissing() throws {
        var fields = try reader("title: ~\nsummary:\nauthor: null\n")
        #expect(fields.string("title", required: true) == nil)
        #expect(fields.string("summary") == nil)
        #expect(fields.string("author") == nil)
        #expect(fields.log.diagnostics.map(\.message) == ["missing required field 'title'"])
    }

    @Test func aQuotedNullIsText() throws {
        var fields = try reader("summary: \"null\"\n")
        #expect(fields.string("summary") == "null")
    }

    @Test func anEmptyQuotedRequiredFieldIsAnError() throws {
        var fields = try reader("title: \"  \"\n")
        #expect(fields.string("title", required: true) == nil)
        #expect(fields.log.diagnostics.map(\.description) == ["Content/notes/x.md:2:8: error: 'title' must not be empty"])
    }

    @Test func textIsTrimmed() throws {
        var fields = try reader("title: \"  Spaced  \"\n")
        #expect(fields.string("title", required: true) == "Spaced")
    }

    @Test func aFieldOfTheWrongTypeIsReportedAtItsValue() throws {
        var fields = try reader("title:\n  - a\n  - b\nsummary: {x: 1}\n")
        #expect(fields.string("title", required: true) == nil)
        #expect(fields.string("summary") == nil)
        #expect(fields.log.diagnostics.map(\.description) == [
            "Content/notes/x.md:3:3: error: 'title' must be text, found a list",
            "Content/notes/x.md:5:10: error: 'summary' must be text, found a mapping",
        ])
    }

    @Test func aBadDateIsReportedWithWhatWasWritten() throws {
        var fields = try reader("title: T\ndate: 2024-02-30\n")
        #expect(fields.date("date", required: true) == nil)
        #expect(fields.log.diagnostics.map(\.description) == [
            "Content/notes/x.md:3:7: error: 'date' must be a date (YYYY-MM-DD) or an ISO 8601 date-time, found '2024-02-30'",
        ])
    }

    @Test func aGoodDateIsRead() throws {
        var fields = try reader("date: 2024-10-24T09:30:00+09:00\npublished: 2024-10-23\n")
        #expect(fields.date("date", required: true)?.long == "24 October 2024")
        #expect(fields.date("published")?.iso == "2024-10-23")
        #expect(fields.date("accessed") == nil)
        #expect(fields.log.diagnostics.isEmpty)
    }

    @Test func aMissingRequiredDateIsReported() throws {
        var fields = try reader("title: T\n")
        #expect(fields.date("date", required: true) == nil)
        #expect(fields.log.diagnostics.map(\.message) == ["missing required field 'date'"])
    }

    @Test func booleansAcceptTheUsualSpellings() throws {
        var fields = try reader("a: true\nb: No\nc: on\nd: OFF\ne: maybe\n")
        #expect(fields.bool("a") == true)
        #expect(fields.bool("b") == false)
        #expect(fields.bool("c") == true)
        #expect(fields.bool("d") == false)
        #expect(fields.bool("e") == nil)
        #expect(fields.log.diagnostics.map(\.description) == ["Content/notes/x.md:6:4: error: 'e' must be true or false, found 'maybe'"])
    }

    @Test func numbersAreFiniteAndMayUseUnderscores() throws {
        var fields = try reader("a: 1_000\nb: -2.5\nc: many\nd: .nan\n")
        #expect(fields.number("a") == 1000)
        #expect(fields.number("b") == -2.5)
        #expect(fields.number("c") == nil)
        #expect(fields.number("d") == nil)
        #expect(fields.log.diagnostics.map(\.message) == ["'c' must be a number, found 'many'", "'d' must be a number, found '.nan'"])
    }

    @Test func aListFieldAcceptsOneValueOrAList() throws {
        var fields = try reader("one: alpha\nmany: [alpha, beta]\nblock:\n  - gamma\n")
        #expect(fields.stringList("one").map(\.value) == ["alpha"])
        #expect(fields.stringList("many").map(\.value) == ["alpha", "beta"])
        #expect(fields.stringList("many").map(\.location.description) == ["Content/notes/x.md:3:8", "Content/notes/x.md:3:15"])
        #expect(fields.stringList("block").map(\.location.description) == ["Content/notes/x.md:5:5"])
        #expect(fields.stringList("absent").isEmpty)
        #expect(fields.log.diagnostics.isEmpty)
    }

    @Test func aListFieldRejectsMappingsAndNestedValues() throws {
        var fields = try reader("topics: {a: 1}\ntags: [ok, {b: 2}]\n")
        #expect(fields.stringList("topics").isEmpty)
        #expect(fields.stringList("tags").map(\.value) == ["ok"])
        #expect(fields.log.diagnostics.map(\.description) == [
            "Content/notes/x.md:2:9: error: 'topics' must be a list of text values, found a mapping",
            "Content/notes/x.md:3:12: error: each entry of 'tags' must be text, found a mapping",
        ])
    }

    @Test func anUnknownFieldIsAWarningAtItsKey() throws {
        var fields = try reader("title: T\n  \ntitel: Typo\ndate: 2024-10-24\n")
        _ = fields.string("title", required: true)
        fields.warnAboutUnknownFields(known: ["title", "date", "summary"])
        #expect(fields.log.diagnostics.map(\.description) == ["Content/notes/x.md:4:1: warning: unknown field 'titel' is ignored"])
    }

    @Test func aFieldThatWasReadIsNeverUnknown() throws {
        var fields = try reader("extra: x\n")
        _ = fields.string("extra")
        fields.warnAboutUnknownFields(known: [])
        #expect(fields.log.diagnostics.isEmpty)
    }

    @Test func everyProblemIsRecordedNotJustTheFirst() throws {
        var fields = try reader("date: soon\ndraft: perhaps\nsumary: x\n")
        _ = fields.string("title", required: true)
        _ = fields.date("date", required: true)
        _ = fields.bool("draft")
        fields.warnAboutUnknownFields(known: ["title", "date", "draft", "summary"])
        #expect(fields.log.diagnostics.map(\.description) == [
            "Content/notes/x.md:2:1: error: missing required field 'title'",
            "Content/notes/x.md:2:7: error: 'date' must be a date (YYYY-MM-DD) or an ISO 8601 date-time, found 'soon'",
            "Content/notes/x.md:3:8: error: 'draft' must be true or false, found 'perhaps'",
            "Content/notes/x.md:4:1: warning: unknown field 'sumary' is ignored",
        ])
    }

    // MARK: End to end

    @Test func frontMatterThatIsNeverClosedFailsTheBuild() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\n\nSomething happened [@src].\n",
        ])
        #expect(site.failingBuild() == ["Content/notes/first.md:1:1: error: front matter opened here is never closed (expected a line '---')"])
    }

    @Test func aNoteWithoutFrontMatterMissesItsRequiredFields() throws {
        let site = try TestSite.minimal(["Content/notes/first.md": "Just a body [@src].\n"])
        #expect(site.failingBuild() == [
            "Content/notes/first.md:1:1: error: missing required field 'date'",
            "Content/notes/first.md:1:1: error: missing required field 'title'",
        ])
    }

    @Test func aMisspelledFieldIsAWarningThatDoesNotStopTheBuild() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\nsumary: typo\n---\nText [@src].\n",
        ])
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "Content/notes/first.md:5:1: warning: unknown field 'sumary' is ignored",
            "Content/site.yml:1:1: warning: no base_url in site.yml: feeds, sitemap and canonical links are not written",
        ])
        #expect(site.exists("Output/notes/first/index.html"))
    }

    @Test func aFileWithBOMAndCRLFKeepsItsLineNumbers() throws {
        let site = try TestSite.minimal()
        let text = "\u{FEFF}---\r\ntitle: First Note\r\ndate: 2024-10-24\r\ntopics: [alpha]\r\n---\r\nLine one.\r\nCited [@nope].\r\n"
        try Data(text.utf8).write(to: site.root.appending(path: "Content/notes/first.md"))
        #expect(site.failingBuild() == ["Content/notes/first.md:7:8: error: unknown source 'nope' in citation"])
    }

    @Test func aBadDateInASourceFailsTheBuildAtTheValue() throws {
        let site = try TestSite.minimal([
            "Content/sources/src.md": "---\ntitle: A Report\noutlet: Example Times\npublished: 23 October 2024\n---\nThe report says 3,000 soldiers arrived.\n",
        ])
        #expect(site.failingBuild() == [
            "Content/sources/src.md:4:12: error: 'published' must be a date (YYYY-MM-DD) or an ISO 8601 date-time, found '23 October 2024'",
        ])
    }
}
