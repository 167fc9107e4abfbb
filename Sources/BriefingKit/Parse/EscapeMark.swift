import Foundation

/// `Placeholder.escape` at the byte level: U+E002 is `EE 80 82` in UTF-8.
enum EscapeMark {
    static let code: UInt32 = 0xE002

    /// Whether a C string holds the mark.
    static func isIn(_ cString: UnsafePointer<CChar>) -> Bool {
        var cursor = cString
        while let lead = strchr(cursor, 0xEE) {
            let next = UnsafeRawPointer(lead).assumingMemoryBound(to: UInt8.self)
            if next[1] == 0x80 && next[2] == 0x82 { return true }
            guard next[1] != 0 else { return false }
            cursor = UnsafePointer(lead + 1)
        }
        return false
    }

    /// Appends the bytes of the Characters in `range`, leaving out every escape mark.
    static func append(_ text: CharacterCodes, _ range: Range<Int>, to output: inout [UInt8]) {
        var chunkStart = range.lowerBound
        for index in range where text[index] == code {
            output.append(contentsOf: text.bytes(chunkStart..<index))
            chunkStart = index + 1
        }
        output.append(contentsOf: text.bytes(chunkStart..<range.upperBound))
    }
}
