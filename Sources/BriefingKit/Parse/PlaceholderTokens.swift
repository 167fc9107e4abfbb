extension Placeholder {
    /// One `Placeholder.token(number)` in a text: its UTF-8 range and the number it holds.
    struct Found {
        var range: Range<Int>
        var number: Int
    }

    /// Every token in `utf8` whose number is below `limit`, as the Character-by-Character search found them: an
    /// `open` or `close` that a neighbouring scalar joins into a larger Character is no placeholder character.
    static func tokens(in utf8: [UInt8], below limit: Int) -> [Found] {
        var found: [Found] = []
        var offset = 0
        while let open = next(0x80, in: utf8, from: offset) {
            offset = open + 3
            guard isCharacter(at: open, in: utf8) else { continue }
            // A bad token stays text, and the search goes on after its `open`, as a run of digits cannot hold one.
            guard let close = next(0x81, in: utf8, from: open + 3), isCharacter(at: close, in: utf8),
                  let number = Int(String(decoding: utf8[(open + 3)..<close], as: UTF8.self)), (0..<limit).contains(number)
            else { continue }
            found.append(Found(range: open..<(close + 3), number: number))
            offset = close + 3
        }
        return found
    }

    /// The offset of the next U+E000 (`last` 0x80) or U+E001 (0x81), which are `EE 80 last` in UTF-8.
    private static func next(_ last: UInt8, in utf8: [UInt8], from start: Int) -> Int? {
        var offset = start
        while offset + 2 < utf8.count {
            if utf8[offset] == 0xEE && utf8[offset + 1] == 0x80 && utf8[offset + 2] == last { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether the three-byte scalar at `offset` is a Character on its own. For a private-use scalar, that depends
    /// on its two neighbours alone (a prepended mark before it, a combining mark or joiner after it).
    private static func isCharacter(at offset: Int, in utf8: [UInt8]) -> Bool {
        let end = offset + 3
        let asciiBefore = offset == 0 || utf8[offset - 1] < 0x80
        let asciiAfter = end == utf8.count || utf8[end] < 0x80
        if asciiBefore && asciiAfter { return true }
        var start = offset
        if start > 0 {
            start -= 1
            while start > 0 && utf8[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var stop = end
        if stop < utf8.count {
            stop += 1
            while stop < utf8.count && utf8[stop] & 0xC0 == 0x80 { stop += 1 }
        }
        let scalars = (start < offset ? 1 : 0) + 1 + (stop > end ? 1 : 0)
        return String(decoding: utf8[start..<stop], as: UTF8.self).count == scalars
    }
}
