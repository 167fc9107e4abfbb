import Foundation

/// The `--format json` report of `briefing check`: a stable, documented shape for pipelines (see the README).
public enum DiagnosticsJSON {
    /// Version of the JSON shape; raised only when a field changes meaning or disappears.
    public static let schemaVersion = 1

    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            var severity: String
            var path: String
            var line: Int
            var column: Int
            var message: String
        }
        struct Report: Encodable {
            var version: Int
            var errors: Int
            var warnings: Int
            var diagnostics: [Entry]
        }
        let report = Report(
            version: schemaVersion,
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count,
            diagnostics: diagnostics.map {
                Entry(severity: $0.severity.rawValue, path: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message)
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
