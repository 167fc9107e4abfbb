/// HTML escaping for every text value a page shows: template values are escaped as they are rendered (see
/// `DirectSlot.write`), and the few strings the engine assembles itself (footnote markers) are escaped here too.
public enum HTML {
    /// `&`, `<`, `>`, `"` and `'` replaced by character references, as swift-mustache's own escaping does, but
    /// byte by byte over UTF-8 instead of Character by Character, and without copying text that needs none.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends `text` to `output`, escaped as `escape(_:)` escapes it.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        // Native strings are contiguous UTF-8: scanned as a buffer, which the generic `contains` over the view is not.
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in appendEscaped(bytes, to: &output) }
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var clean = true
        for byte in bytes where needsEscape(byte) {
            clean = false
            break
        }
        guard !clean else {
            output.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'"): output += "&#39;".utf8
            default: output.append(byte)
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
