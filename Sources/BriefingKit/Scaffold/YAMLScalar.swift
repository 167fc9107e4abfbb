/// Writes values into the YAML of front matter and `site.yml` so that they read back exactly as given.
enum YAMLScalar {
    /// `text` as a YAML scalar: plain when that is unambiguous (`Example Times`), double-quoted otherwise
    /// (`"Seoul: \"lethal aid\""`, `"true"`, `"2024"`, `"- x"`, text with `#`, or leading and trailing spaces).
    static func quoted(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// `[a, b]` of slugs (already restricted to letters, digits, `-` and `_`).
    static func flowList(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A double-quoted scalar: every character that YAML or an editor could misread (control characters, line
    /// and paragraph separators, a byte-order mark) is written as an escape.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
                    || scalar == "\u{FEFF}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Conservative: letters, digits, spaces and a little punctuation, starting with a letter, and not one of the
    /// words YAML 1.1 reads as a boolean or null. Everything else is quoted rather than reasoned about.
    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, text.last != " " else { return false }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || " .,;!?()/&+=%$€£–—-_'’“”".unicodeScalars.contains(scalar)
        }
        guard allowed else { return false }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"]
        return !reserved.contains(text.lowercased())
    }
}
