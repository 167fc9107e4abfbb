import Foundation

/// Readable text for candidates: statements from quotes, slugs for ids and subjects, numbers for `value`.
enum CandidateText {
    /// A quote made into a statement: white space collapsed, Markdown emphasis and link syntax removed, first
    /// letter capitalised, ending with a full stop.
    static func statement(from quote: String) -> String {
        var text = quote
        if text.unicodeScalars.contains(where: { $0 == "*" || $0 == "_" || $0 == "`" }) {
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").replacingOccurrences(of: "`", with: "")
        }
        if text.unicodeScalars.contains("[") { text = removingLinkTargets(text) }
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let first = text.first, first.isLowercase { text = first.uppercased() + text.dropFirst() }
        while let last = text.last, ",;:–—-".contains(last) { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        let endsSentence = text.last.map { ".!?…".contains($0) } ?? true
        let endsQuotedSentence = text.count >= 2 && "\"”’".contains(text.last!) && ".!?,".contains(text[text.index(text.endIndex, offsetBy: -2)])
        if !endsSentence && !endsQuotedSentence { text += "." }
        return text
    }

    /// "[text](url)" → "text".
    private static func removingLinkTargets(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "]", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "(",
               let close = text[index...].firstIndex(of: ")") {
                index = text.index(after: close)
                continue
            }
            if text[index] != "[" { result.append(text[index]) }
            index = text.index(after: index)
        }
        return result
    }

    /// Lowercase ASCII letters and digits joined by `-`: a valid claim id or subject.
    static func slug(_ words: [String]) -> String {
        words.map { word in
            let folded = word.unicodeScalars.allSatisfy(\.isASCII)
                ? word.lowercased() : word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            return String(folded.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
        }.filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// A number as YAML and ids show it: "3000", "4.75".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The factor of a scale label ("bn" → 1e9).
    static func factor(ofScale label: String?) -> Double {
        guard let label else { return 1 }
        return Lexicon.multipliers.values.first { $0.label == label }?.factor ?? 1
    }
}
