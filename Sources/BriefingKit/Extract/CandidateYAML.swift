import Foundation

/// Writes candidates in the claims format (plus `kind`, `confidence`, `adds_to` and conflict comments), every
/// string double-quoted so that any quote survives as it stands.
enum CandidateYAML {
    /// The file's text after its digest line.
    static func body(_ extraction: Extraction) -> String {
        var out = ""
        if extraction.candidates.isEmpty && extraction.additions.isEmpty {
            return "[]\n"
        }
        if !extraction.candidates.isEmpty {
            out += "\n# New claims (\(extraction.candidates.count))\n"
            for candidate in extraction.candidates { out += "\n" + entry(candidate) }
        }
        if !extraction.additions.isEmpty {
            out += "\n# Further sources for claims already in the ledger (\(extraction.additions.count)): add them to the claim named by `adds_to`\n"
            for addition in extraction.additions { out += "\n" + entry(addition) }
        }
        return out
    }

    /// One list item.
    static func entry(_ candidate: Candidate) -> String {
        var lines = ["- id: \(candidate.id)"]
        if let addsTo = candidate.addsTo { lines.append("  adds_to: \(addsTo)") }
        lines.append("  statement: \(quoted(candidate.statement))")
        lines.append("  kind: \(candidate.kind.rawValue)")
        lines.append("  confidence: \(CandidateText.number(candidate.confidence))")
        lines.append("  topics: [\(candidate.topics.joined(separator: ", "))]")
        if let subject = candidate.subject { lines.append("  subject: \(subject)") }
        if let value = candidate.value { lines.append("  value: \(CandidateText.number(value))") }
        if !candidate.conflictsWith.isEmpty {
            lines.append("  # conflicts with: \(candidate.conflictsWith.joined(separator: ", "))")
        }
        lines.append("  sources:")
        for source in candidate.sources {
            lines.append("    - source: \(source.source)")
            lines.append("      quote: \(quoted(source.quote))")
            lines.append("      locator: para \(source.paragraph)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String { YAMLScalar.doubleQuoted(text) }
}
