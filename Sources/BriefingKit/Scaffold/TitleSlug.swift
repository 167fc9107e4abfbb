/// A file name made from a title: "Seoul Shifts on Lethal Aid" → `seoul-shifts-on-lethal-aid`.
enum TitleSlug {
    /// Longer slugs are cut at a hyphen: a URL segment, not a sentence.
    static let maximumLength = 80

    /// Lowercase ASCII letters and digits; diacritics folded (`é` → `e`, `ß` → `ss`); apostrophes dropped
    /// (`Seoul's` → `seouls`); every other run of characters becomes one `-`; no `-` at either end.
    /// - Returns: "" when the title has no letter or digit that folds to ASCII.
    static func make(from title: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in title.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark || scalar == "'" || scalar == "\u{2019}" { continue }
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen { slug += "-" }
            pendingHyphen = false
            slug += folded
        }
        guard slug.count > maximumLength else { return slug }
        let cut = slug.prefix(maximumLength)
        if let hyphen = cut.lastIndex(of: "-") { return String(cut[..<hyphen]) }
        return String(cut)
    }

    /// One scalar as lowercase ASCII letters and digits, or "" for a separator.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "A"..."Z": return String(Character(scalar)).lowercased()
        case "a"..."z", "0"..."9": return String(Character(scalar))
        default: return letters[scalar] ?? ""
        }
    }

    /// Letters that carry no combining mark to strip, so Unicode decomposition leaves them alone.
    private static let letters: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h",
    ]
}
