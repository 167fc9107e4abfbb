import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one output folder, so that two builds at once never write it together: the second waits
/// for the first, and gives up with a clear error after a while.
///
/// The lock is `flock` on a file beside the output (`.<name>.lock`); the kernel releases it when the process ends,
/// even by `kill -9`, so a crashed build never leaves the output locked.
final class OutputLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Waits for the lock up to `timeout` seconds.
    static func acquire(for output: URL, displayPath: String, timeout: Double = 60) throws(Diagnostic) -> OutputLock {
        let parent = output.deletingLastPathComponent()
        // `--output dist/site` may name folders that do not exist yet; if they cannot be made, open() says why.
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let path = parent.appending(path: ".\(output.lastPathComponent).lock").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            let verb = FileManager.default.fileExists(atPath: path) ? "open" : "create"
            throw .error(at: SourceLocation(path: displayPath), "cannot \(verb) the lock file \(path): \(reason)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                // Not held by another build: the file system cannot lock (e.g. some network mounts).
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .error(at: SourceLocation(path: displayPath), "cannot lock \(path): \(reason)")
            }
            guard Date() < deadline else {
                close(descriptor)
                throw .error(
                    at: SourceLocation(path: displayPath),
                    "another briefing build is writing \(displayPath); gave up waiting after \(timeout.rounded() == timeout ? String(Int(timeout)) : String(timeout)) s"
                )
            }
            usleep(50_000)
        }
        return OutputLock(descriptor: descriptor)
    }
}
