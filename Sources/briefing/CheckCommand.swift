import ArgumentParser
import BriefingKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a site without writing anything: the build's errors, quotes against their sources, loose ends.",
        discussion: """
            Prints one line per finding, `path:line:column: error|warning: message`, or a JSON report with \
            --format json. Exits 0 when there is no error, 1 when there is one (or, with --strict, a warning).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The site folder, holding Content/ and optionally Templates/.")
    var site: String = "."

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let diagnostics = Check.run(sitePath: site)
        switch format {
        case .text:
            for diagnostic in diagnostics { print(diagnostic.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        case .json:
            print(DiagnosticsJSON.encode(diagnostics))
        }
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) {
            throw ExitCode.failure
        }
    }
}
