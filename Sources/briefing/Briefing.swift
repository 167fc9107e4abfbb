import ArgumentParser
import BriefingKit
import Foundation

@main
struct Briefing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Builds static HTML briefing digests from Markdown notes, sources and a claims ledger.",
        version: BriefingVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, InitCommand.self, NewCommand.self, ExtractCommand.self]
    )
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the digest of a site folder into its output folder.",
        discussion: """
            Reads <site>/Content (and <site>/Templates, if present) and writes the digest to <site>/Output, \
            replacing it only when the whole build succeeded.
            """
    )

    @Argument(help: "The site folder, holding Content/ and optionally Templates/.")
    var site: String = "."

    @Option(name: .shortAndLong, help: "The output folder (default: <site>/Output).")
    var output: String?

    @Flag(help: "Include notes marked 'draft: true'.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print each step of the build as it starts.")
    var verbose = false

    @Flag(help: "Add a search box and index the output with Pagefind (install: pip install pagefind-bin).")
    var search = false

    func run() throws {
        let started = Date()
        let verbose = self.verbose
        let pagefind = search ? try BuildSearch.locate() : nil
        let shownPath = output ?? (site == "." ? "Output" : (site.hasSuffix("/") ? site : site + "/") + "Output")
        let report: BuildReport
        do {
            report = try Build.run(BuildOptions(sitePath: site, outputPath: output, includeDrafts: drafts, search: search)) { step, name in
                // The time since the start shows where a slow build spends it.
                if verbose { print("[\(step)/\(Build.steps.count)] \(name) (at \(String(format: "%.2f", Date().timeIntervalSince(started))) s)") }
            }
            for warning in report.warnings { printToStandardError(warning.description) }
            let seconds = Date().timeIntervalSince(started)
            if report.upToDate {
                print("\(shownPath) is up to date: nothing changed since its last build (\(report.pagesWritten) pages, \(report.filesWritten) files); checked in \(String(format: "%.2f", seconds)) s")
            } else {
                print("Built \(report.pagesWritten) pages (\(report.filesWritten) files) into \(shownPath) in \(String(format: "%.2f", seconds)) s\(report.renderedSummary)")
            }
        } catch {
            for diagnostic in error.diagnostics { printToStandardError(diagnostic.description) }
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            printToStandardError("Build failed with \(errors) error\(errors == 1 ? "" : "s"); the previous output was left as it was.")
            throw ExitCode.failure
        }
        if let pagefind { try BuildSearch.index(report.outputDirectory, shownPath: shownPath, with: pagefind) }
    }
}

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
