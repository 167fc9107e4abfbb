/// A value handed to a template: already formatted text, flags, lists and objects. Sendable, so pages can be
/// built and rendered on any thread. `DirectRenderer` renders these values as they are; for a theme it cannot render,
/// they are turned into swift-mustache's dictionaries and arrays at render time (`mustacheValue`).
///
/// Keys whose value is pre-rendered HTML end in `_html`; the theme check allows unescaped `{{{…}}}` for those only.
public indirect enum TemplateValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A value made when a template first reaches it (see `DeferredValue`).
    case deferred(DeferredValue)

    /// For a theme rendered by swift-mustache: the form it reads fastest, `MustacheText`, `Bool`, `Int`, `[Any]`,
    /// `MustacheObject` (Render/MustacheValues.swift), which render as `String`, `[Any]` and `[String: Any]` would.
    ///
    /// Text is HTML-escaped here, except the values of `*_html` keys, which are HTML already; the theme's templates
    /// render with Mustache's TEXT content type (see `Theme.load`), so `{{x}}` shows the escaped text as it is. That
    /// escapes each value once, over UTF-8, instead of in swift-mustache Character by Character on every use.
    var mustacheValue: Any { mustacheValue(isHTML: false) }

    func mustacheValue(isHTML: Bool) -> Any {
        switch self {
        case .text(let text): MustacheText(renderText: isHTML ? text : HTML.escape(text))
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let items): items.map { $0.mustacheValue(isHTML: isHTML) }
        case .object(let fields): MustacheObject(fields)
        case .deferred(let deferred): deferred.value.mustacheValue(isHTML: isHTML)
        }
    }

    /// `make()` now, or, when `deferred`, a `DeferredValue` that makes it when a template reaches it.
    static func made(deferred: Bool, keepingValue: Bool = false, _ make: @escaping () -> TemplateValue) -> TemplateValue {
        deferred ? .deferred(DeferredValue(keepingValue: keepingValue, make)) : make()
    }

    /// The value itself, a deferred one made now.
    var resolved: TemplateValue {
        var value = self
        while case .deferred(let deferred) = value { value = deferred.value }
        return value
    }
}

/// A value made only when a template reaches it, so that a page too large to hold (the printable digest) holds
/// each note's body only while it is rendered: `DirectRenderer` makes the items of a list one at a time, as its
/// section reaches them, and lets each go once rendered.
///
/// Making the value may have effects the page depends on (the printable digest numbers its footnotes as it goes),
/// so a page with deferred values is rendered once, by `DirectRenderer`, with templates known to reach each such
/// value once and in page order (`PageBuilder.deferPrintDigest`).
public final class DeferredValue: @unchecked Sendable, Hashable {
    private let make: () -> TemplateValue
    private let keepsValue: Bool
    private var kept: TemplateValue?

    /// - Parameter keepingValue: keep the value once made, for a value a template reaches more than once.
    init(keepingValue: Bool = false, _ make: @escaping () -> TemplateValue) {
        self.make = make
        keepsValue = keepingValue
    }

    var value: TemplateValue {
        if let kept { return kept }
        let value = make()
        if keepsValue { kept = value }
        return value
    }

    public static func == (left: DeferredValue, right: DeferredValue) -> Bool { left === right }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension Optional where Wrapped == String {
    /// An absent optional becomes `false`, so a `{{#field}}` section is skipped and the key is still present.
    var templateValue: TemplateValue { map(TemplateValue.text) ?? .flag(false) }
}

/// One page to write: where, with which template, from which values.
public struct Page: Sendable {
    /// Path below the output folder, e.g. `notes/x/index.html`.
    public var path: String
    public var template: String
    public var context: TemplateValue
}
