import Foundation

/// Turns a link found on a page into a path below the output folder.
struct LinkResolver {
    enum Target: Equatable {
        /// A file of the output, with the fragment when the link has one.
        case `internal`(path: String, fragment: String?)
        /// Elsewhere on the web (or a scheme such as `mailto:`): not checked.
        case external
        /// A relative link that climbs above the output's top folder.
        case outside
    }

    let baseURL: String?
    /// Every file of the output, to tell a folder (`notes/x/` → `notes/x/index.html`) from a file.
    let paths: Set<String>
    /// `base_url` without its scheme (`//example.org/briefing/`), and its path (`/briefing/`), worked out once.
    private let schemelessBaseURL: String
    private let basePath: String

    init(baseURL: String?, paths: Set<String>) {
        self.baseURL = baseURL
        self.paths = paths
        schemelessBaseURL = baseURL.map { base in base.firstIndex(of: ":").map { String(base[base.index(after: $0)...]) } ?? base } ?? ""
        basePath = baseURL.map(Self.path(ofAbsoluteURL:)) ?? "/"
    }

    func resolve(_ href: String, on page: String) -> Target {
        resolve(href, on: page, folder: Self.folder(of: page))
    }

    /// The folders of a page's path: `notes/x/index.html` → `["notes", "x"]`.
    static func folder(of page: String) -> [String] {
        page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// `resolve(_:on:)` with the page's folder worked out once, for a page with many links.
    func resolve(_ href: String, on page: String, folder: [String]) -> Target {
        let link = Self.trimmingWhiteSpace(href)
        if link.isEmpty { return .internal(path: page, fragment: nil) }
        if link.hasPrefix("#") { return .internal(path: page, fragment: Self.decode(String(link.dropFirst()))) }

        var fromRoot: String?
        if let baseURL {
            let schemeless = schemelessBaseURL
            if link.hasPrefix(baseURL) {
                fromRoot = String(link.dropFirst(baseURL.count))
            } else if link + "/" == baseURL {
                fromRoot = ""
            } else if link.hasPrefix("//") {
                guard link.hasPrefix(schemeless) else { return .external }
                fromRoot = String(link.dropFirst(schemeless.count))
            } else if Self.hasScheme(link) {
                return .external
            } else if link.hasPrefix("/") {
                // Root-relative: inside the site only below base_url's path.
                guard link.hasPrefix(basePath) else { return .external }
                fromRoot = String(link.dropFirst(basePath.count))
            }
        } else if link.hasPrefix("//") || Self.hasScheme(link) {
            return .external
        } else if link.hasPrefix("/") {
            // Without base_url the site is taken to be served from the host's top (as 404.html assumes).
            fromRoot = String(link.dropFirst())
        }

        var rest = fromRoot ?? link
        let ascii = Self.isASCII(rest)
        var fragment: String?
        if let hash = Self.firstIndex(of: "#", in: rest, ascii: ascii) {
            fragment = Self.decode(String(rest[rest.index(after: hash)...]))
            rest = String(rest[..<hash])
        }
        if let query = Self.firstIndex(of: "?", in: rest, ascii: ascii) { rest = String(rest[..<query]) }
        if rest.isEmpty, fromRoot == nil { return .internal(path: page, fragment: fragment) }

        var components: [String] = fromRoot == nil ? folder : []
        let parts = Self.parts(of: rest, ascii: ascii)
        for (position, part) in parts.enumerated() {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return .outside }
                components.removeLast()
            case "":
                // `a//b` or a trailing `/`: a trailing one means the folder's index page.
                if position == parts.count - 1 { components.append("index.html") }
            default:
                components.append(Self.decode(part))
            }
        }
        var path = components.joined(separator: "/")
        if !paths.contains(path), paths.contains(path + "/index.html") { path += "/index.html" }
        return .internal(path: path, fragment: fragment)
    }

    /// `https://example.org/briefing/` → `/briefing/`.
    static func path(ofAbsoluteURL url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "/" }
        let afterHost = url[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    /// Whether the link starts with a URL scheme (`https:`, `mailto:`): an ASCII letter, then letters, digits, `+`,
    /// `-` or `.` up to a colon. Checked on UTF-8, since every link of every page passes here.
    static func hasScheme(_ link: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        var bytes = link.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) else { return false }
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { return true }
            let allowed = isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !allowed { return false }
        }
        return false
    }

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// White space trimmed from both ends, without Foundation's detour through UTF-16 when there is none.
    static func trimmingWhiteSpace(_ text: String) -> String {
        // An ASCII byte that is not white space at each end settles it without breaking the text into Characters:
        // `Character.isWhitespace` looks at a Character's first scalar, and no white space joins an ASCII scalar.
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, !isASCIISpace(first), !isASCIISpace(last) {
            return text
        }
        guard let first = text.first, let last = text.last else { return text }
        guard first.isWhitespace || last.isWhitespace else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

    // Links are split Character by Character, as Swift strings are; for ASCII text (all but a rare few links)
    // Characters are bytes, except "\r\n", which holds no separator: the same answer, over UTF-8, many times faster.

    static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// `text.firstIndex(of: separator)`.
    static func firstIndex(of separator: Unicode.Scalar, in text: String, ascii: Bool) -> String.Index? {
        ascii ? text.utf8.firstIndex(of: UInt8(ascii: separator)) : text.firstIndex(of: Character(separator))
    }

    /// `text.split(separator: "/", omittingEmptySubsequences: false)`, as strings.
    static func parts(of text: String, ascii: Bool) -> [String] {
        guard ascii else { return text.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
        return text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
}
