import Foundation

/// Writes and creates with the system calls themselves. Foundation's `Data.write(to:)` calls `fsync` after every
/// file, which made writing 12,000 pages wait on the disk 12,000 times; the staging folder's one-step swap is what
/// keeps the output whole when a build is killed, not a sync per file.
enum PlainFile {
    /// A file open for writing, written piece by piece; closed when the writer goes.
    final class Writer {
        private let descriptor: Int32

        /// Creates or truncates `path` (permissions 0666 less the umask, as Foundation does).
        init(_ path: String) throws {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw PlainFile.posixError() }
        }

        deinit { close(descriptor) }

        func write(_ bytes: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PlainFile.posixError()
                }
                offset += written
            }
        }
    }

    /// Creates the folder `path` and any missing parents; succeeds when it exists already.
    static func createFolder(_ path: String) throws {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw posixError() }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    fileprivate static func posixError() -> NSError {
        NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
    }
}
