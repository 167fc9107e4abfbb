import ArgumentParser
import BriefingKit
import BriefingPreview
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the digest on a local address, and rebuild and reload the browser on every change.",
        discussion: """
            Watches Content/ (site.yml included) and Templates/. A failed build shows its errors over every page, \
            while the last good build keeps being served; fixing the file clears them. Ctrl-C stops. Pages get a \
            few lines of live-reload script as they are served; the files in Output/ never contain it.
            """
    )

    @Argument(help: "The site folder, holding Content/ and optionally Templates/.")
    var site: String = "."

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8000

    @Option(help: "The address to listen on; other machines can reach the server only if this is not loopback.")
    var host: String = "127.0.0.1"

    @Flag(help: "Include notes marked 'draft: true'.")
    var drafts = false

    func run() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
        let options = PreviewOptions(sitePath: site, host: host, port: port, includeDrafts: drafts)
        let server = PreviewServer(options: options, onEvent: Self.print)
        // The command line's entry point is synchronous; the server runs on the concurrency pool meanwhile.
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(PreviewError) {
                try await server.run(handlingSignals: true)
            } catch {
                outcome.fail(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            printToStandardError("error: \(error.message)")
            throw ExitCode.failure
        }
        printLine("Stopped.")
    }

    @Sendable static func print(_ event: PreviewEvent) {
        switch event {
        case .built(let report, let seconds, let trigger):
            for warning in report.warnings { printToStandardError(warning.description) }
            let changed = trigger.map { " after a change to \(describe($0))" } ?? ""
            printLine("Built \(report.pagesWritten) pages in \(String(format: "%.2f", seconds)) s\(changed)\(report.renderedSummary)")
        case .failed(let failure, let trigger):
            if let trigger { printLine("Changed: \(describe(trigger))") }
            for diagnostic in failure.diagnostics { printToStandardError(diagnostic.description) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            printToStandardError("Build failed with \(errors) error\(errors == 1 ? "" : "s"); still serving the last good build.")
        case .listening(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            printLine("Serving at http://\(shownHost):\(port)/ — Ctrl-C to stop")
        }
    }

    private static func describe(_ paths: [String]) -> String {
        paths.count <= 3 ? paths.joined(separator: ", ") : paths.prefix(3).joined(separator: ", ") + " and \(paths.count - 3) more"
    }
}

/// Written at once, unbuffered: the server runs for long, and its output is often a pipe or a log file.
private func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The server task's error, handed to the waiting main thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: PreviewError?

    func fail(_ error: PreviewError) {
        lock.withLock { stored = error }
    }

    var error: PreviewError? {
        lock.withLock { stored }
    }
}
