/// Rules for the names that become URL path segments: note and topic slugs, source ids, claim ids.
enum Slug {
    /// Letters, digits, `-` and `_`, starting with a letter or digit: safe as a folder name on every file system
    /// and in a URL, and never `..`.
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isWordCharacter(first), first != "_" else { return false }
        return name.unicodeScalars.allSatisfy { isWordCharacter($0) || $0 == "-" }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }

    static let rule = "letters, digits, '-' and '_', starting with a letter or digit"

    /// "russia-dprk-alliance" → "Russia dprk alliance": the title of a topic that has no file.
    static func title(from slug: String) -> String {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
