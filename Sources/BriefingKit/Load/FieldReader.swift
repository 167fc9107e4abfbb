import Foundation

/// Reads typed fields from a YAML mapping, recording a positioned diagnostic for every missing, mistyped or
/// unknown field instead of stopping at the first.
struct FieldReader {
    private let entries: [String: (keyLocation: SourceLocation, value: YAMLNode)]
    /// Where to point when a required field is missing: the mapping itself.
    let location: SourceLocation
    private(set) var log = DiagnosticLog()
    private var readKeys: Set<String> = []
    private let order: [String]

    /// Fails (with a diagnostic in `log`) when `node` is not a mapping.
    init(_ node: YAMLNode, what: String) throws(Diagnostic) {
        guard let entries = node.mappingEntries else {
            throw .error(at: node.location, "\(what) must be a mapping of fields, found \(node.kindName)")
        }
        var byKey: [String: (SourceLocation, YAMLNode)] = [:]
        for entry in entries { byKey[entry.key] = (entry.keyLocation, entry.value) }
        self.entries = byKey
        self.order = entries.map(\.key)
        self.location = node.location
    }

    /// An empty reader for a file without front matter, so that required fields are reported as missing.
    init(emptyAt location: SourceLocation) {
        self.entries = [:]
        self.order = []
        self.location = location
    }

    private mutating func value(_ key: String) -> YAMLNode? {
        readKeys.insert(key)
        guard let value = entries[key]?.value, !value.isNull else { return nil }
        return value
    }

    func keyLocation(_ key: String) -> SourceLocation? { entries[key]?.keyLocation }

    /// Where a field's value stands (nil when the field is absent).
    func valueLocation(_ key: String) -> SourceLocation? { entries[key]?.value.location }

    fileprivate mutating func logAt(_ key: String, _ message: String) {
        log.error(entries[key]?.value.location ?? location, message)
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { log.error(location, "missing required field '\(key)'") }
            return nil
        }
        guard let text = node.scalarText else {
            log.error(node.location, "'\(key)' must be text, found \(node.kindName)")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty {
            log.error(node.location, "'\(key)' must not be empty")
            return nil
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A list of text values; a single text value is read as a list of one.
    mutating func stringList(_ key: String) -> [Located<String>] {
        guard let node = value(key) else { return [] }
        if let text = node.scalarText { return [Located(text, at: node.location)] }
        guard let items = node.sequenceItems else {
            log.error(node.location, "'\(key)' must be a list of text values, found \(node.kindName)")
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalarText, !item.isNull else {
                log.error(item.location, "each entry of '\(key)' must be text, found \(item.isNull ? "an empty value" : item.kindName)")
                return nil
            }
            return Located(text, at: item.location)
        }
    }

    mutating func date(_ key: String, required: Bool = false) -> ContentDate? {
        guard let node = value(key) else {
            if required { log.error(location, "missing required field '\(key)'") }
            return nil
        }
        guard let text = node.scalarText, let date = ContentDate(parsing: text) else {
            log.error(node.location, "'\(key)' must be a date (YYYY-MM-DD) or an ISO 8601 date-time, found '\(node.scalarText ?? node.kindName)'")
            return nil
        }
        return date
    }

    mutating func number(_ key: String) -> Double? {
        guard let node = value(key) else { return nil }
        guard let text = node.scalarText, let number = Double(text.replacingOccurrences(of: "_", with: "")), number.isFinite else {
            log.error(node.location, "'\(key)' must be a number, found '\(node.scalarText ?? node.kindName)'")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(node.location, "'\(key)' must be true or false, found '\(node.scalarText ?? node.kindName)'")
            return nil
        }
    }

    /// The raw node of a field, for structured values such as a claim's sources.
    mutating func node(_ key: String) -> YAMLNode? { value(key) }

    /// Warns about every field that no reader asked for: usually a typo such as `titel`.
    mutating func warnAboutUnknownFields(known: [String]) {
        for key in order where !readKeys.contains(key) && !known.contains(key) {
            if let location = entries[key]?.keyLocation {
                log.warning(location, "unknown field '\(key)' is ignored")
            }
        }
    }
}

/// A value with the position it was read from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension FieldReader {
    /// Records an error at a field's value (or at the mapping when the field is absent).
    mutating func logError(at key: String, _ message: String) {
        logAt(key, message)
    }
}
