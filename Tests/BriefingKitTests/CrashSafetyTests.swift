import Foundation
import Testing
@testable import BriefingKit

/// `kill -9` at any moment of a build leaves the output folder either as it was or as the new build made it:
/// never missing, half-written or mixed. Runs the real `briefing` executable.
@Suite struct CrashSafetyTests {
    /// The `briefing` executable built beside the test bundle.
    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "briefing"),
            Bundle.main.bundleURL.appending(path: "briefing"),
            Bundle.main.bundleURL.deletingLastPathComponent().appending(path: "briefing"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func noteFiles(version: Int) -> [String: String] {
        var files: [String: String] = [:]
        for index in 0..<80 {
            files["Content/notes/n\(index).md"] = "---\ntitle: Note \(index) v\(version)\ndate: 2024-10-24\ntopics: [alpha]\n---\n"
                + String(repeating: "Paragraph of note \(index), version \(version) [@src, para 1].\n\n", count: 5)
        }
        return files
    }

    @Test(.timeLimit(.minutes(5)))
    func killingABuildAtRandomMomentsNeverLeavesAMixedOutput() throws {
        guard let binary = Self.executable else {
            Issue.record("the briefing executable must be built beside the tests (swift build --build-tests builds it)")
            return
        }
        let site = try TestSite.minimal(Self.noteFiles(version: 0))
        let snapshots = try (0...1).map { version -> [String: Data] in
            for (path, contents) in Self.noteFiles(version: version) { try site.write(path, contents) }
            let output = Directory.temporary()
            defer { try? FileManager.default.removeItem(at: output) }
            _ = try Build.run(BuildOptions(sitePath: site.path, outputPath: output.path))
            return try Directory.snapshot(output)
        }
        _ = try site.build()
        var generator = SystemRandomNumberGenerator()
        var killedBeforeTheEnd = 0
        for round in 0..<25 {
            for (path, contents) in Self.noteFiles(version: (round + 1) % 2) { try site.write(path, contents) }
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", site.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...400_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedBeforeTheEnd += 1
            }
            process.waitUntilExit()
            let output = try Directory.snapshot(site.root.appending(path: "Output"))
            #expect(output == snapshots[0] || output == snapshots[1], "round \(round): the output is one whole build")
        }
        #expect(killedBeforeTheEnd > 0, "some builds were interrupted")
        _ = try site.build()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".Output.") && $0 != ".Output.lock" }
        #expect(leftovers == [], "the next build clears what killed builds left behind")
    }

    @Test func aSecondBuildOfTheSameOutputWaitsThenRefusesClearly() throws {
        let site = try TestSite.minimal()
        let output = site.root.appending(path: "Output")
        var first: OutputLock? = try OutputLock.acquire(for: output, displayPath: "Output")
        #expect(throws: Diagnostic.error(at: SourceLocation(path: "Output"), "another briefing build is writing Output; gave up waiting after 0.2 s")) {
            _ = try OutputLock.acquire(for: output, displayPath: "Output", timeout: 0.2)
        }
        #expect(first != nil)
        first = nil
        let second = try OutputLock.acquire(for: output, displayPath: "Output", timeout: 0.2)
        withExtendedLifetime(second) {}
    }

    /// A lock file that exists but cannot be opened is named as such, not as one that could not be created.
    @Test func aLockFileThatCannotBeOpenedIsNamedWithTheReason() throws {
        let site = try TestSite.minimal()
        // A folder where the lock file should be: open() fails for root too.
        try FileManager.default.createDirectory(at: site.root.appending(path: ".Output.lock"), withIntermediateDirectories: true)
        let lock = site.root.appending(path: ".Output.lock").path
        #expect(site.failingBuild().filter { $0.contains("error:") } == ["Output:1:1: error: cannot open the lock file \(lock): Is a directory"])
        #expect(!site.exists("Output"))
    }
}
