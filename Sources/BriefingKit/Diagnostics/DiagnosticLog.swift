/// Collects diagnostics while a stage walks many inputs, so that one bad file does not hide the next.
struct DiagnosticLog: Sendable {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(.error(at: location, message))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(.warning(at: location, message))
    }

    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    var hasErrors: Bool { diagnostics.hasErrors }
}
