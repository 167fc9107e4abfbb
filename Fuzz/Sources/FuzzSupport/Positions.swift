import BriefingKit

/// Every diagnostic must point into the file it names: editors jump to `file:line:column`.
public func expectPositionsInside(_ diagnostics: [Diagnostic], path: String, lines: Int) {
    for diagnostic in diagnostics {
        let location = diagnostic.location
        expect(location.path == path, "diagnostic names another file: \(diagnostic)")
        expect((1...lines).contains(location.line), "line outside the file's \(lines) lines: \(diagnostic)")
        expect(location.column >= 1, "column below 1: \(diagnostic)")
    }
}
