import Foundation
import Testing
@testable import BriefingKit

/// A disk that fills up or an output location the build may not write gives an error that names the place and says
/// what went wrong, and the previous output stays exactly as it was. Runs the real `briefing` executable, in a child
/// process that has a file size limit or runs as another user.
@Suite struct WriteFailureTests {
    /// A built minimal site, its output snapshot, and a note whose page is about 400 KB, for the next build.
    private func builtSiteWithABigNewNote() throws -> (TestSite, [String: Data]) {
        let site = try TestSite.minimal()
        _ = try site.build()
        let before = try Directory.snapshot(site.root.appending(path: "Output"))
        try site.write("Content/notes/big.md", "---\ntitle: Big\ndate: 2024-10-25\n---\n" + String(repeating: "A paragraph of the big note.\n\n", count: 12_000))
        return (site, before)
    }

    private func leftovers(beside folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(folder.lastPathComponent).") && !$0.hasSuffix(".lock") }
    }

    @Test func aFullDiskNamesTheFileAndLeavesThePreviousOutput() throws {
        let binary = try #require(CrashSafetyTests.executable, "the briefing executable must be built beside the tests")
        let (site, before) = try builtSiteWithABigNewNote()
        // A file size limit of 128 KB with SIGXFSZ ignored: the big page's write fails with EFBIG, as it would with
        // ENOSPC on a full disk, through the same path in the engine.
        let run = try ShellRun("cd \"$1\" && trap '' XFSZ && ulimit -f 256 && exec \"$0\" build", [binary.path, site.path])
        #expect(run.status == 1)
        // Named: the first page too large to write (the print page or the note's, both hold the note).
        let error = run.standardError.split(separator: "\n").first { $0.contains("error:") } ?? ""
        #expect(error.hasPrefix("Output:1:1: error: cannot write Output/") && error.hasSuffix("/index.html: File too large"), "\(run.standardError)")
        #expect(run.standardError.contains("the previous output was left as it was"))
        #expect(try Directory.snapshot(site.root.appending(path: "Output")) == before)
        #expect(try leftovers(beside: site.root.appending(path: "Output")) == [], "no half-written staging folder is left")
    }

    /// Root writes anywhere whatever the mode, so as root the build runs as `nobody` through util-linux's setpriv.
    static let canLockAFolder = geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: canLockAFolder, "running as root without /usr/bin/setpriv (util-linux): nothing is read-only to root"))
    func anOutputLocationThatCannotBeWrittenIsNamedAndLeftAsItWas() throws {
        let binary = try #require(CrashSafetyTests.executable, "the briefing executable must be built beside the tests")
        let (site, _) = try builtSiteWithABigNewNote()
        let locked = site.root.appending(path: "locked")
        let output = locked.appending(path: "Output")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        _ = try site.build(output: output.path)
        let before = try Directory.snapshot(output)
        // As root, the build runs as `nobody`, who may read the site but not write the folder.
        let prefix = geteuid() == 0 ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups" : ""
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let run = try ShellRun("\(prefix) \"$0\" build \"$1\" --output \"$2\"", [binary.path, site.path, output.path])
        #expect(run.status == 1)
        // Named: the lock file beside the output (root's, from the first build) or, for its owner, the folder.
        let error = run.standardError.split(separator: "\n").first { $0.contains("error:") } ?? ""
        #expect(error.hasPrefix("\(output.path):1:1: error: cannot "), "\(run.standardError)")
        #expect(error.contains(locked.path) && error.hasSuffix(": Permission denied"), "\(run.standardError)")
        #expect(try Directory.snapshot(output) == before)
        #expect(try leftovers(beside: output) == [])
    }
}
