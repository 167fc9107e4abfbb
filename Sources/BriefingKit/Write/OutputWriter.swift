import CAtomicSwap
import Foundation

/// The Write stage: writes every file into a fresh folder beside the output, then swaps it into place in one step.
/// Until the swap, the previous output stays exactly as it was; after it, the previous output is deleted.
struct OutputWriter {
    let output: URL
    let displayPath: String

    /// - Parameter files: paths below the output folder and their contents.
    func write(_ files: [(path: String, contents: Data)]) throws(Diagnostic) {
        let lock = try OutputLock.acquire(for: output, displayPath: displayPath)
        defer { withExtendedLifetime(lock) {} }
        removeLeftoversOfInterruptedBuilds()
        let parent = output.deletingLastPathComponent()
        let staging = parent.appending(path: ".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        let fileManager = FileManager.default
        // What was being written when a call failed, for the error: the file as it will stand in the output.
        var current = "in the folder that holds \(displayPath)"
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var createdFolders: Set<String> = []
            for file in files {
                current = "\(displayPath)/\(file.path)"
                let target = staging.appending(path: file.path)
                let folder = target.deletingLastPathComponent().path
                if createdFolders.insert(folder).inserted {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try file.contents.write(to: target)
            }
            current = "\(displayPath)/\(OutputLocation.marker)"
            try Data("Written by briefing. The next build replaces this whole folder.\n".utf8)
                .write(to: staging.appending(path: OutputLocation.marker))
            current = displayPath
            try swapIntoPlace(staging)
        } catch let error as Diagnostic {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .error(at: SourceLocation(path: displayPath), "cannot write \(current): \(FileSystemFailure.reason(error))")
        }
    }

    /// A build killed mid-way leaves its staging folder (or, between the two renames of the fallback swap, the
    /// previous output) beside the output. Only the lock holder writes these, so under the lock all are leftovers.
    private func removeLeftoversOfInterruptedBuilds() {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        let fileManager = FileManager.default
        for entry in entries where entry.hasPrefix(".\(name).building-") {
            try? fileManager.removeItem(at: parent.appending(path: entry))
        }
        for entry in entries.sorted() where entry.hasPrefix(".\(name).previous-") {
            // Killed between the renames: the output is missing and this is the last complete one.
            if !fileManager.fileExists(atPath: output.path) {
                try? fileManager.moveItem(at: parent.appending(path: entry), to: output)
            } else {
                try? fileManager.removeItem(at: parent.appending(path: entry))
            }
        }
    }

    private func swapIntoPlace(_ staging: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if briefing_exchange_paths(staging.path, output.path) == 0 {
            // `staging` now holds the previous output.
            try fileManager.removeItem(at: staging)
            return
        }
        // File systems without an atomic exchange: two renames, with only a brief moment between them.
        let previous = output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: previous)
        try fileManager.moveItem(at: output, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: previous, to: output)
            throw error
        }
        try fileManager.removeItem(at: previous)
    }
}
