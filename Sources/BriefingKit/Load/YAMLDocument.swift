import Yams

/// Parses YAML text into a node tree whose positions are file positions, turning Yams errors into diagnostics.
enum YAMLDocument {
    /// - Parameters:
    ///   - firstLine: the file line on which `yaml` starts, added to every position.
    static func parse(_ yaml: String, path: String, firstLine: Int) throws(Diagnostic) -> YAMLNode? {
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return nil }
            // Aliases share nodes, so a few lines of YAML can stand for billions of values ("billion laughs").
            var budget = maximumNodes
            guard fits(node, within: &budget) else {
                throw Diagnostic.error(
                    at: SourceLocation(path: path, line: firstLine),
                    "YAML document expands to more than \(maximumNodes) values (through aliases?); refusing to read it"
                )
            }
            return YAMLNode(node: node, path: path, lineOffset: firstLine - 1, end: end(of: yaml))
        } catch let error as Diagnostic {
            throw error
        } catch let error as YamlError {
            throw diagnostic(for: error, path: path, lineOffset: firstLine - 1, text: yaml)
        } catch {
            throw .error(at: SourceLocation(path: path, line: firstLine), "YAML error: \(error)")
        }
    }

    /// Far more values than any front matter or claims file of a real briefing holds.
    static let maximumNodes = 1_000_000

    /// Counts nodes down from `budget`, stopping as soon as it runs out: never walks more than the budget.
    private static func fits(_ node: Node, within budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, within: &budget) || !fits(value, within: &budget) { return false }
        case .sequence(let sequence):
            for item in sequence where !fits(item, within: &budget) { return false }
        case .scalar, .alias:
            break
        }
        return true
    }

    /// The 1-based line and column just past the last character of `text`.
    private static func end(of text: String) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, (lines.last?.count ?? 0) + 1)
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            YAMLNode.location(line: mark.line, column: mark.column, path: path, lineOffset: lineOffset, end: end(of: text))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return .error(at: at(mark), "YAML syntax error: \(problem)\(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: at(context.mark), "duplicate key \(names)")
        case let .reader(problem, offset, _, _):
            return .error(at: SourceLocation(path: path, line: lineOffset + 1), "YAML error: \(problem) at byte \(offset ?? 0)")
        default:
            return .error(at: SourceLocation(path: path, line: lineOffset + 1), "YAML error: \(error)")
        }
    }
}

/// A YAML node that knows the file position of itself and its children, for diagnostics on wrong types.
struct YAMLNode: @unchecked Sendable {
    let node: Node
    let path: String
    let lineOffset: Int
    /// The end of the YAML text (line and column within it), where positions past it are moved.
    let end: (line: Int, column: Int)

    var location: SourceLocation {
        Self.location(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, path: path, lineOffset: lineOffset, end: end)
    }

    /// The file position of a libyaml mark (line and column in the YAML text). At the end of a text without a final
    /// line break, libyaml's marks stand on the line after the last, which is not in the file: they are moved to the
    /// end of the last line.
    static func location(line: Int, column: Int, path: String, lineOffset: Int, end: (line: Int, column: Int)) -> SourceLocation {
        guard line <= end.line else { return SourceLocation(path: path, line: end.line + lineOffset, column: end.column) }
        return SourceLocation(path: path, line: line + lineOffset, column: max(column, 1))
    }

    /// The scalar text, or nil for a mapping or sequence.
    var scalarText: String? { node.scalar?.string }

    /// True for `~`, `null` or an empty value.
    var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Entries of a mapping in file order, or nil if this is not a mapping.
    var mappingEntries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)]? {
        guard let mapping = node.mapping else { return nil }
        return mapping.map { pair in
            let key = YAMLNode(node: pair.key, path: path, lineOffset: lineOffset, end: end)
            return (pair.key.string ?? "", key.location, YAMLNode(node: pair.value, path: path, lineOffset: lineOffset, end: end))
        }
    }

    var sequenceItems: [YAMLNode]? {
        node.sequence.map { $0.map { YAMLNode(node: $0, path: path, lineOffset: lineOffset, end: end) } }
    }

    var kindName: String {
        switch node {
        case .scalar: "a text value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
