import Foundation

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
        html.withUnsafeBufferPointer { scan($0) }
    }

    static func scan(_ html: UnsafeBufferPointer<UInt8>) -> Scan {
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
        guard from != to, html.contains("href=") || html.contains("src="), !onlyFragmentLinks(html) else { return html }
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

    /// Whether every `href=` and `src=` in `html` is followed by `"#`: only links within the page (the footnote
    /// markers of most bodies), which rebasing leaves as they are, so the scan can be skipped.
    private static func onlyFragmentLinks(_ html: String) -> Bool {
        var html = html
        html.makeContiguousUTF8()
        return html.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index + 4 < bytes.count {
                let isHref = bytes[index] == UInt8(ascii: "h") && bytes[index + 1] == UInt8(ascii: "r") && bytes[index + 2] == UInt8(ascii: "e")
                    && bytes[index + 3] == UInt8(ascii: "f") && bytes[index + 4] == UInt8(ascii: "=")
                let isSrc = bytes[index] == UInt8(ascii: "s") && bytes[index + 1] == UInt8(ascii: "r") && bytes[index + 2] == UInt8(ascii: "c")
                    && bytes[index + 3] == UInt8(ascii: "=")
                if isHref || isSrc {
                    let value = index + (isHref ? 5 : 4)
                    guard value + 1 < bytes.count, bytes[value] == UInt8(ascii: "\""), bytes[value + 1] == UInt8(ascii: "#") else { return false }
                    index = value + 2
                    continue
                }
                index += 1
            }
            return true
        } ?? false
    }

    /// Calls `body` with every `href`, `src`, `id` and `name` attribute of every start tag, in document order:
    /// the only ones links need, so no other attribute costs more than a glance at its name.
    static func forEachAttribute(_ html: [UInt8], _ body: (Attribute) -> Void) {
        html.withUnsafeBufferPointer { forEachAttribute($0, body) }
    }

    /// A line and column of the scanned HTML, where a scan of a piece of it starts or stopped.
    struct Position: Sendable {
        var line = 1
        var column = 1
    }

    private static func forEachAttribute(_ html: UnsafeBufferPointer<UInt8>, _ body: (Attribute) -> Void) {
        _ = forEachAttribute(html, from: Position(), isFinal: true, body)
    }

    /// Scans one piece of a page that arrives in pieces. With `isFinal` false, it stops before the first tag,
    /// comment or script the piece does not finish, reporting none of that tag's attributes, and returns how many
    /// bytes it has done with and the position after them: the caller puts the rest before the next piece.
    static func forEachAttribute(_ html: UnsafeBufferPointer<UInt8>, from start: Position, isFinal: Bool,
                                 _ body: (Attribute) -> Void) -> (consumed: Int, position: Position) {
        let count = html.count
        // Attributes come in document order, so positions are tracked forward from the last one: linear, even on a
        // page whose one long line holds thousands of footnote markers.
        var tracked = (offset: 0, line: start.line, column: start.column)
        func position(_ offset: Int) -> (line: Int, column: Int) {
            var (line, column) = (tracked.line, tracked.column)
            for index in tracked.offset..<offset {
                let byte = html[index]
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
        func find(_ needle: StaticString, from start: Int) -> Int? {
            let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            guard pattern.count <= count else { return nil }
            var index = start
            while index + pattern.count <= count {
                if html[index] == pattern[0] {
                    var offset = 1
                    while offset < pattern.count, html[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return index }
                }
                index += 1
            }
            return nil
        }
        func lowered(_ range: Range<Int>) -> String {
            String(unsafeUninitializedCapacity: range.count) { buffer in
                for (offset, index) in range.enumerated() { buffer[offset] = html[index] >= 0x41 && html[index] <= 0x5A ? html[index] + 0x20 : html[index] }
                return range.count
            }
        }
        /// Whether `range` spells `word` (lowercase ASCII), in any letter case.
        func spells(_ range: Range<Int>, _ word: StaticString) -> Bool {
            guard range.count == word.utf8CodeUnitCount else { return false }
            let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for (offset, index) in range.enumerated() where html[index] | 0x20 != letters[offset] { return false }
            return true
        }

        /// Stops the scan of a piece before `offset`, where a construct starts that the piece does not finish.
        func stop(at offset: Int) -> (consumed: Int, position: Position) {
            let (line, column) = position(offset)
            return (offset, Position(line: line, column: column))
        }

        var index = 0
        while index < count {
            guard html[index] == UInt8(ascii: "<") else { index += 1; continue }
            guard index + 1 < count else {
                if !isFinal { return stop(at: index) }
                index += 1
                continue
            }
            let next = html[index + 1]
            if next == UInt8(ascii: "!") {
                if !isFinal, index + 3 >= count { return stop(at: index) }
                if index + 3 < count, html[index + 2] == UInt8(ascii: "-"), html[index + 3] == UInt8(ascii: "-") {
                    guard let end = find("-->", from: index + 4) else {
                        if !isFinal { return stop(at: index) }
                        index = count
                        continue
                    }
                    index = end + 3
                } else {
                    guard let end = find(">", from: index + 2) else {
                        if !isFinal { return stop(at: index) }
                        index = count
                        continue
                    }
                    index = end + 1
                }
                continue
            }
            if next == UInt8(ascii: "/") || next == UInt8(ascii: "?") {
                guard let end = find(">", from: index + 2) else {
                    if !isFinal { return stop(at: index) }
                    index = count
                    continue
                }
                index = end + 1
                continue
            }
            let isLetter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
            guard isLetter else { index += 1; continue }
            let trackedAtTag = tracked
            var pending: [Attribute] = []
            var cursor = index + 1
            while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">"), html[cursor] != UInt8(ascii: "/") { cursor += 1 }
            let elementRange = (index + 1)..<cursor
            var element: String?
            // Attributes, up to the end of the tag.
            while cursor < count, html[cursor] != UInt8(ascii: ">") {
                if isSpace(html[cursor]) || html[cursor] == UInt8(ascii: "/") { cursor += 1; continue }
                let nameStart = cursor
                while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: "="), html[cursor] != UInt8(ascii: ">"),
                      html[cursor] != UInt8(ascii: "/") { cursor += 1 }
                let nameRange = nameStart..<cursor
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
                // The name, lowercased, is the word it spells.
                let name: String
                if spells(nameRange, "href") { name = "href" } else if spells(nameRange, "src") { name = "src" }
                else if spells(nameRange, "id") { name = "id" } else if spells(nameRange, "name") { name = "name" } else { continue }
                let (line, column) = position(valueRange.lowerBound)
                let value = decodeCharacterReferences(String(decoding: UnsafeBufferPointer(rebasing: html[valueRange]), as: UTF8.self))
                if element == nil { element = lowered(elementRange) }
                pending.append(Attribute(element: element ?? "", name: name, value: value, range: valueRange, line: line, column: column))
            }
            var end = cursor + 1
            var finished = cursor < count
            if spells(elementRange, "script") || spells(elementRange, "style") {
                let closing = spells(elementRange, "script") ? find("</script", from: end) : find("</style", from: end)
                finished = finished && closing != nil
                end = closing ?? count
            }
            if !finished, !isFinal {
                // The tag (or its script) goes on in the next piece: it is scanned again from its start there.
                tracked = trackedAtTag
                return stop(at: index)
            }
            pending.forEach(body)
            index = end
        }
        return stop(at: count)
    }

    /// `&amp;` → `&`, `&#39;` → `'`, `&#x2F;` → `/`; unknown named references stay as written.
    static func decodeCharacterReferences(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
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
