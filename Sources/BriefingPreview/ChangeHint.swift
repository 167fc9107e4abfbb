import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Says whether anything below the watched folders may have changed since it was last asked, without walking
/// them: on Linux, inotify watches on the site folder and every folder below `Content/` and `Templates/`. Walking a
/// 10,000-note site every 300 ms kept a core half busy while `serve` sat idle; with the hint, the watcher walks only
/// after the kernel reported something.
///
/// Where inotify is not available (other systems, or the watch limit reached), every poll counts as a possible
/// change and the watcher walks as before.
final class ChangeHint: @unchecked Sendable {
    private let root: URL
    private let folders: [String]
    private let lock = NSLock()
    #if canImport(Glibc)
    private var descriptor: Int32 = -1
    #endif

    init(root: URL, folders: [String]) {
        self.root = root
        self.folders = folders
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if descriptor >= 0, !watchEveryFolder() {
            close(descriptor)
            descriptor = -1
        }
        #endif
    }

    deinit {
        #if canImport(Glibc)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    /// True when the kernel reported an event since the last call (or when there is no kernel help).
    func mayHaveChanged() -> Bool {
        #if canImport(Glibc)
        lock.withLock {
            guard descriptor >= 0 else { return true }
            var changed = false
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { changed = true }
            // A folder made since the last call needs a watch of its own; adding one twice is harmless.
            if changed, !watchEveryFolder() {
                close(descriptor)
                descriptor = -1
            }
            return changed
        }
        #else
        true
        #endif
    }

    #if canImport(Glibc)
    /// Watches the site folder (where `Templates/` may appear) and every folder below the watched ones.
    private func watchEveryFolder() -> Bool {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
            | IN_DELETE_SELF | IN_MOVE_SELF)
        var paths = [root.path]
        for folder in folders {
            let base = root.appending(path: folder, directoryHint: .isDirectory)
            guard FileManager.default.fileExists(atPath: base.path) else { continue }
            paths.append(base.path)
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey])
            while let url = walker?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true { paths.append(url.path) }
            }
        }
        return paths.allSatisfy { inotify_add_watch(descriptor, $0, mask) >= 0 }
    }
    #endif
}
