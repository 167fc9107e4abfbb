import Foundation

/// Why `briefing init` or `briefing new` wrote nothing: a message for the user, naming the path involved.
public struct ScaffoldError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Writing files that must not exist yet.
enum ScaffoldFile {
    /// Writes `contents` to a new file, creating its folder; fails if anything is at `url` already — checked by the
    /// file system at creation (`O_EXCL`), so a file that appears meanwhile is not overwritten either.
    static func create(_ url: URL, contents: String, displayPath: String) throws(ScaffoldError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ScaffoldError("cannot create the folder of \(displayPath): \(error.localizedDescription)")
        }
        if FileManager.default.fileExists(atPath: url.path) {
            throw ScaffoldError("\(displayPath) already exists; nothing was written")
        }
        do {
            try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: url.path) {
                throw ScaffoldError("\(displayPath) already exists; nothing was written")
            }
            throw ScaffoldError("cannot write \(displayPath): \(error.localizedDescription)")
        }
    }

    /// `YYYY-MM-DD` of `date` in `timeZone`: the day the user sees on the calendar.
    static func day(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
    }
}
