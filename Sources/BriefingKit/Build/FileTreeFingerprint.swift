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

    /// Adds every entry below `folder`; a missing folder adds a marker of its own, so that creating it counts as
    /// a change. Each entry is hashed on its own and the hashes are summed, so the order in which the file system
    /// lists them does not matter and nothing needs sorting.
    mutating func add(tree folder: URL, label: String) {
        hash.add(label)
        var sum: UInt64 = 0
        var count: Int64 = 0
        walk(folder.path, relative: "") { path, info in
            var entry = FNV1aHash()
            entry.add(path)
            Self.add(info, to: &entry)
            sum = sum &+ entry.value
            count += 1
        }
        if count == 0, !FileManager.default.fileExists(atPath: folder.path) { hash.add("\u{0}missing") }
        hash.add(count)
        hash.add(Int64(bitPattern: sum))
    }

    /// Adds one file's metadata (following a symbolic link), or a marker when it does not exist.
    mutating func add(file path: String) {
        hash.add(path)
        var info = stat()
        if stat(path, &info) == 0 { Self.add(info, to: &hash) } else { hash.add("\u{0}missing") }
    }

    mutating func add(_ text: String) { hash.add(text) }

    var value: UInt64 { hash.value }

    private static func add(_ info: stat, to hash: inout FNV1aHash) {
        for number in [Int64(info.st_size), Int64(info.st_ino), Int64(info.st_mode),
                       Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec), Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec)] {
            hash.add(number)
        }
    }

    private func walk(_ path: String, relative: String, _ visit: (String, stat) -> Void) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let full = path + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            // Follow links, so that an edit behind a link counts; a dangling link still counts by itself.
            // Relative to the open folder, so the kernel does not walk the whole path again for every file.
            let folder = dirfd(directory)
            guard fstatat(folder, name, &info, 0) == 0 || fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            visit(relativePath, info)
            if info.st_mode & S_IFMT == S_IFDIR { walk(full, relative: relativePath, visit) }
        }
    }
}
