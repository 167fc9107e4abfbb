import ArgumentParser
import BriefingKit
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Draft candidate claims from the sources' texts, for review.",
        discussion: """
            Finds the factual statements in the source bodies, groups those that several sources make into one \
            candidate (with every source's verbatim quote and paragraph), gives figures about the same thing one \
            subject so that conflicting values show as disputed, and leaves out what the ledger already states \
            (proposing new sources for it instead). Writes <site>/Content/claims/_candidates.yml, which the build \
            does not read; never touches other claims files, and never overwrites a candidates file that was \
            edited (it writes beside it and says so). Offline and deterministic.
            """
    )

    @Argument(help: "The site folder, holding Content/.")
    var site: String = "."

    @Option(name: .customLong("sources"), help: ArgumentHelp("Only these source ids, comma-separated.", valueName: "id,..."))
    var sourceList: [String] = []

    @Option(help: ArgumentHelp("The candidates file (default: <site>/Content/claims/_candidates.yml).", valueName: "path"))
    var out: String?

    @Flag(help: "Propose every claim, even those the ledger already holds.")
    var ignoreLedger = false

    func run() throws {
        let started = Date()
        let ids = sourceList.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        do {
            let report = try Extract.run(ExtractOptions(
                sitePath: site, sourceIDs: ids.isEmpty ? nil : ids, outputPath: out, ignoreLedger: ignoreLedger
            ))
            for warning in report.warnings { printToStandardError(warning.description) }
            if let edited = report.leftAlonePath {
                print("\(edited) was edited since extract wrote it, so it was left as it is; the new candidates are in \(report.writtenPath)")
            }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let conflicts = report.conflictingCandidates
            print(
                "Proposed \(report.candidates) candidate claim\(report.candidates == 1 ? "" : "s") "
                    + "(\(report.multiSourceCandidates) stated by several sources, \(conflicts) with a conflicting figure) "
                    + "and new sources for \(report.additions) ledger claim\(report.additions == 1 ? "" : "s"), "
                    + "from \(report.statementsFound) statements in \(report.sourcesRead) source\(report.sourcesRead == 1 ? "" : "s"), "
                    + "\(report.unchanged ? "unchanged in" : "into") \(report.writtenPath) in \(seconds) s"
            )
        } catch {
            for diagnostic in error.diagnostics { printToStandardError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}
