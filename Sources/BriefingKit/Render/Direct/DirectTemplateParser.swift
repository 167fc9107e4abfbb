/// Parses a template into `DirectNode`s exactly as swift-mustache 2.1.1 parses it into tokens (its
/// `Template+Parser.swift`, step by step, standalone lines and partial indentation included), but over UTF-8 bytes.
///
/// Bytes stand for Characters only in templates where every Character is one Unicode scalar and the only whitespace
/// is space, tab and `\n` (`isEligible`); other templates, and set-delimiter tags, other content types and dynamic
/// partials, throw `Unsupported`, and the theme renders with swift-mustache instead. Templates here have already
/// parsed without error in swift-mustache; a failure here also means "use swift-mustache".
struct DirectTemplateParser {
    struct Unsupported: Error {}

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let bytes: [UInt8]
    private var position = 0

    /// Parses a whole template.
    static func parse(_ text: String) throws -> [DirectNode] {
        guard isEligible(text) else { throw Unsupported() }
        var parser = DirectTemplateParser(bytes: Array(text.utf8))
        return try parser.parse(State())
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Whether byte positions can stand for swift-mustache's Character positions: every Character is one scalar, and
    /// no scalar is a newline or whitespace other than `\n`, space and tab.
    static func isEligible(_ text: String) -> Bool {
        guard text.count == text.unicodeScalars.count else { return false }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", " ", "\t": continue
            case "\r", "\u{0B}", "\u{0C}": return false
            default:
                if scalar.value >= 0x80, Character(scalar).isWhitespace || Character(scalar).isNewline { return false }
            }
        }
        return true
    }

    // MARK: - The template grammar, as swift-mustache's `parse(_:state:)`

    private mutating func parse(_ initial: State) throws -> [DirectNode] {
        var nodes: [DirectNode] = []
        var state = initial
        var whiteSpaceBefore: ArraySlice<UInt8> = []
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(whileSpaceOrTab: ())
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent)
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline()
            if current == newline {
                nodes.append(.text(Array(whiteSpaceBefore) + text + [newline]))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(whiteSpaceBefore) + text))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let (name, transforms) = try parseName()
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(Array(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                let inner = try parse(state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(DirectName(name, transforms: transforms), inner, inverted: inverted))

            case UInt8(ascii: "/"):
                position += 1
                let (name, transforms) = try parseName()
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw Unsupported() }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(Array(whiteSpaceBefore)))
                }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = current == UInt8(ascii: "{")
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(Array(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                position += 1
                let (name, transforms) = try parseName()
                if triple {
                    guard current == UInt8(ascii: "}") else { throw Unsupported() }
                    position += 1
                }
                nodes.append(.variable(DirectName(name, transforms: transforms)))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                guard current != UInt8(ascii: "*") else { throw Unsupported() }
                let name = try parsePartialName()
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore))) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: Array(whiteSpaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = []

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let name = try parsePartialName()
                guard name.first != "*" else { throw Unsupported() }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore))) }
                if isStandalone(state) { setNewLine = true }
                var overrides: [String: [DirectNode]] = [:]
                for node in try parse(state.withInheritancePartial(name)) {
                    switch node {
                    case .blockDefinition(let block, let blockNodes): overrides[block] = blockNodes
                    case .text: continue
                    default: throw Unsupported()
                    }
                }
                nodes.append(.partial(name, indentation: Array(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let (name, transforms) = try parseName()
                guard transforms.isEmpty else { throw Unsupported() }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, inner))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name, defaultNodes: inner, indentation: Array(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }

            case UInt8(ascii: "%"):
                position += 1
                try readTextContentType()
                setNewLine = isStandalone(state)

            case UInt8(ascii: "="):
                throw Unsupported()

            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(Array(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
                let (name, transforms) = try parseName()
                nodes.append(.variable(DirectName(name, transforms: transforms)))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    // MARK: - Reading

    private let newline = UInt8(ascii: "\n")
    private let openBrace = UInt8(ascii: "{")
    private let closeBrace = UInt8(ascii: "}")

    private var reachedEnd: Bool { position == bytes.count }
    /// The byte at the position, or 0 at the end (swift-mustache's `current()` gives `"\0"` there).
    private var current: UInt8 { reachedEnd ? 0 : bytes[position] }

    private mutating func read(whileSpaceOrTab: Void) -> ArraySlice<UInt8> {
        let start = position
        while !reachedEnd, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") { position += 1 }
        return bytes[start..<position]
    }

    /// Skips Character `isWhitespace` (space, tab and newline in an eligible template).
    private mutating func skipWhitespace() {
        while !reachedEnd, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") || bytes[position] == newline {
            position += 1
        }
    }

    /// Text up to a newline (not consumed) or an opening `{{` (consumed).
    private mutating func readUntilDelimiterOrNewline() throws -> [UInt8] {
        var text: [UInt8] = []
        while !reachedEnd {
            let start = position
            while !reachedEnd, bytes[position] != newline, bytes[position] != openBrace { position += 1 }
            text += bytes[start..<position]
            if reachedEnd || current == newline { break }
            // At a `{`: swift-mustache reads two Characters here and fails when only one is left.
            guard position + 2 <= bytes.count else { throw Unsupported() }
            if bytes[position + 1] == openBrace {
                position += 2
                break
            }
            text.append(openBrace)
            position += 1
        }
        return text
    }

    private mutating func readEndDelimiter() throws {
        guard position + 2 <= bytes.count, bytes[position] == closeBrace, bytes[position + 1] == closeBrace else { throw Unsupported() }
        position += 2
    }

    /// The line ends here (spaces and tabs, then a newline, which is consumed), or the template does.
    private mutating func hasLineFinished() -> Bool {
        if reachedEnd { return true }
        var probe = position
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
        if probe < bytes.count, bytes[probe] == newline {
            position = probe + 1
            return true
        }
        return false
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && hasLineFinished()
    }

    private static func isNameByte(_ byte: UInt8, brackets: Bool, slash: Bool = false) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        case UInt8(ascii: "("), UInt8(ascii: ")"): brackets
        case UInt8(ascii: "/"): slash
        default: false
        }
    }

    private mutating func read(whileName brackets: Bool, slash: Bool = false) -> String {
        let start = position
        while !reachedEnd, Self.isNameByte(bytes[position], brackets: brackets, slash: slash) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// A tag's name and its transforms: `a(b(c))` gives `c` and `[a, b]`.
    private mutating func parseName() throws -> (String, [String]) {
        skipWhitespace()
        let text = Array(read(whileName: true).utf8)
        skipWhitespace()
        try readEndDelimiter()
        var index = 0
        func readPlainName() -> String {
            let start = index
            while index < text.count, Self.isNameByte(text[index], brackets: false) { index += 1 }
            return String(decoding: text[start..<index], as: UTF8.self)
        }
        let first = readPlainName()
        if index == text.count { return (String(decoding: text, as: UTF8.self), []) }
        guard text[index] == UInt8(ascii: "(") else { throw Unsupported() }
        index += 1
        var transforms = [first]
        while true {
            let name = readPlainName()
            guard index < text.count else { throw Unsupported() }
            if text[index] == UInt8(ascii: ")") {
                index += 1
                var closing = 0
                while index < text.count, text[index] == UInt8(ascii: ")") {
                    closing += 1
                    index += 1
                }
                guard closing + 1 == transforms.count, index == text.count else { throw Unsupported() }
                return (name, transforms)
            }
            guard text[index] == UInt8(ascii: "(") else { throw Unsupported() }
            index += 1
            transforms.append(name)
        }
    }

    private mutating func parsePartialName() throws -> String {
        skipWhitespace()
        let name = read(whileName: true, slash: true)
        skipWhitespace()
        try readEndDelimiter()
        return name
    }

    /// Up to and past the first `}}`.
    private mutating func skipComment() throws {
        while position + 1 < bytes.count {
            if bytes[position] == closeBrace, bytes[position + 1] == closeBrace {
                position += 2
                return
            }
            position += 1
        }
        throw Unsupported()
    }

    /// `{{%CONTENT_TYPE:TEXT}}`, the only pragma this renderer takes (the one `Theme` puts before every template).
    private mutating func readTextContentType() throws {
        skipWhitespace()
        let variable = read(whileName: false)
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw Unsupported() }
        position += 1
        skipWhitespace()
        let value = read(whileName: false)
        skipWhitespace()
        try readEndDelimiter()
        guard variable == "CONTENT_TYPE", value == "TEXT" else { throw Unsupported() }
    }
}
