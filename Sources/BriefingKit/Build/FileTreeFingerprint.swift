import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 64-bit summary of a folder tree's file names, sizes, inode numbers and modification and change times: it
/// changes when any file is added, removed, renamed, written or replaced, without reading a single file. The change
/// time (`ctime`) cannot be set back by tools such as `touch -d`, so restoring an old `mtime` still counts as a change.
struct FileTreeFingerprint {
    private var hash = FNV1aHash()

    /// Adds every entry below `folder` (sorted, so the walk order of the file system does not matter); a missing
    /// folder adds a marker of its own, so that creating it counts as a change.
    mutating func add(tree folder: URL, label: String) {
        hash.add(label)
        var entries: [(String, stat)] = []
        walk(folder.path, relative: "", into: &entries)
        if entries.isEmpty, !FileManager.default.fileExists(atPath: folder.path) { hash.add("\u{0}missing") }
        for (path, info) in entries.sorted(by: { $0.0 < $1.0 }) {
            hash.add(path)
            add(info)
        }
    }

    /// Adds one file's metadata (following a symbolic link), or a marker when it does not exist.
    mutating func add(file path: String) {
        hash.add(path)
        var info = stat()
        if stat(path, &info) == 0 { add(info) } else { hash.add("\u{0}missing") }
    }

    mutating func add(_ text: String) { hash.add(text) }

    var value: UInt64 { hash.value }

    private mutating func add(_ info: stat) {
        for number in [Int64(info.st_size), Int64(info.st_ino), Int64(info.st_mode),
                       Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec), Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec)] {
            hash.add(number)
        }
    }

    private func walk(_ path: String, relative: String, into entries: inout [(String, stat)]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let full = path + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            // Follow links, so that an edit behind a link counts; a dangling link still counts by itself.
            guard stat(full, &info) == 0 || lstat(full, &info) == 0 else { continue }
            entries.append((relativePath, info))
            if info.st_mode & S_IFMT == S_IFDIR { walk(full, relative: relativePath, into: &entries) }
        }
    }
}
