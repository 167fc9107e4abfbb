import CAtomicSwap
import Foundation

/// The Write stage: files go into a fresh staging folder beside the output as they are rendered, and the finished
/// folder is swapped into place in one step. Until the swap, the previous output stays exactly as it was; after it,
/// the previous output is deleted.
struct OutputWriter {
    let output: URL
    let displayPath: String

    /// Takes the output's lock, clears what interrupted builds left, and opens a staging folder to write into.
    func begin() throws(Diagnostic) -> StagingFolder {
        let lock = try OutputLock.acquire(for: output, displayPath: displayPath)
        removeLeftoversOfInterruptedBuilds()
        let staging = output.deletingLastPathComponent()
            .appending(path: ".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .error(at: SourceLocation(path: displayPath), "cannot write in the folder that holds \(displayPath): \(FileSystemFailure.reason(error))")
        }
        return StagingFolder(folder: staging, output: output, displayPath: displayPath, lock: lock)
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
}

/// The folder a build writes into before it becomes the output. Safe to write from several threads at once (each
/// file by one thread); `commit` or `abandon` ends it, and the output's lock is held until then.
final class StagingFolder: @unchecked Sendable {
    private let folder: URL
    private let output: URL
    private let displayPath: String
    private var lock: OutputLock?
    private let foldersLock = NSLock()
    private var createdFolders: Set<String> = []

    fileprivate init(folder: URL, output: URL, displayPath: String, lock: OutputLock) {
        self.folder = folder
        self.output = output
        self.displayPath = displayPath
        self.lock = lock
    }

    /// Writes one file, `path` being below the output folder (e.g. `notes/x/index.html`).
    func write(_ path: String, _ contents: Data) throws(Diagnostic) {
        let file = try open(path)
        let written = contents.withUnsafeBytes { bytes in Result { () throws(Diagnostic) in try write(bytes, to: file, path: path) } }
        try written.get()
    }

    /// Creates one file, to be written piece by piece with `write(_:to:path:)`.
    func open(_ path: String) throws(Diagnostic) -> PlainFile.Writer {
        let target = folder.appending(path: path)
        do {
            try createParent(of: target)
            return try PlainFile.Writer(target.path)
        } catch {
            throw failure(path, error)
        }
    }

    /// Writes the next piece of a file made by `open(_:)`.
    func write(_ bytes: UnsafeRawBufferPointer, to file: PlainFile.Writer, path: String) throws(Diagnostic) {
        do {
            try file.write(bytes)
        } catch {
            throw failure(path, error)
        }
    }

    private func failure(_ path: String, _ error: any Error) -> Diagnostic {
        .error(at: SourceLocation(path: displayPath), "cannot write \(displayPath)/\(path): \(FileSystemFailure.reason(error))")
    }

    /// Puts the current output's copy of an unchanged file into the new output: as a hard link, so no byte is
    /// copied, or as a copy where the file system has no hard links.
    func reuse(_ path: String) throws(Diagnostic) {
        let target = folder.appending(path: path)
        let previous = output.appending(path: path)
        do {
            try createParent(of: target)
            if link(previous.path, target.path) != 0 { try FileManager.default.copyItem(at: previous, to: target) }
        } catch {
            throw failure(path, error)
        }
    }

    /// A file as written so far, e.g. a reused page whose ids the link check needs.
    func contents(of path: String) -> Data? {
        try? Data(contentsOf: folder.appending(path: path))
    }

    private func createParent(of target: URL) throws {
        let parent = target.deletingLastPathComponent().path
        if foldersLock.withLock({ !createdFolders.contains(parent) }) {
            try PlainFile.createFolder(parent)
            foldersLock.withLock { _ = createdFolders.insert(parent) }
        }
    }

    /// Marks the folder as the build's own and swaps it into place.
    func commit() throws(Diagnostic) {
        defer { lock = nil }
        // What was being written when a call failed, for the error: the file as it will stand in the output.
        var current = "\(displayPath)/\(OutputLocation.marker)"
        do {
            try Data("Written by briefing. The next build replaces this whole folder.\n".utf8)
                .write(to: folder.appending(path: OutputLocation.marker))
            current = displayPath
            try swapIntoPlace()
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw .error(at: SourceLocation(path: displayPath), "cannot write \(current): \(FileSystemFailure.reason(error))")
        }
    }

    /// Deletes what was written; the previous output stays as it was.
    func abandon() {
        try? FileManager.default.removeItem(at: folder)
        lock = nil
    }

    private func swapIntoPlace() throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: folder, to: output)
            return
        }
        if briefing_exchange_paths(folder.path, output.path) == 0 {
            // The staging path now holds the previous output. The new output is in place whatever happens next: a
            // failure to delete the old one must not fail the build (the next build removes what is left).
            try? fileManager.removeItem(at: folder)
            return
        }
        // File systems without an atomic exchange: two renames, with only a brief moment between them.
        let previous = output.deletingLastPathComponent()
            .appending(path: ".\(output.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: previous)
        try fileManager.moveItem(at: output, to: previous)
        do {
            try fileManager.moveItem(at: folder, to: output)
        } catch {
            try? fileManager.moveItem(at: previous, to: output)
            throw error
        }
        try? fileManager.removeItem(at: previous)
    }
}
