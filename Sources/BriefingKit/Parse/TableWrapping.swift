import Foundation

extension MarkdownParser {
    /// Wide tables scroll inside a focusable, labelled region, so keyboard users can reach every column.
    static func wrapTables(_ html: String) -> String {
        var contiguous = html
        return contiguous.withUTF8 { utf8 -> String? in
            let opens = occurrences(of: openTag, in: utf8), closes = occurrences(of: closeTag, in: utf8)
            guard !opens.isEmpty || !closes.isEmpty else { return nil }
            // Foundation's search, which this pass stands for, skips a tag joined to a combining mark or the like;
            // a tag with any non-ASCII neighbour is left to it.
            let plain = (opens.map { ($0, openTag.count) } + closes.map { ($0, closeTag.count) }).allSatisfy { start, length in
                (start == 0 || utf8[start - 1] < 0x80) && (start + length == utf8.count || utf8[start + length] < 0x80)
            }
            guard plain else { return foundationWrapTables(String(decoding: utf8, as: UTF8.self)) }
            guard !opens.isEmpty else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count + opens.count * (wrapperOpen.count + closeWrapper.count))
            var cursor = 0
            var nextOpen = 0, nextClose = 0
            while nextOpen < opens.count || nextClose < closes.count {
                let isOpen = nextClose == closes.count || (nextOpen < opens.count && opens[nextOpen] < closes[nextClose])
                let start = isOpen ? opens[nextOpen] : closes[nextClose]
                result.append(contentsOf: utf8[cursor..<start])
                if isOpen {
                    result.append(contentsOf: wrapperOpen)
                    result.append(contentsOf: openTag)
                    cursor = start + openTag.count
                    nextOpen += 1
                } else {
                    result.append(contentsOf: closeTag)
                    result.append(contentsOf: closeWrapper)
                    cursor = start + closeTag.count
                    nextClose += 1
                }
            }
            result.append(contentsOf: utf8[cursor...])
            return String(decoding: result, as: UTF8.self)
        } ?? html
    }

    private static let openTag = Array("<table>".utf8), closeTag = Array("</table>".utf8)
    private static let wrapperOpen = Array("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">".utf8)
    private static let closeWrapper = Array("</div>".utf8)

    private static func occurrences(of tag: [UInt8], in utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        var offset = 0
        while offset + tag.count <= utf8.count {
            if utf8[offset] == tag[0], utf8[offset..<(offset + tag.count)].elementsEqual(tag) {
                found.append(offset)
                offset += tag.count
            } else {
                offset += 1
            }
        }
        return found
    }

    private static func foundationWrapTables(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        return html
            .replacingOccurrences(of: "<table>", with: "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
    }
}
