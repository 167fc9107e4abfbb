import Foundation

/// Checks, before anything is written, that every internal link of the output leads somewhere: each `href` and
/// `src` of every HTML file must name a file of the output, and each `#fragment` an element of the target page.
///
/// Links with a scheme (`https:`, `mailto:` …) are external and not followed (there is no network at build time),
/// except those that start with the site's `base_url`: they are read as paths inside the output and checked too.
/// A broken link is an error at the Markdown `file:line:column` it came from when it can be traced back to a note,
/// topic or source body, and otherwise at the `line:column` of the generated page.
enum LinkChecker {
    /// One link that leads nowhere.
    struct BrokenLink: Hashable, Sendable {
        /// The page it is on, below the output folder.
        var page: String
        /// The link as written in the page (entities decoded).
        var href: String
        var line: Int
        var column: Int
        /// Why it is broken, e.g. "there is no notes/x/index.html in the output".
        var reason: String
    }

    /// Checks every HTML file of `files` and logs an error for each broken link.
    /// - Parameter outputPath: the output folder as shown to the user, e.g. `Output`.
    static func check(_ files: [(path: String, contents: Data)], index: SiteIndex, outputPath: String, log: inout DiagnosticLog) {
        let broken = brokenLinks(in: files, baseURL: index.config.baseURL)
        guard !broken.isEmpty else { return }
        let sources = ContentOrigins(index: index)
        var seen: [String: Int] = [:]
        var cache: [String: [SourceLocation]] = [:]
        for link in broken {
            let pageDisplay = outputPath.hasSuffix("/") ? outputPath + link.page : outputPath + "/" + link.page
            let key = ContentOrigins.searchKey(link.href)
            let occurrence = seen["\(link.page)\u{0}\(key)", default: 0]
            seen["\(link.page)\u{0}\(key)"] = occurrence + 1
            if let origin = sources.locate(key, onPage: link.page, occurrence: occurrence, cache: &cache) {
                log.error(origin, "broken link to '\(link.href)' on \(pageDisplay): \(link.reason)")
            } else {
                log.error(SourceLocation(path: pageDisplay, line: link.line, column: link.column), "broken link to '\(link.href)': \(link.reason)")
            }
        }
    }

    /// Every broken internal link of the HTML files among `files`, page by page in path order.
    static func brokenLinks(in files: [(path: String, contents: Data)], baseURL: String?) -> [BrokenLink] {
        let paths = Set(files.map(\.path))
        var scans: [String: HTMLScanner.Scan] = [:]
        for file in files where file.path.hasSuffix(".html") {
            scans[file.path] = HTMLScanner.scan([UInt8](file.contents))
        }
        let resolver = LinkResolver(baseURL: baseURL, paths: paths)
        var broken: [BrokenLink] = []
        for page in scans.keys.sorted() {
            guard let scan = scans[page] else { continue }
            for link in scan.links {
                var reason: String?
                switch resolver.resolve(link.value, on: page) {
                case .external:
                    break
                case .outside:
                    reason = "it leads outside the output folder"
                case .internal(let target, let fragment):
                    if !paths.contains(target) {
                        reason = "there is no \(target) in the output"
                    } else if let fragment, !fragment.isEmpty, fragment.lowercased() != "top", let targetScan = scans[target],
                              !targetScan.ids.contains(fragment) {
                        reason = "\(target) has no element with id '\(fragment)'"
                    }
                }
                if let reason {
                    broken.append(BrokenLink(page: page, href: link.value, line: link.line, column: link.column, reason: reason))
                }
            }
        }
        return broken
    }
}

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

    func resolve(_ href: String, on page: String) -> Target {
        let link = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if link.isEmpty { return .internal(path: page, fragment: nil) }
        if link.hasPrefix("#") { return .internal(path: page, fragment: Self.decode(String(link.dropFirst()))) }

        var fromRoot: String?
        if let baseURL {
            let schemeless = baseURL.firstIndex(of: ":").map { String(baseURL[baseURL.index(after: $0)...]) } ?? baseURL
            let basePath = Self.path(ofAbsoluteURL: baseURL)
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
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = Self.decode(String(rest[rest.index(after: hash)...]))
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        if rest.isEmpty, fromRoot == nil { return .internal(path: page, fragment: fragment) }

        var components: [String] = fromRoot == nil ? page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init) : []
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
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

    static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":"), let first = link.first, first.isASCII, first.isLetter else { return false }
        return link[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    static func decode(_ text: String) -> String { text.removingPercentEncoding ?? text }
}

/// Traces a link back to the Markdown it came from: the bodies that a page shows, searched for the link's text.
private struct ContentOrigins {
    let bodiesByPage: [String: [MarkdownText]]

    init(index: SiteIndex) {
        var bodies: [String: [MarkdownText]] = [:]
        var printed: [MarkdownText] = []
        for topic in index.topics {
            guard let body = topic.body else { continue }
            bodies[SitePaths.topic(topic.slug)] = [body]
            printed.append(body)
        }
        for note in index.notes {
            bodies[SitePaths.note(note.slug)] = [note.body]
            printed.append(note.body)
        }
        for source in index.sources {
            if let body = source.body { bodies[SitePaths.source(source.id)] = [body] }
        }
        bodies[SitePaths.printDigest] = printed
        bodiesByPage = bodies
    }

    /// The part of a link that stands as written in Markdown, whatever page it was rebased to: without leading
    /// `./` and `../` (the printable digest rewrites a body's relative links for its own folder).
    static func searchKey(_ href: String) -> String {
        var key = Substring(href.trimmingCharacters(in: .whitespaces))
        while true {
            if key.hasPrefix("../") { key = key.dropFirst(3) } else if key.hasPrefix("./") { key = key.dropFirst(2) } else { break }
        }
        return String(key)
    }

    /// Where the `occurrence`-th (0-based) appearance of `key` stands in the bodies shown on `page`, if anywhere.
    func locate(_ key: String, onPage page: String, occurrence: Int, cache: inout [String: [SourceLocation]]) -> SourceLocation? {
        let cacheKey = "\(page)\u{0}\(key)"
        let found = cache[cacheKey] ?? occurrences(of: key, onPage: page)
        cache[cacheKey] = found
        guard !found.isEmpty else { return nil }
        return found[min(occurrence, found.count - 1)]
    }

    private func occurrences(of key: String, onPage page: String) -> [SourceLocation] {
        guard !key.isEmpty, let bodies = bodiesByPage[page] else { return [] }
        var found: [SourceLocation] = []
        for body in bodies {
            var lineNumber = body.firstLine
            for line in body.text.split(separator: "\n", omittingEmptySubsequences: false) {
                var searchStart = line.startIndex
                while let range = line[searchStart...].range(of: key) {
                    // Point at the link as written, with the `../` the key left out.
                    var start = range.lowerBound
                    while true {
                        let before = line[..<start]
                        if before.hasSuffix("../") { start = line.index(start, offsetBy: -3) } else if before.hasSuffix("./") { start = line.index(start, offsetBy: -2) } else { break }
                    }
                    found.append(SourceLocation(path: body.path, line: lineNumber, column: line.distance(from: line.startIndex, to: start) + 1))
                    searchStart = range.upperBound
                }
                lineNumber += 1
            }
        }
        return found
    }
}

/// A small scanner for the HTML the build writes: tags and their attributes, with positions. It is not a full HTML
/// parser, but it knows comments, quoted and unquoted attribute values, character references and raw-text elements
/// (`<script>`, `<style>`), which is all that finding links and ids needs.
enum HTMLScanner {
    struct Attribute {
        /// The tag's name, lowercased.
        var element: String
        /// The attribute's name, lowercased.
        var name: String
        /// The value with character references decoded.
        var value: String
        /// Where the value's text stands, as byte offsets into the scanned HTML.
        var range: Range<Int>
        var line: Int
        var column: Int
    }

    struct Scan {
        /// `href` and `src` attributes.
        var links: [Attribute] = []
        /// Every `id`, and the `name` of each `<a>`.
        var ids: Set<String> = []
    }

    static func scan(_ html: [UInt8]) -> Scan {
        var scan = Scan()
        forEachAttribute(html) { attribute in
            switch attribute.name {
            case "href", "src": scan.links.append(attribute)
            case "id": scan.ids.insert(attribute.value)
            case "name" where attribute.element == "a": scan.ids.insert(attribute.value)
            default: break
            }
        }
        return scan
    }

    /// Rewrites the relative `href` and `src` links of an HTML fragment written for the page at `from` so that they
    /// lead to the same files from the page at `to`. Fragment-only, absolute and root-relative links stay as they are,
    /// and so do links that climb above the output's top folder (the link check reports those).
    static func rebaseLinks(_ html: String, from: String, to: String) -> String {
        guard from != to, html.contains("href=") || html.contains("src=") else { return html }
        let bytes = [UInt8](html.utf8)
        var replacements: [(Range<Int>, String)] = []
        forEachAttribute(bytes) { attribute in
            guard attribute.name == "href" || attribute.name == "src" else { return }
            let link = attribute.value
            guard !link.isEmpty, !link.hasPrefix("#"), !link.hasPrefix("/"), !LinkResolver.hasScheme(link) else { return }
            var components = from.split(separator: "/").dropLast().map(String.init)
            var rest = Substring(link)
            var suffix = ""
            if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                suffix = String(rest[cut...])
                rest = rest[..<cut]
            }
            for part in rest.split(separator: "/", omittingEmptySubsequences: false) {
                switch part {
                case ".": continue
                case "..":
                    guard !components.isEmpty else { return }
                    components.removeLast()
                default: components.append(String(part))
                }
            }
            let rebased = SitePaths.root(from: to) + components.joined(separator: "/") + suffix
            replacements.append((attribute.range, HTML.escape(rebased)))
        }
        guard !replacements.isEmpty else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + replacements.count * 8)
        var position = 0
        for (range, text) in replacements {
            output += bytes[position..<range.lowerBound]
            output += Array(text.utf8)
            position = range.upperBound
        }
        output += bytes[position...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Calls `body` with every attribute of every start tag, in document order.
    static func forEachAttribute(_ html: [UInt8], _ body: (Attribute) -> Void) {
        let count = html.count
        // Attributes come in document order, so positions are tracked forward from the last one: linear, even on a
        // page whose one long line holds thousands of footnote markers.
        var tracked = (offset: 0, line: 1, column: 1)
        func position(_ offset: Int) -> (line: Int, column: Int) {
            var (line, column) = (tracked.line, tracked.column)
            for byte in html[tracked.offset..<offset] {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    // Columns count characters (not UTF-8 continuation bytes).
                    column += 1
                }
            }
            tracked = (offset, line, column)
            return (line, column)
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func find(_ needle: String, from start: Int) -> Int? {
            let pattern = Array(needle.utf8)
            guard pattern.count <= count else { return nil }
            var index = start
            while index + pattern.count <= count {
                if html[index] == pattern[0], Array(html[index..<(index + pattern.count)]) == pattern { return index }
                index += 1
            }
            return nil
        }
        func lowered(_ range: Range<Int>) -> String {
            String(decoding: html[range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }

        var index = 0
        while index < count {
            guard html[index] == UInt8(ascii: "<"), index + 1 < count else { index += 1; continue }
            let next = html[index + 1]
            if next == UInt8(ascii: "!") {
                if index + 3 < count, html[index + 2] == UInt8(ascii: "-"), html[index + 3] == UInt8(ascii: "-") {
                    index = (find("-->", from: index + 4) ?? count - 3) + 3
                } else {
                    index = (find(">", from: index + 2) ?? count - 1) + 1
                }
                continue
            }
            if next == UInt8(ascii: "/") || next == UInt8(ascii: "?") {
                index = (find(">", from: index + 2) ?? count - 1) + 1
                continue
            }
            let isLetter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
            guard isLetter else { index += 1; continue }
            var cursor = index + 1
            while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">"), html[cursor] != UInt8(ascii: "/") { cursor += 1 }
            let element = lowered((index + 1)..<cursor)
            // Attributes, up to the end of the tag.
            while cursor < count, html[cursor] != UInt8(ascii: ">") {
                if isSpace(html[cursor]) || html[cursor] == UInt8(ascii: "/") { cursor += 1; continue }
                let nameStart = cursor
                while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: "="), html[cursor] != UInt8(ascii: ">"),
                      html[cursor] != UInt8(ascii: "/") { cursor += 1 }
                let name = lowered(nameStart..<cursor)
                var probe = cursor
                while probe < count, isSpace(html[probe]) { probe += 1 }
                guard probe < count, html[probe] == UInt8(ascii: "=") else { continue }
                cursor = probe + 1
                while cursor < count, isSpace(html[cursor]) { cursor += 1 }
                guard cursor < count else { break }
                let valueRange: Range<Int>
                let quote = html[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    var end = cursor + 1
                    while end < count, html[end] != quote { end += 1 }
                    valueRange = (cursor + 1)..<end
                    cursor = min(end + 1, count)
                } else {
                    var end = cursor
                    while end < count, !isSpace(html[end]), html[end] != UInt8(ascii: ">") { end += 1 }
                    valueRange = cursor..<end
                    cursor = end
                }
                let (line, column) = position(valueRange.lowerBound)
                let value = decodeCharacterReferences(String(decoding: html[valueRange], as: UTF8.self))
                body(Attribute(element: element, name: name, value: value, range: valueRange, line: line, column: column))
            }
            index = cursor + 1
            if element == "script" || element == "style" {
                index = find("</\(element)", from: index) ?? count
            }
        }
    }

    /// `&amp;` → `&`, `&#39;` → `'`, `&#x2F;` → `/`; unknown named references stay as written.
    static func decodeCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest[afterAmpersand...]
                continue
            }
            let entity = rest[afterAmpersand..<semicolon]
            var decoded: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if entity.hasPrefix("#") {
                decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[String(entity)]
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return result + rest
    }
}
