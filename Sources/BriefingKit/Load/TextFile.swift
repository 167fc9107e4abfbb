import Foundation

/// A UTF-8 text file of the site, read once, with its line endings normalised to `\n` and any byte-order mark removed.
struct TextFile: Sendable {
    /// The path as shown in diagnostics (relative to where the user ran the tool).
    var displayPath: String
    var text: String

    /// The largest file the site may have: 16 MiB, some three million words. Larger files are refused before they
    /// are read, because building one takes memory many times its size (a 100 MB note needed 2.7 GB and 7 minutes).
    static let maximumBytes = 16 * 1024 * 1024

    /// Reads and decodes a file; invalid UTF-8 is an error at the first bad byte, a file over `maximumBytes` an
    /// error before anything is read.
    static func read(_ url: URL, displayPath: String) throws(Diagnostic) -> TextFile {
        var info = stat()
        if stat(url.path, &info) == 0, Int(info.st_size) > maximumBytes {
            let size = String(format: "%.1f", Double(info.st_size) / 1_048_576)
            throw .error(at: SourceLocation(path: displayPath, line: 1, column: 1),
                         "file is \(size) MiB, over the \(maximumBytes / 1_048_576) MiB a file of the site may have: split it into several")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .error(at: SourceLocation(path: displayPath), "cannot read file: \(error.localizedDescription)")
        }
        return try decode(data, displayPath: displayPath)
    }

    static func decode(_ data: Data, displayPath: String) throws(Diagnostic) -> TextFile {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes) + (data.count - bytes.count)
            let line = data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw .error(at: SourceLocation(path: displayPath, line: line, column: 1), "invalid UTF-8 at byte offset \(offset)")
        }
        var text = decoded
        // A byte check, so that the common file without any carriage return is not searched by Foundation.
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return TextFile(displayPath: displayPath, text: text)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
