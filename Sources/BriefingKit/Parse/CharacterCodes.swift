/// A text as one code per `Character`, for scanners that index Characters without building a `[Character]`.
///
/// A Character of a single Unicode scalar has that scalar's value as its code; one of several scalars (`e` with a
/// combining accent, an emoji with a skin tone, CR LF) has `cluster`, which equals no syntax character. Offsets are
/// Character offsets, exactly as with `Array(string)`, so columns and slices stay the same.
struct CharacterCodes {
    static let cluster: UInt32 = 0xFFFF_FFFF

    /// The text's UTF-8 bytes (malformed sequences repaired as `String(decoding:as:)` does).
    private(set) var utf8: [UInt8]
    private(set) var codes: [UInt32] = []
    /// The UTF-8 offset where each Character starts, plus `utf8.count` at the end.
    private(set) var starts: [Int] = []

    init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    init(utf8: [UInt8]) {
        self.utf8 = utf8
        var codes: [UInt32] = [], starts: [Int] = []
        codes.reserveCapacity(utf8.count)
        starts.reserveCapacity(utf8.count + 1)
        // Most text is made of scalars that are Characters on their own: decode those directly, and fall back to
        // grapheme breaking only for text that holds a scalar which could join its neighbours.
        let decoded = utf8.withUnsafeBufferPointer { buffer in
            Self.forEachStandaloneScalar(in: buffer) { value, offset in
                codes.append(value)
                starts.append(offset)
            }
        }
        if decoded {
            self.codes = codes
            self.starts = starts
        } else {
            breakIntoCharacters()
        }
        self.starts.append(self.utf8.count)
    }

    var count: Int { codes.count }

    subscript(index: Int) -> UInt32 { codes[index] }

    /// The text of the Characters in `range`.
    func string(_ range: Range<Int>) -> String {
        String(decoding: utf8[starts[range.lowerBound]..<starts[range.upperBound]], as: UTF8.self)
    }

    /// The UTF-8 bytes of the Characters in `range`.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        utf8[starts[range.lowerBound]..<starts[range.upperBound]]
    }

    /// The first scalar of a Character: `Character`'s own `isWhitespace`, `isLetter` and `isNumber` look at it alone.
    func firstScalar(_ index: Int) -> Unicode.Scalar {
        if codes[index] != Self.cluster { return Unicode.Scalar(codes[index])! }
        return string(index..<(index + 1)).unicodeScalars.first!
    }

    /// `Character.isWhitespace`.
    func isWhitespace(_ index: Int) -> Bool {
        let code = codes[index]
        if code < 0x80 { return code == 0x20 || (0x09...0x0D).contains(code) }
        return firstScalar(index).properties.isWhitespace
    }

    /// `Character.isLetter || Character.isNumber`.
    func isLetterOrNumber(_ index: Int) -> Bool {
        let code = codes[index]
        if code < 0x80 { return ASCII.isLetter(code) || ASCII.isDigit(code) }
        let properties = firstScalar(index).properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Decodes UTF-8 scalar by scalar, calling `body` with each scalar and its offset. Stops and returns false at
    /// the first malformed byte or scalar that might join a neighbour into one Character (see `standsAlone`).
    @inline(__always)
    static func forEachStandaloneScalar(in utf8: UnsafeBufferPointer<UInt8>, _ body: (UInt32, Int) -> Void) -> Bool {
        let count = utf8.count
        var offset = 0
        while offset < count {
            let lead = utf8[offset]
            if lead < 0x80 {
                guard lead != 0x0D else { return false }  // CR LF is one Character
                body(UInt32(lead), offset)
                offset += 1
                continue
            }
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            guard width > 0, offset + width <= count else { return false }
            var value = UInt32(lead) & (0xFF >> (width + 1))
            for next in utf8[(offset + 1)..<(offset + width)] {
                guard next & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(next & 0x3F)
            }
            guard value >= (width == 2 ? 0x80 : width == 3 ? 0x800 : 0x10000), standsAlone(value) else { return false }
            body(value, offset)
            offset += width
        }
        return true
    }

    private mutating func breakIntoCharacters() {
        let text = String(decoding: utf8, as: UTF8.self)
        utf8 = Array(text.utf8)
        var offset = 0
        for character in text {
            let scalars = character.unicodeScalars
            codes.append(scalars.count == 1 ? scalars.first!.value : Self.cluster)
            starts.append(offset)
            offset += character.utf8.count
        }
    }

    /// Scalars whose grapheme break property lets them neither join the Character before them nor the one after
    /// (no combining marks, joiners, prepended marks, regional indicators, Hangul jamo, nor CR), so that in a text
    /// made only of them every scalar is a Character. A conservative list of common blocks; the rest take the slow path.
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x300: value != 0x0D
        case 0x370..<0x483: true  // Greek and Coptic, Cyrillic letters
        case 0x2000..<0x20D0: value != 0x200C && value != 0x200D  // punctuation, super/subscripts, currency
        case 0x2100..<0x2C00: true  // letterlike, arrows, mathematical and technical symbols, shapes, dingbats
        case 0x3000..<0x302A, 0x3041..<0x3099, 0x30A0..<0x3100, 0x4E00..<0xA000: true  // CJK
        case 0xE000...0xE002: true  // the placeholder characters
        default: false
        }
    }
}

/// ASCII byte classes, on code units or scalar values.
enum ASCII {
    static func isLetter(_ code: UInt32) -> Bool { (0x41...0x5A).contains(code) || (0x61...0x7A).contains(code) }
    static func isDigit(_ code: UInt32) -> Bool { (0x30...0x39).contains(code) }
}
