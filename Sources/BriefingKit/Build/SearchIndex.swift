import Foundation

/// `briefing build --search`: runs Pagefind (https://pagefind.app) on a finished output folder, which writes the
/// search index into `<output>/pagefind/`. The next plain build replaces the whole folder, index included.
///
/// Pagefind is found before the build starts, so that a missing one fails without touching the output: a
/// `pagefind` executable on `PATH`, else the one that `pip install pagefind-bin` puts inside Python's packages
/// (`python3 -m pagefind_bin`).
public struct SearchIndex: Sendable {
    /// The command that runs Pagefind, arguments before Pagefind's own.
    public let command: [String]

    public static let installHint = "pip install pagefind-bin"

    /// Finds Pagefind. - Parameter environment: where `PATH` is read from.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SearchIndexError) -> SearchIndex {
        let path = environment["PATH"] ?? ""
        if let pagefind = executable(named: "pagefind", path: path) {
            return SearchIndex(command: [pagefind])
        }
        if let python = executable(named: "python3", path: path),
           (try? run([python, "-c", "import pagefind_bin; pagefind_bin.get_executable()"], environment: environment))?.status == 0 {
            return SearchIndex(command: [python, "-m", "pagefind_bin"])
        }
        throw SearchIndexError(
            "pagefind is not installed, and `briefing build --search` needs it to index the output; install it with `\(installHint)` (or put a `pagefind` executable on PATH) and build again"
        )
    }

    /// Indexes `output`, a folder a build has just written, holding the build's lock so that no other build swaps
    /// the folder away while Pagefind writes into it. Returns what Pagefind printed.
    public func run(output: URL, displayPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SearchIndexError) -> String {
        guard FileManager.default.fileExists(atPath: output.appending(path: OutputLocation.marker).path) else {
            throw SearchIndexError("cannot index \(displayPath) for search: it holds no build (no \(OutputLocation.marker) file)")
        }
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(for: output, displayPath: displayPath)
        } catch {
            throw SearchIndexError(error.message)
        }
        defer { withExtendedLifetime(lock) {} }
        // The index becomes part of the build's output: the caches beside it are moved on to the indexed folder, so
        // that the next build can still skip or reuse what this one made.
        let caches = OutputCaches(output: output)
        let arguments = command + ["--site", output.path, "--keep-index-url"]
        let result: (status: Int32, output: String)
        do {
            result = try Self.run(arguments, environment: environment)
        } catch {
            throw SearchIndexError("cannot run \(command.joined(separator: " ")): \(error.localizedDescription)")
        }
        guard result.status == 0 else {
            let printed = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            throw SearchIndexError(
                "pagefind failed (exit status \(result.status)) indexing \(displayPath); the pages were built but have no search index. It printed:\n\(printed.isEmpty ? "(nothing)" : printed)"
            )
        }
        caches.adoptOutputAsItIsNow()
        return result.output
    }

    /// The number of pages Pagefind reports it indexed ("Indexed 12 pages"), if it said.
    public static func indexedPageCount(in printed: String) -> Int? {
        guard let match = printed.firstMatch(of: /Indexed (\d+) pages?/) else { return nil }
        return Int(match.1)
    }

    private static func executable(named name: String, path: String) -> String? {
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to its end, with standard output and standard error together.
    private static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Why the search index could not be made: not a finding in the user's files, so it has no `file:line:column`.
public struct SearchIndexError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "error: \(message)" }
}
