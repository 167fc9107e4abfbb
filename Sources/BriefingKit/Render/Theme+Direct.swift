/// How the theme's templates are rendered: by `DirectRenderer` when every template can be, and what that allows.
extension Theme {
    /// Whether the printable digest may be built with deferred parts (`PageBuilder.deferPrintDigest`): it renders
    /// with `DirectRenderer`, and `print` and every template it draws on are the built-in ones, which are known to
    /// reach each note, claim and footnote list once and in page order (`DeferredPrintDigestTests` compares both ways).
    var rendersPrintDigestInPageOrder: Bool {
        guard let directTemplates else { return false }
        var pending = ["print"]
        var seen: Set<String> = []
        while let name = pending.popLast() {
            guard seen.insert(name).inserted else { continue }
            guard let file = templates[name], let nodes = directTemplates[name],
                  file.contents == DefaultTheme.files["\(name).mustache"]
            else { return false }
            pending += Self.partials(in: nodes)
        }
        return true
    }

    /// The partials and parents `nodes` name, at any depth.
    private static func partials(in nodes: [DirectNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .partial(let name, _, let overrides): [name] + (overrides ?? [:]).values.flatMap(partials(in:))
            case .section(_, let inner, _), .block(_, let inner, _), .blockDefinition(_, let inner): partials(in: inner)
            case .text, .variable: []
            }
        }
    }

    /// Every template parsed for `DirectRenderer`, or nil if any cannot be.
    static func directTemplates(_ templates: [String: File]) -> [String: [DirectNode]]? {
        var parsed: [String: [DirectNode]] = [:]
        for (name, file) in templates {
            guard let nodes = try? DirectTemplateParser.parse(textContentType + file.contents) else { return nil }
            parsed[name] = nodes
        }
        return parsed
    }
}
