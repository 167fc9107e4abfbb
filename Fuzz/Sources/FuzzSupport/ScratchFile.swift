import Foundation

/// One file per fuzzer process for the loaders, which read from disk: in /dev/shm where there is one, so that
/// writing each input costs no disk I/O.
public enum ScratchFile {
    public static let url: URL = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return URL(fileURLWithPath: folder).appending(path: "briefing-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
    }()

    /// Writes `data` to the scratch file and returns its URL.
    public static func holding(_ data: Data) -> URL {
        do {
            try data.write(to: url)
        } catch {
            FileHandle.standardError.write(Data("cannot write \(url.path): \(error)\n".utf8))
            abort()
        }
        return url
    }
}
