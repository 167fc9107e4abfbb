extension MarkdownParser {
    /// Replaces characters reserved for placeholders and marks every escaped bracket (`\[`) before cmark sees it,
    /// so that `\[@x]`, `\[ @x]` and `\[-@x]` are never read as citations. The marks are removed after parsing.
    static func prepare(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { utf8 -> String? in
            guard utf8.contains(where: { $0 == backslash || $0 == 0xEE }) else { return nil }
            // Bytes stand for Characters only when every scalar is a Character of its own; otherwise, Characters.
            guard CharacterCodes.forEachStandaloneScalar(in: utf8, { _, _ in }) else { return prepareCharacters(text) }
            return prepareBytes(utf8)
        } ?? text
    }

    private static let backslash: UInt8 = 0x5C

    /// `prepare` for text in which every scalar is a Character.
    private static func prepareBytes(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var result: [UInt8] = []
        var changed = false
        var backslashes = 0
        var offset = 0
        while offset < utf8.count {
            let byte = utf8[offset]
            // U+E000–U+E002 are EE 80 80–82 in UTF-8.
            if byte == 0xEE, offset + 2 < utf8.count, utf8[offset + 1] == 0x80, (0x80...0x82).contains(utf8[offset + 2]) {
                if !changed { result = Array(utf8[..<offset]) }
                changed = true
                result.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
                backslashes = 0
                offset += 3
                continue
            }
            if byte == 0x5B && backslashes % 2 == 1 {
                if !changed { result = Array(utf8[..<offset]) }
                changed = true
                result.append(byte)
                result.append(contentsOf: [0xEE, 0x80, 0x82])  // Placeholder.escape
            } else if changed {
                result.append(byte)
            }
            backslashes = byte == backslash ? backslashes + 1 : 0
            offset += 1
        }
        return changed ? String(decoding: result, as: UTF8.self) : nil
    }

    /// `prepare` Character by Character, for text with scalars that join into larger Characters (and the
    /// reference the byte path is tested against).
    static func prepareCharacters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var backslashes = 0
        for character in text {
            if Placeholder.reserved.contains(character) {
                result.append("\u{FFFD}")
            } else {
                result.append(character)
                if character == "[" && backslashes % 2 == 1 { result.append(Placeholder.escape) }
            }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return result
    }
}
