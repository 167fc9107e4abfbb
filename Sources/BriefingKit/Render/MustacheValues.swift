import Mustache

// The forms `TemplateValue.mustacheValue` hands to swift-mustache. Its name lookup asks each object on the context
// stack `as? MustacheParent`, and renders a value through `as? MustacheCustomRenderable` before it falls back to
// `String(describing:)` and reflection: objects and texts that answer those casts skip the slow generic paths.
// Everything a template can observe stays as it was with `[String: Any]` and `String` values.

/// An object of a template's values: looked up by a scan over its few keys, which is cheaper than hashing the name.
final class MustacheObject: MustacheParent, MustacheTransformable, CustomStringConvertible, CustomDebugStringConvertible {
    private let keys: [String]
    private let values: [Any]

    init(_ fields: [String: TemplateValue]) {
        var keys: [String] = []
        var values: [Any] = []
        keys.reserveCapacity(fields.count)
        values.reserveCapacity(fields.count)
        for (key, value) in fields {
            keys.append(key)
            values.append(value.mustacheValue(isHTML: MustacheObject.isHTMLKey(key)))
        }
        self.keys = keys
        self.values = values
    }

    func child(named name: String) -> Any? {
        for index in keys.indices where keys[index] == name { return values[index] }
        return nil
    }

    /// The object as the dictionary it stands for: for the rare transforms (`count`, `empty`, `enumerated`,
    /// `sorted`) and for printing, which behave as they do on `[String: Any]`.
    private var dictionary: [String: Any] { Dictionary(uniqueKeysWithValues: zip(keys, values)) }

    func transform(_ name: String) -> Any? { dictionary.transform(name) }
    var description: String { dictionary.description }
    var debugDescription: String { dictionary.debugDescription }

    /// Whether a key names pre-rendered HTML (`*_html`), whose text is not escaped.
    static func isHTMLKey(_ key: String) -> Bool {
        // The last byte turns most keys away before the Unicode-aware comparison.
        key.utf8.last == UInt8(ascii: "l") && key.hasSuffix("_html")
    }
}

/// A text value, escaped already (or HTML): rendered as it is, and otherwise behaving as the `String` it holds
/// (its transforms, no children).
struct MustacheText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    let renderText: String
    var isNull: Bool { false }

    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { renderText.transform(name) }
    var description: String { renderText }
    var debugDescription: String { renderText.debugDescription }
}
