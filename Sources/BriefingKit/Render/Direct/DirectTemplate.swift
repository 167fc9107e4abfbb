/// A template parsed for `DirectRenderer`: the tokens swift-mustache's parser makes, over UTF-8 bytes.
///
/// Briefing renders its pages with a renderer of its own (see `DirectRenderer`), because swift-mustache spends about
/// 12,000 instructions on every `{{name}}` it looks up (dynamic casts of `Any` on every level of the context stack, a
/// `String` per token). swift-mustache still parses every template first, so its errors, with line and column, are
/// the ones users see; `DirectTemplateParser` then parses the same text again into these nodes.
enum DirectNode: Sendable {
    case text([UInt8])
    /// `{{name}}`, `{{{name}}}` and `{{&name}}`: alike, since every template renders as TEXT and values arrive escaped.
    case variable(DirectName)
    case section(DirectName, [DirectNode], inverted: Bool)
    /// `{{>name}}` (no overrides) and `{{<name}}…{{/name}}` (overrides, possibly none).
    case partial(String, indentation: [UInt8]?, overrides: [String: [DirectNode]]?)
    /// `{{$name}}default{{/name}}` in a parent template.
    case block(String, defaultNodes: [DirectNode], indentation: [UInt8])
    /// `{{$name}}…{{/name}}` at the top of a `{{<parent}}` section: collected into that partial's overrides.
    case blockDefinition(String, [DirectNode])
}

/// A name as a tag spells it, split once at parse time instead of on every lookup. A class, so that a node holding
/// one is copied with one reference count instead of one per array.
final class DirectName: Sendable {
    enum Scope: Sendable {
        /// `.`: the top of the context stack.
        case current
        /// `first()`, `index()` …: the position in the list being iterated.
        case sequence
        /// `.a.b`: looked up in the top of the stack only.
        case anchored
        /// `a.b`: `a` looked up down the stack, then `b` in it.
        case stack
    }

    let scope: Scope
    let components: [String]
    /// Whether each component is a `*_html` key, whose text is rendered unescaped.
    let componentIsHTML: [Bool]
    /// Transform names in the order they apply: `a(b(c))` applies `b`, then `a`.
    let transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms.reversed()
        var scope: Scope
        if name == "." {
            scope = .current
        } else if name.isEmpty, !transforms.isEmpty {
            scope = .sequence
        } else if name.first == "." {
            scope = .anchored
        } else {
            scope = .stack
        }
        let components = scope == .current || scope == .sequence ? [] : name.split(separator: ".").map(String.init)
        if scope == .stack || scope == .anchored, components.isEmpty { scope = .current }
        self.scope = scope
        self.components = components
        componentIsHTML = components.map(MustacheObject.isHTMLKey)
    }
}
