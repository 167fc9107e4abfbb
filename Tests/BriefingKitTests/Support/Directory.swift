import Foundation

/// Reads a folder tree into memory, for comparing whole outputs.
enum Directory {
    /// Every regular file below `root`, by relative path.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The repository's top folder (it is the example site).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func temporary() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "briefing-out-\(UUID().uuidString)", directoryHint: .isDirectory)
    }
}
