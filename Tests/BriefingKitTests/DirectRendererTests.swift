import Foundation
import Mustache
import Testing
@testable import BriefingKit

/// Briefing renders pages with `DirectRenderer`, which must render every template exactly as swift-mustache renders
/// it: the example's pages, the Mustache features of `TemplateValueRenderingTests`, and thousands of random
/// templates built from tags, whitespace and standalone lines around random values.
@Suite struct DirectRendererTests {
    @Test func theDefaultThemeRendersDirectlyAndEveryExamplePageMatchesSwiftMustache() throws {
        let analysis = SiteAnalysis.run(SiteLayout(path: Directory.repository.path, pathsRelativeToSite: true), includeDrafts: true) { _, _ in }
        let index = try #require(analysis.index), ledger = try #require(analysis.ledger), theme = try #require(analysis.theme)
        #expect(theme.directTemplates != nil, "the built-in theme must not fall back to swift-mustache")
        let pages = PageBuilder(index: index, ledger: ledger).pages()
        #expect(pages.count > 15)
        for page in pages {
            #expect(theme.render(page) == theme.renderWithSwiftMustache(page), "\(page.path)")
        }
    }

    @Test(arguments: TemplateValueRenderingTests.templates.keys.sorted())
    func rendersTheMustacheFeaturesAsSwiftMustacheDoes(_ name: String) throws {
        // The set-delimiter template is left to swift-mustache, and is alone in its library, so the others render directly.
        let templates = TemplateValueRenderingTests.templates.filter { ($0.key == "comments") == (name == "comments") }
        let expected = try Self.swiftMustache(templates, name, TemplateValueRenderingTests.values)
        let direct = Self.direct(templates, name, TemplateValueRenderingTests.values)
        if name == "comments" {
            #expect(direct == nil, "set-delimiter tags are left to swift-mustache")
        } else {
            #expect(direct == expected)
        }
    }

    @Test func aThemeWithUnusualWhitespaceStillRendersThroughSwiftMustache() throws {
        let site = try TestSite.minimal()
        let note = try String(contentsOf: Directory.repository.appending(path: "Templates/note.mustache"), encoding: .utf8)
        // A no-break space is whitespace to swift-mustache's parser, so byte positions no longer stand for Characters.
        try site.write("Templates/note.mustache", note.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{title}}\u{A0}</h1>"))
        let analysis = SiteAnalysis.run(SiteLayout(path: site.path, pathsRelativeToSite: true), includeDrafts: false) { _, _ in }
        #expect(try #require(analysis.theme).directTemplates == nil)
        _ = try site.build()
        #expect(try site.read("Output/notes/first/index.html").contains("<h1>First Note\u{A0}</h1>"))
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomTemplatesRenderAsSwiftMustacheRendersThem(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var compared = 0
        for round in 0..<700 {
            var generator = RandomTemplate(random: random)
            let templates = [
                "main": generator.template(depth: 0, partials: true),
                "part": generator.template(depth: 1, partials: false),
                "parent": generator.parent(),
            ]
            let values = generator.values()
            random = generator.random
            guard let expected = try? Self.swiftMustache(templates, "main", values) else { continue }
            let direct = try #require(Self.direct(templates, "main", values), "round \(round): \(templates)")
            #expect(direct == expected, "round \(round): \(templates) with \(values)")
            compared += 1
        }
        #expect(compared > 300, "most random templates parse")
    }

    /// Tag soup: fragments of Mustache syntax in random order. Whatever swift-mustache accepts must render the same
    /// directly or be left to swift-mustache; nothing may crash or hang.
    @Test(arguments: [11, 12])
    func tagSoupRendersAsSwiftMustacheRendersIt(seed: UInt64) throws {
        let pieces = ["{{", "}}", "{{{", "}}}", "#", "^", "/", "!", "<", "$", ">", "&", "=", "%", "(", ")", ".", "text", "list",
                      "obj", "first", " ", "  ", "\n", "\t", "a", "{", "}", "*", "-"]
        var random = SplitMix64(seed: seed)
        var compared = 0
        for _ in 0..<3000 {
            var template = ""
            for _ in 0..<Int(random.next() % 24 + 1) { template += pieces[Int(random.next() % UInt64(pieces.count))] }
            let templates = ["main": template, "text": "[{{text}}]\n", "list": "{{#list}}({{.}}){{/list}}"]
            guard let expected = try? Self.swiftMustache(templates, "main", TemplateValueRenderingTests.values) else { continue }
            guard let direct = Self.direct(templates, "main", TemplateValueRenderingTests.values) else { continue }
            // `{{.}}` on an object prints a dictionary, whose keys come in an order that differs between two copies.
            guard !expected.contains("[\"") else { continue }
            #expect(direct == expected, "\(template.debugDescription)")
            compared += 1
        }
        #expect(compared > 300)
    }

    // MARK: - The two renderers

    static let pragma = "{{%CONTENT_TYPE:TEXT}}"

    static func swiftMustache(_ templates: [String: String], _ name: String, _ values: TemplateValue) throws -> String? {
        var library = MustacheLibrary()
        for (templateName, text) in templates { library.register(try MustacheTemplate(string: pragma + text), named: templateName) }
        return library.render(values.mustacheValue, withTemplate: name)
    }

    static func direct(_ templates: [String: String], _ name: String, _ values: TemplateValue) -> String? {
        var parsed: [String: [DirectNode]] = [:]
        for (templateName, text) in templates {
            guard let nodes = try? DirectTemplateParser.parse(pragma + text) else { return nil }
            parsed[templateName] = nodes
        }
        return DirectRenderer.render(values, template: name, templates: parsed).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Random templates and values over a few names, so that tags mostly find something.
private struct RandomTemplate {
    var random: SplitMix64

    private static let texts = ["a", "b c", " ", "  ", "\t", "\n", "\n", "\n  ", "<&>", "é·", "{", "}", "x{y"]
    // Variables show texts, flags and numbers only: swift-mustache prints a list or an object in a debugging form
    // (a dictionary's keys in an order that differs from one dictionary to the next), which no theme shows.
    private static let variables = ["text", "text_html", "flag", "off", "num", "zero", "obj.text", "missing", ".text", "obj.missing",
                                    "items.name", "empty(list)", "count(list)", "first(list)", "uppercased(text)", "empty(empty)",
                                    "plusone(num)", "equalzero(zero)", "first()", "last()", "index()", "odd()", "reversed(text)",
                                    "count(obj)", "lowercased(first(list))", "capitalized(obj.text)"]
    private static let sections = variables + ["list", "empty", "obj", "obj.list", "items", "reversed(list)", "last(items)",
                                               "reversed(obj.list)", "sorted(obj)"]
    private static let variableForms = ["{{%@}}", "{{{%@}}}", "{{& %@}}", "{{ %@ }}"]

    mutating func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func template(depth: Int, partials: Bool) -> String {
        var text = ""
        for _ in 0..<Int(random.next() % 7 + 1) { text += piece(depth: depth, partials: partials) }
        return text
    }

    private mutating func piece(depth: Int, partials: Bool) -> String {
        let lead = chance(30) ? pick(["\n", "\n  ", "\n\t", "  "]) : ""
        let trail = chance(30) ? pick(["\n", " \n", "  "]) : ""
        switch random.next() % 10 {
        case 0, 1: return pick(Self.texts)
        case 2, 3: return lead + pick(Self.variableForms).replacingOccurrences(of: "%@", with: pick(Self.variables)) + trail
        case 4: return lead + "{{! note }}" + trail
        case 5 where depth < 3, 6 where depth < 3:
            let name = pick(Self.sections)
            let open = pick(["#", "^"])
            return lead + "{{\(open)\(name)}}" + pick(["", "\n"]) + template(depth: depth + 1, partials: partials)
                + pick(["", "\n", "\n  "]) + "{{/\(name)}}" + trail
        case 7 where partials: return lead + "{{> part}}" + trail
        case 8 where partials:
            return lead + "{{<parent}}" + pick(["", "\n"]) + "{{$block}}" + template(depth: 2, partials: false) + "{{/block}}"
                + pick(["", "\n", "\n  "]) + "{{/parent}}" + trail
        default: return pick(Self.texts)
        }
    }

    mutating func parent() -> String {
        template(depth: 2, partials: false) + pick(["", "\n", "  "]) + "{{$block}}" + template(depth: 2, partials: false) + "{{/block}}"
            + pick(["", "\n"]) + "{{$other}}o{{/other}}" + template(depth: 2, partials: false)
    }

    mutating func values() -> TemplateValue {
        let items: [TemplateValue] = (0..<Int(random.next() % 4)).map { index in
            ["name": .text(pick(["n\(index)", "<b>", ""])), "flag": .flag(chance(50))]
        }
        return [
            "text": .text(pick(["plain", "a & b", "<i>", "", "multi\nline\n"])),
            "text_html": .text(pick(["<b>bold</b>", "\n", ""])),
            "flag": true,
            "off": false,
            "num": .number(Int(random.next() % 5)),
            "zero": 0,
            "list": .list((0..<Int(random.next() % 4)).map { .text(pick(["x\($0)", "y'\($0)", "\n"])) }),
            "empty": [],
            "obj": ["text": .text(pick(["inner", "in\"ner"])), "list": ["p", "q"]],
            "items": .list(items),
        ]
    }
}
