import Foundation

/// The candidates file: a header whose digest line covers the rest of the file, so that `extract` can tell a file
/// it wrote from one the analyst has edited — and never overwrite the latter.
enum CandidateFile {
    static let digestPrefix = "# extract-digest: fnv1a64-"

    /// The whole file: explanatory header, digest line, body.
    static func contents(_ extraction: Extraction) -> String {
        let body = CandidateYAML.body(extraction)
        let header = """
            # Candidate claims drafted by `briefing extract` from \(extraction.sourceCount) source\(extraction.sourceCount == 1 ? "" : "s"). Review each one: move the
            # ones you accept into a claims file (dropping `kind`, `confidence` and `adds_to`), edit or drop the others.
            # `briefing build` does not read files in Content/claims/ whose names start with `_`.
            # Candidates that share a `subject` but give different values conflict: the ledger marks them disputed.
            # Once this file is edited, `briefing extract` writes its next proposals beside it instead of over it.

            """
        return header + digestPrefix + FNV1a.hex(body) + "\n" + body
    }

    /// Whether `text` is a candidates file exactly as `extract` wrote it (its digest still matches).
    static func isUnedited(_ text: String) -> Bool {
        guard let range = text.range(of: "\n" + digestPrefix) else { return false }
        let lineStart = text.index(after: range.lowerBound)
        guard let lineEnd = text[lineStart...].firstIndex(of: "\n") else { return false }
        let digest = text[text.index(lineStart, offsetBy: digestPrefix.count)..<lineEnd]
        return digest == FNV1a.hex(String(text[text.index(after: lineEnd)...]))
    }

    /// What happened when writing.
    struct Outcome: Sendable, Equatable {
        /// Where the candidates went.
        var written: URL
        /// The edited file that was left alone, when the candidates went beside it.
        var leftAlone: URL?
        /// The file already held exactly these candidates.
        var unchanged: Bool
    }

    /// Writes `contents` to `url`, or, when `url` holds a file the analyst edited, to the first of
    /// `<name>.new.yml`, `<name>.new-2.yml`, … that is absent or unedited.
    static func write(_ contents: String, to url: URL) throws -> Outcome {
        var leftAlone: URL?
        for target in targets(for: url) {
            if let existing = try? String(contentsOf: target, encoding: .utf8) {
                guard isUnedited(existing) else {
                    if leftAlone == nil { leftAlone = target }
                    continue
                }
                if existing == contents { return Outcome(written: target, leftAlone: leftAlone, unchanged: true) }
            } else if FileManager.default.fileExists(atPath: target.path) {
                if leftAlone == nil { leftAlone = target }
                continue
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: target, options: .atomic)
            return Outcome(written: target, leftAlone: leftAlone, unchanged: false)
        }
        throw CocoaError(.fileWriteFileExists)
    }

    /// `url`, then the names beside it.
    private static func targets(for url: URL) -> [URL] {
        let directory = url.deletingLastPathComponent()
        let ext = url.pathExtension
        let stem = ext.isEmpty ? url.lastPathComponent : String(url.lastPathComponent.dropLast(ext.count + 1))
        let suffix = ext.isEmpty ? "" : "." + ext
        return [url, directory.appending(path: "\(stem).new\(suffix)")]
            + (2...99).map { directory.appending(path: "\(stem).new-\($0)\(suffix)") }
    }
}
