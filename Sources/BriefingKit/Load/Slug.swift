/// Rules for the names that become URL path segments: note and topic slugs, source ids, claim ids.
enum Slug {
    /// Letters, digits, `-` and `_`, starting with a letter or digit: safe as a folder name on every file system
    /// and in a URL, and never `..`.
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isWordCharacter(first), first != "_" else { return false }
        return name.unicodeScalars.allSatisfy { isWordCharacter($0) || $0 == "-" }
    }

    /// Names Windows will not create as files or folders, whatever the extension.
    static func isReservedOnWindows(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["con", "prn", "aux", "nul"].contains(lowered)
            || (lowered.count == 4 && (lowered.hasPrefix("com") || lowered.hasPrefix("lpt")) && lowered.last.map { ("1"..."9").contains($0) } == true)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }

    static let rule = "letters, digits, '-' and '_', starting with a letter or digit"

    /// Why `name` cannot be a folder of the output, or nil when it can.
    static func problem(with name: String) -> String? {
        if !isValid(name) { return "must use \(rule)" }
        if isReservedOnWindows(name) { return "is a name Windows reserves for devices; choose another" }
        return nil
    }

    /// "russia-dprk-alliance" → "Russia dprk alliance": the title of a topic that has no file.
    static func title(from slug: String) -> String {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
