import Foundation

/// A value on `DirectRenderer`'s context stack, or one a tag resolves to: a page's `TemplateValue` as it is, or what
/// a transform made of one. Each case behaves as the value swift-mustache would hold there (see `TemplateValue
/// .mustacheValue`): its children, its truthiness, its transforms and how it prints.
enum DirectSlot {
    /// A value of the page; `isHTML` when it sits under a `*_html` key, so its text is shown unescaped.
    case value(TemplateValue, isHTML: Bool)
    /// Text a transform made (`uppercased(title)`), already in its final, escaped form.
    case text(String)
    case flag(Bool)
    case number(Int)
    /// A list a transform made (`reversed(list)`, `sorted(object)`).
    case list([DirectSlot])
    /// One `key`/`value` pair of `enumerated(object)` or `sorted(object)`.
    case entry(key: String, value: TemplateValue, isHTML: Bool)
    /// The position in the list being iterated, for `first()`, `last()`, `index()`, `even()`, `odd()`.
    case sequence(first: Bool, last: Bool, index: Int)

    /// The slot with a deferred value made (`DeferredValue`); every other slot as it is.
    var resolved: DirectSlot {
        if case .value(.deferred(let deferred), let isHTML) = self { return .value(deferred.value.resolved, isHTML: isHTML) }
        return self
    }

    /// The child `name`, as a lookup on swift-mustache's `MustacheParent` or Mirror finds it: objects have children,
    /// and so have the labelled pairs of `enumerated`; texts, flags, numbers and lists have none.
    func child(named name: String, isHTML: Bool) -> DirectSlot? {
        switch self {
        case .value(.object(let fields), _):
            return fields[name].map { .value($0, isHTML: isHTML) }
        case .entry(let key, let value, let valueIsHTML):
            if name == "key" { return .text(key) }
            if name == "value" { return .value(value, isHTML: valueIsHTML) }
            return nil
        default:
            return nil
        }
    }

    /// How many items this has when it is a list, which a section iterates; nil for anything else.
    var itemCount: Int? {
        switch self {
        case .value(.list(let values), _): values.count
        case .list(let slots): slots.count
        default: nil
        }
    }

    /// Item `index` of a list (`itemCount`), taken one at a time rather than copying the list into slots.
    func item(_ index: Int) -> DirectSlot {
        switch self {
        case .value(.list(let values), let isHTML): .value(values[index], isHTML: isHTML)
        case .list(let slots): slots[index]
        default: self
        }
    }

    /// The flag when this is one, which a section tests instead of pushing.
    var flag: Bool? {
        switch self {
        case .value(.flag(let flag), _), .flag(let flag): flag
        default: nil
        }
    }

    /// The value after the transform `name`, or nil where swift-mustache's transform gives nil (which hides the tag).
    func transformed(_ name: String) -> DirectSlot? {
        switch self {
        case .value(.text(let text), let isHTML):
            return Self.transform(isHTML ? text : HTML.escape(text), name)
        case .text(let text):
            return Self.transform(text, name)
        case .value(.number(let number), _), .number(let number):
            return Self.transform(number, name)
        case .value(.list, _), .list:
            let count = itemCount ?? 0
            switch name {
            case "first": return count > 0 ? item(0) : nil
            case "last": return count > 0 ? item(count - 1) : nil
            case "reversed": return .list((0..<count).reversed().map(item))
            case "count": return .number(count)
            case "empty": return .flag(count == 0)
            default: return nil
            }
        case .value(.object(let fields), _):
            switch name {
            case "count": return .number(fields.count)
            case "empty": return .flag(fields.isEmpty)
            // swift-mustache lists a dictionary's pairs in hash order, which changes from run to run; sorted here.
            case "enumerated", "sorted":
                return .list(fields.keys.sorted().map { key in
                    .entry(key: key, value: fields[key] ?? .flag(false), isHTML: MustacheObject.isHTMLKey(key))
                })
            default: return nil
            }
        case .sequence(let first, let last, let index):
            switch name {
            case "first": return .flag(first)
            case "last": return .flag(last)
            case "index": return .number(index)
            case "even": return .flag(index & 1 == 0)
            case "odd": return .flag(index & 1 == 1)
            default: return nil
            }
        case .value(.flag, _), .flag, .entry:
            return nil
        case .value(.deferred, _):
            return resolved.transformed(name)
        }
    }

    private static func transform(_ text: String, _ name: String) -> DirectSlot? {
        switch name {
        case "empty": .flag(text.isEmpty)
        case "capitalized": .text(text.capitalized)
        case "lowercased": .text(text.lowercased())
        case "uppercased": .text(text.uppercased())
        case "reversed": .text(String(text.reversed()))
        default: nil
        }
    }

    private static func transform(_ number: Int, _ name: String) -> DirectSlot? {
        switch name {
        case "equalzero": .flag(number == 0)
        case "plusone": .number(number + 1)
        case "minusone": .number(number - 1)
        case "even": .flag(number & 1 == 0)
        case "odd": .flag(number & 1 == 1)
        default: nil
        }
    }

    /// How `{{name}}` shows the value: texts as they are (escaped unless HTML), flags and numbers as Swift prints
    /// them, and lists and objects in the debugging form swift-mustache prints for them.
    func write(to output: inout [UInt8]) {
        switch self {
        case .value(.text(let text), let isHTML):
            if isHTML { output += text.utf8 } else { HTML.appendEscaped(text, to: &output) }
        case .text(let text):
            output += text.utf8
        case .value(.flag(let flag), _), .flag(let flag):
            output += (flag ? "true" : "false").utf8
        case .value(.number(let number), _), .number(let number):
            output += String(number).utf8
        case .value(.deferred, _):
            resolved.write(to: &output)
        case .value(let value, let isHTML):
            output += String(describing: value.mustacheValue(isHTML: isHTML)).utf8
        case .list(let slots):
            output += String(describing: slots.map(\.mustacheValue)).utf8
        case .entry, .sequence:
            output += String(describing: mustacheValue).utf8
        }
    }

    /// The value as swift-mustache would hold it, for the debugging form of lists and pairs.
    private var mustacheValue: Any {
        switch self {
        case .value(let value, let isHTML): value.mustacheValue(isHTML: isHTML)
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let slots): slots.map(\.mustacheValue)
        case .entry(let key, let value, let isHTML): (key: key, value: value.mustacheValue(isHTML: isHTML))
        case .sequence(let first, let last, let index): (first: first, last: last, index: index)
        }
    }
}
