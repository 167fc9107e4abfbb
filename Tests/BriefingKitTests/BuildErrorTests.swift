import Foundation
import Testing
@testable import BriefingKit

/// Every error names file:line:column with a message a user can act on; all of a build's errors come at once.
@Suite struct BuildErrorTests {
    @Test func everyErrorOfTheSiteIsReportedInOneRun() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-32\ntopics: [alpha]\n---\nText [@nope] and [@src; @srx, para 2].\n",
            "Content/topics/alpha.md": "---\nsummary: no title\n---\nBody.\n",
            "Content/claims/more.yml": "- id: arrived\n  statement: Again.\n  sources: [src]\n",
        ])
        #expect(site.failingBuild() == [
            "Content/claims/more.yml:1:3: error: duplicate claim id 'arrived' (first defined at Content/claims/main.yml:1:3)",
            "Content/notes/first.md:3:7: error: 'date' must be a date (YYYY-MM-DD) or an ISO 8601 date-time, found '2024-10-32'",
            "Content/notes/first.md:6:7: error: unknown source 'nope' in citation",
            "Content/notes/first.md:6:25: error: unknown source 'srx' in citation; did you mean 'src'?",
            "Content/topics/alpha.md:2:1: error: missing required field 'title'",
        ])
    }

    @Test func claimErrorsPointAtTheClaim() throws {
        let site = try TestSite.minimal([
            "Content/claims/main.yml": "- id: arrived\n  statement: x\n  value: many\n  sources:\n    - source: ghost\n- statement: no id\n  sources: [src]\n- id: Bad Id\n  statement: y\n  sources: []\n",
        ])
        #expect(site.failingBuild() == [
            "Content/claims/main.yml:3:10: error: 'value' must be a number, found 'many'",
            "Content/claims/main.yml:5:7: error: claim 'arrived' cites unknown source 'ghost'",
            "Content/claims/main.yml:6:3: error: missing required field 'id'",
            "Content/claims/main.yml:8:3: error: claim id 'Bad Id' must use letters, digits, '-' and '_', starting with a letter or digit",
            "Content/claims/main.yml:10:12: error: 'sources' must be a list with at least one source",
        ])
    }

    @Test func yamlSyntaxErrorsKeepTheirPositionInTheFile() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": "---\ntitle: First\ndate: 2024-10-24\ntitle: Again\n---\nBody [@src].\n",
            "Content/sources/src.md": "---\ntitle: [unclosed\noutlet: X\n---\nText.\n",
        ])
        let errors = site.failingBuild()
        #expect(errors.contains("Content/notes/first.md:2:1: error: duplicate key 'title'"))
        #expect(errors.contains { $0.hasPrefix("Content/sources/src.md:3:") && $0.contains("YAML syntax error") })
    }

    @Test func invalidUTF8NamesTheByteOffset() throws {
        let site = try TestSite.minimal()
        try site.write("Content/notes/first.md", "---\ntitle: T\ndate: 2024-10-24\n---\nok\n")
        var bytes = Array("---\ntitle: T\ndate: 2024-10-24\n---\nbad ".utf8)
        bytes += [0xFF, 0x0A]
        try Data(bytes).write(to: site.root.appending(path: "Content/notes/first.md"))
        #expect(site.failingBuild() == ["Content/notes/first.md:5:1: error: invalid UTF-8 at byte offset 38"])
    }

    @Test func templateMistakesAreCaughtBeforeRendering() throws {
        let site = try TestSite.minimal([
            "Templates/note.mustache": "{{<layout}}{{$main}}\n<h1>{{note.titel}}</h1>\n{{{note.title}}}{{> missing-partial}}\n{{/main}}{{/layout}}\n",
            "Templates/topic.mustache": "{{<layout}}{{$main}}\n{{#topic}}\n{{/main}}{{/layout}}\n",
        ])
        let errors = site.failingBuild()
        #expect(errors.contains("Templates/note.mustache:3:1: error: 'note.title' is text and must be escaped: write {{note.title}}, not {{{note.title}}}"))
        #expect(errors.contains("Templates/note.mustache:3:17: error: unknown template 'missing-partial' in {{> missing-partial}}"))
        #expect(errors.contains { $0.hasPrefix("Templates/topic.mustache:") && $0.contains("template syntax error") })
        let titel = errors.filter { $0.contains("titel") }
        #expect(titel.isEmpty, "a dotted name is checked by its first segment, 'note', which exists")
    }

    @Test func htmlValuesMustBeWrittenUnescapedAndSyntaxErrorsOnTheFirstLineKeepTheirColumn() throws {
        let site = try TestSite.minimal([
            "Templates/note.mustache": "{{<layout}}{{$main}}\n<div>{{note.body_html}}</div>\n{{/main}}{{/layout}}\n",
            "Templates/source.mustache": "<p>{{#source}}x{{/sorce}}</p>\n",
        ])
        let errors = site.failingBuild()
        #expect(errors.contains("Templates/note.mustache:2:6: error: 'note.body_html' is HTML: write {{{note.body_html}}}, not {{note.body_html}}"))
        // Column 20 is inside `{{/sorce}}` as written: the engine's own prefix to every template is not counted.
        #expect(errors.contains("Templates/source.mustache:1:20: error: template syntax error: a section is closed with a different name than it was opened with"))
    }

    @Test func anUnknownTemplateVariableIsAnError() throws {
        let site = try TestSite.minimal(["Templates/note.mustache": "{{<layout}}{{$main}}\n<p>{{autor}}</p>\n{{/main}}{{/layout}}\n"])
        #expect(site.failingBuild() == ["Templates/note.mustache:2:4: error: unknown variable 'autor' (see the template variables in the README)"])
    }

    @Test func aMissingSiteConfigurationIsReported() throws {
        let site = try TestSite.minimal()
        try site.remove("Content/site.yml")
        #expect(site.failingBuild() == ["Content/site.yml:1:1: error: missing site configuration (a site needs Content/site.yml with at least a title)"])
    }
}
