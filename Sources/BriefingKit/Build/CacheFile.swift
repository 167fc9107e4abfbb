import Foundation

/// A JSON file in `.briefing-cache/` beside an output folder (`BuildRecord`, `PageCache`): read when it decodes,
/// written atomically, and never more than a cache — any failure to read or write it only costs a full build.
struct CacheFile<Value: Codable> {
    let url: URL

    /// `.briefing-cache/<output name><suffix>` in the folder that holds the output.
    init(for output: URL, suffix: String) {
        url = output.deletingLastPathComponent().appending(path: ".briefing-cache/\(output.lastPathComponent)\(suffix)")
    }

    func read() -> Value? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Value.self, from: data)
    }

    func write(_ value: Value, readable: Bool = false) {
        let encoder = JSONEncoder()
        if readable { encoder.outputFormatting = [.sortedKeys, .prettyPrinted] }
        guard let data = try? encoder.encode(value) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url, options: .atomic)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
