/// Recognises the furniture of pasted web pages: menus, newsletter and subscription prompts, "read more" links,
/// share buttons, cookie notices, copyright lines, labelled opinion.
enum Boilerplate {
    /// Phrases that mark a line or sentence as page furniture (lowercase).
    static let phrases: [String] = [
        "subscribe", "newsletter", "sign up", "signup", "read more", "read next", "related:", "related articles",
        "more on this", "click here", "follow us", "share this", "share on facebook", "share on x", "advertisement",
        "all rights reserved", "cookie", "privacy policy", "terms of use", "log in", "sign in", "skip to",
        "in your inbox", "download our app", "watch:", "listen:", "most read", "recommended for you",
        "copyright ©", "©", "support our journalism", "back to top", "view comments", "leave a comment",
        "photo:", "image:", "caption:", "getty images", "editing by", "reporting by", "share on twitter",
        "disclaimer", "not investment advice", "watch live", "opinion:", "analysis:", "comment:", "editorial:",
    ]

    /// The phrases as bytes, for a search without Foundation.
    private static let phraseBytes: [[UInt8]] = phrases.map { Array($0.utf8) }

    /// Whether `text` (a line or a sentence) is page furniture rather than reporting.
    static func isBoilerplate(_ text: String) -> Bool {
        let lower = ByteText.lowercasedASCII(text)
        if phraseBytes.contains(where: { ByteText.contains(lower, $0) }) { return true }
        return isMenu(lower)
    }

    /// "Home | World | Business", "Politics · Economy · Sport": a run of short items between separators.
    private static func isMenu(_ lower: [UInt8]) -> Bool {
        for separator in [Array("|".utf8), Array("·".utf8), Array("»".utf8), Array("›".utf8)] {
            let items = ByteText.split(lower, separator)
            if items.count >= 3, items.allSatisfy({ item in item.split(separator: 0x20).count <= 3 }) { return true }
        }
        return false
    }
}

/// Plain byte searches on UTF-8 text, much faster than `String` searches for the short fixed phrases above.
enum ByteText {
    /// The UTF-8 bytes of `text` with ASCII letters lowercased.
    static func lowercasedASCII(_ text: String) -> [UInt8] {
        text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        let last = haystack.count - needle.count
        var start = 0
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// `bytes` cut at each occurrence of `separator`.
    static func split(_ bytes: [UInt8], _ separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0, index = 0
        while index + separator.count <= bytes.count {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                pieces.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(bytes[start...])
        return pieces
    }
}
