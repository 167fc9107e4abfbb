/// What every page of one template depends on besides the content it shows: the site's settings, the build's
/// options, and the templates that can take part in rendering it.
///
/// A page template's own file counts only for its own pages (an edit to `note.mustache` re-renders note pages
/// only); every other template — the layout and the partials — counts for every page, and so does a page template
/// that another template includes.
enum PageInputBase {
    /// By page template name.
    static func fingerprints(theme: Theme, config: SiteConfig, search: Bool, includeDrafts: Bool) -> [String: UInt64] {
        var shared = StableHasher()
        shared.add(config.title)
        shared.add(config.description)
        shared.add(config.language)
        shared.add(config.baseURL)
        shared.add(config.unsafeHTML)
        shared.add(config.printDigest)
        shared.add(search)
        shared.add(includeDrafts)
        let texts = theme.templates.values.map(\.contents)
        // With other delimiters (`{{=<% %>=}}`) the includes cannot be read off: every template then counts for all.
        let changesDelimiters = texts.contains { $0.contains("{{=") }
        let included = includedNames(texts)
        for name in theme.templates.keys.sorted()
        where changesDelimiters || !PageTemplates.required.contains(name) || included.contains(name) {
            shared.add(name)
            shared.add(theme.templates[name]?.contents ?? "")
        }
        var bases: [String: UInt64] = [:]
        for name in PageTemplates.required {
            var hash = shared
            hash.add(name)
            hash.add(theme.templates[name]?.contents)
            bases[name] = hash.value
        }
        return bases
    }

    /// The names after `{{>` (partial) and `{{<` (parent) tags, with the spaces Mustache allows.
    static func includedNames(_ texts: [String]) -> Set<String> {
        var names: Set<String> = []
        for text in texts {
            var rest = Substring(text)
            while let tag = rest.range(of: "{{") {
                rest = rest[tag.upperBound...]
                guard let kind = rest.first, kind == ">" || kind == "<" else { continue }
                let afterKind = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
                let name = afterKind.prefix { $0 != "}" && $0 != " " && $0 != "\t" && $0 != "\n" }
                if !name.isEmpty { names.insert(String(name)) }
            }
        }
        return names
    }
}
