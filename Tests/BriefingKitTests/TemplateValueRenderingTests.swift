import Mustache
import Testing
@testable import BriefingKit

/// `TemplateValue.mustacheValue` hands swift-mustache objects and texts of its own, for speed: every Mustache feature
/// a theme may use must render them exactly as it renders the plain `[String: Any]`, `[Any]` and `String` values.
@Suite struct TemplateValueRenderingTests {
    static let values: TemplateValue = [
        "site": ["title": "A & B", "description": .flag(false), "language": "en"],
        "root": "../../",
        "title": "<Top>",
        "empty_text": "",
        "body_html": "<p>Fish &amp; chips</p>\n",
        "note_count": 0,
        "claim_count": 3,
        "search": false,
        "draft": true,
        "nav": [
            ["title": "Digest", "href": "index.html", "current": true],
            ["title": "Claims \"all\"", "href": "claims/index.html", "current": false],
        ],
        "tags": ["one", "two", "<three>"],
        // Printed whole by `{{single}}`: one key, since a dictionary prints its keys in an order that changes.
        "single": [["only": "x"]],
        "footnotes": [],
        "notes": [
            ["title": "First", "summary": "Sum'mary", "topics": [["title": "T1", "href": "t1.html"]]],
            ["title": "Second", "summary": .flag(false), "topics": []],
        ],
        "note": ["title": "Inner", "body_html": "<b>x</b>", "figures": [["rows": [["value": 7, "chart_html": "<svg/>"]]]]],
    ]

    static let templates: [String: String] = [
        "variables": "{{title}} {{&title}} {{{body_html}}} {{note_count}} {{claim_count}} {{search}} {{draft}} [{{missing}}] [{{empty_text}}]",
        "dotted": "{{site.title}} {{site.language}} [{{site.missing}}] [{{title.count}}] [{{site.title.x}}] {{tags}} {{single}}",
        "sections": "{{#nav}}<a href=\"{{root}}{{href}}\"{{#current}} class=\"c\"{{/current}}>{{title}}</a>{{/nav}}",
        "inverted": "{{^nav}}no nav{{/nav}}{{^footnotes}}no notes{{/footnotes}}{{^note_count}}zero{{/note_count}}{{^search}}off{{/search}}{{^missing}}none{{/missing}}{{^title}}x{{/title}}",
        "truthiness": "{{#note_count}}zero is true{{/note_count}}{{#empty_text}}[{{.}}]{{/empty_text}}{{#site.description}}d{{/site.description}}{{#title}}({{.}}|{{root}}|{{title}}){{/title}}",
        "lists": "{{#tags}}{{.}}{{^last()}}, {{/last()}}{{/tags}} {{#tags}}{{index()}}{{#first()}}F{{/first()}}{{#odd()}}o{{/odd()}}{{/tags}}",
        "transforms": "{{^empty(tags)}}has{{/empty(tags)}}{{#empty(footnotes)}}none{{/empty(footnotes)}} {{count(tags)}} {{first(tags)}} {{last(tags)}} {{#reversed(tags)}}{{.}}{{/reversed(tags)}} {{uppercased(title)}} {{lowercased(site.title)}} {{capitalized(root)}} {{reversed(title)}} {{#empty(empty_text)}}e{{/empty(empty_text)}} {{count(site)}} {{#empty(site)}}x{{/empty(site)}} {{plusone(claim_count)}} {{#equalzero(note_count)}}z{{/equalzero(note_count)}} {{#first(nav)}}{{title}}{{/first(nav)}} {{#sorted(site)}}{{key}}={{value}};{{/sorted(site)}}",
        "stack": "{{#notes}}{{title}}:{{#summary}}{{.}}{{/summary}}{{^summary}}-{{/summary}}{{#topics}}[{{title}} {{root}} {{site.title}}]{{/topics}}{{^empty(topics)}}!{{/empty(topics)}}{{/notes}}{{#note}}{{title}} {{{body_html}}} {{#figures}}{{#rows}}{{value}}{{{chart_html}}}{{title}}{{/rows}}{{/figures}}{{/note}} {{.title}} {{#note}}{{.root}}{{/note}}",
        "partials": "{{#notes}}{{> item}}{{/notes}}\n  {{> item}}\n",
        "item": "<li>{{title}}\n{{#summary}}<p>{{.}}</p>{{/summary}}</li>\n",
        "layout": "<title>{{title}}</title>\n{{$main}}default{{/main}}\n{{$extra}}none{{/extra}}\n",
        "child": "{{<layout}}{{$main}}{{#nav}}{{title}}{{/nav}}{{/main}}{{/layout}}",
        "comments": "a{{! a comment }}b{{=<% %>=}}<% title %><%={{ }}=%>{{title}}",
        "text-type": "{{%CONTENT_TYPE:TEXT}}{{title}} {{site.title}} {{#tags}}{{.}}{{/tags}} {{> item}}",
    ]

    @Test(arguments: templates.keys.sorted())
    func rendersAsThePlainValuesDo(_ name: String) throws {
        var library = MustacheLibrary()
        for (templateName, text) in Self.templates { library.register(try MustacheTemplate(string: text), named: templateName) }
        let plain = library.render(Self.plainValue(Self.values, isHTML: false), withTemplate: name)
        let fast = library.render(Self.values.mustacheValue, withTemplate: name)
        #expect(fast == plain)
    }

    /// The values as `TemplateValue.mustacheValue` made them before it had types of its own.
    static func plainValue(_ value: TemplateValue, isHTML: Bool) -> Any {
        switch value {
        case .text(let text): isHTML ? text : HTML.escape(text)
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let items): items.map { plainValue($0, isHTML: isHTML) }
        case .object(let fields):
            Dictionary(uniqueKeysWithValues: fields.map { key, value in (key, plainValue(value, isHTML: key.hasSuffix("_html"))) })
        case .deferred(let deferred): plainValue(deferred.value, isHTML: isHTML)
        }
    }
}
