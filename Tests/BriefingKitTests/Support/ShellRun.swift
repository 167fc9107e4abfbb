import Foundation

/// Runs a `/bin/sh` script in a child process, for what only another process can show: a file size limit, another
/// user's permissions. `"$0"` is the first argument, `"$1"` the second, and so on.
struct ShellRun {
    let status: Int32
    let standardError: String

    init(_ script: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script] + arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        standardError = String(decoding: data, as: UTF8.self)
    }
}
