import Foundation
import Testing
@testable import BriefingKit

/// `briefing check`: the build's errors plus quote checks and loose ends, in compiler form or JSON, writing nothing.
@Suite struct CheckTests {
    func check(_ site: TestSite) -> [String] {
        Check.run(sitePath: site.path, pathsRelativeToSite: true).map(\.description)
    }

    @Test func aCleanSiteHasNoFindingsAndCheckWritesNothing() throws {
        let site = try TestSite.minimal()
        #expect(check(site) == [])
        #expect(!site.exists("Output"))
    }

    @Test func aMistypedQuotePointsAtItsLineWithTheClosestPassage() throws {
        let site = try TestSite.minimal([
            "Content/claims/main.yml": "- id: arrived\n  statement: About 3,000 soldiers arrived.\n  topics: [alpha]\n  sources:\n    - source: src\n      quote: 3,000 soliders arrived\n",
        ])
        #expect(check(site) == [
            "Content/claims/main.yml:6:14: error: quote not found in source 'src'; closest passage (para 1, 90% similar): “3,000 soldiers arrived”",
        ])
        #expect(site.failingBuild() == check(site), "build refuses to publish with the same finding")
    }

    @Test func aChangedFigureIsNotAMatch() throws {
        let site = try TestSite.minimal([
            "Content/claims/main.yml": "- id: arrived\n  statement: x\n  topics: [alpha]\n  sources:\n    - source: src\n      quote: 5,000 soldiers arrived\n",
        ])
        #expect(check(site).first?.contains("quote not found in source 'src'") == true)
    }

    @Test func aQuoteFromASourceWithoutTextCannotBeVerified() throws {
        let site = try TestSite.minimal([
            "Content/sources/src.md": "---\ntitle: A Report\noutlet: Example Times\n---\n",
        ])
        #expect(check(site) == ["Content/claims/main.yml:6:14: warning: cannot verify quote: source 'src' has no text"])
    }

    @Test func aLocatorThatNamesTheWrongParagraphIsAWarning() throws {
        let site = try TestSite.minimal([
            "Content/sources/src.md": "---\ntitle: A Report\noutlet: Example Times\n---\nFirst paragraph.\n\nThe report says 3,000 soldiers arrived.\n",
            "Content/claims/main.yml": "- id: arrived\n  statement: x\n  topics: [alpha]\n  sources:\n    - source: src\n      quote: 3,000 soldiers arrived\n      locator: para 1\n",
        ])
        #expect(check(site) == ["Content/claims/main.yml:6:14: warning: locator says para 1 but the quote is in para 2 of source 'src'"])
    }

    @Test func looseEndsAreWarnings() throws {
        let site = try TestSite.minimal([
            "Content/sources/unused.md": "---\ntitle: Unused\noutlet: Nobody\nbased_on: [kyiv-independnt-2024, Reuters, src-2]\n---\n",
            "Content/topics/empty.md": "---\ntitle: Empty\n---\n",
            "Content/notes/uncited.md": "---\ntitle: Uncited\ndate: 2024-10-25\ntopics: [alpha]\n---\nNo citations, only `[@src]` in code.\n",
            "Content/claims/main.yml": "- id: arrived\n  statement: x\n  topics: [alpha]\n  sources: [src, src]\n",
        ])
        #expect(check(site) == [
            "Content/claims/main.yml:4:18: warning: claim 'arrived' cites source 'src' more than once",
            "Content/notes/uncited.md:1:1: warning: note 'uncited' cites no source",
            "Content/sources/unused.md:1:1: warning: source 'unused' is cited by no note, topic or claim",
            "Content/sources/unused.md:4:12: warning: based_on name 'kyiv-independnt-2024' looks like a source id, but there is no such source",
            "Content/sources/unused.md:4:43: warning: based_on name 'src-2' looks like a source id, but there is no such source; did you mean 'src'?",
            "Content/topics/empty.md:1:1: warning: topic 'empty' has no notes and no claims",
        ])
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let diagnostics = [
            Diagnostic.error(at: SourceLocation(path: "Content/a.md", line: 3, column: 7), "bad \"thing\""),
            Diagnostic.warning(at: SourceLocation(path: "Content/b.md"), "loose end"),
        ]
        let json = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticsJSON.encode(diagnostics).utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["errors"] as? Int == 1)
        #expect(json["warnings"] as? Int == 1)
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["severity"] as? String == "error")
        #expect(first["path"] as? String == "Content/a.md")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 7)
        #expect(first["message"] as? String == "bad \"thing\"")
    }
}
