import Foundation
import Testing
@testable import BriefingKit

/// A very large note builds in time proportional to its size: four times the text costs about four times the CPU,
/// not sixteen. (A 100 MB note, measured on the release binary, is in Fuzz/README.md; at debug speed it would take
/// minutes, so the test compares two smaller sizes.) Runs the real `briefing` executable, whose CPU time the shell's
/// `times` reports whatever else the machine is doing.
@Suite struct LargeNoteTests {
    /// Paragraphs of prose, every tenth with a citation, to about `bytes` bytes.
    static func note(bytes: Int) -> String {
        var text = "---\ntitle: Large\ndate: 2024-10-25\ntopics: [alpha]\n---\n"
        var index = 0
        while text.utf8.count < bytes {
            text += index % 10 == 0
                ? "Paragraph \(index) of a *very* long note cites a report [@src, para 1].\n\n"
                : "Paragraph \(index) of a very long note goes on about the [front](https://example.org) at length.\n\n"
            index += 1
        }
        return text
    }

    /// The CPU seconds (user + system) of `briefing build` on `site`, and its exit status.
    static func cpuSeconds(building site: TestSite, binary: URL) throws -> (seconds: Double, status: Int32) {
        // `times` prints the shell's own times, then its children's: "0m2.070000s 0m0.010000s".
        let run = try ShellRun("\"$0\" build \"$1\" >/dev/null 2>&1; status=$?; times >&2; exit $status", [binary.path, site.path])
        let children = run.standardError.split(separator: "\n").last ?? ""
        let seconds = children.split(separator: " ").map { field -> Double in
            let parts = field.dropLast().split(separator: "m")
            return parts.count == 2 ? (Double(parts[0]) ?? 0) * 60 + (Double(parts[1]) ?? 0) : 0
        }
        return (seconds.reduce(0, +), run.status)
    }

    @Test(.timeLimit(.minutes(2)))
    func fourTimesTheTextCostsAboutFourTimesTheTime() throws {
        let binary = try #require(CrashSafetyTests.executable, "the briefing executable must be built beside the tests")
        let small = try TestSite.minimal(["Content/notes/large.md": Self.note(bytes: 200_000)])
        let large = try TestSite.minimal(["Content/notes/large.md": Self.note(bytes: 800_000)])
        let smallRun = try Self.cpuSeconds(building: small, binary: binary)
        let largeRun = try Self.cpuSeconds(building: large, binary: binary)
        #expect(smallRun.status == 0 && largeRun.status == 0)
        let last = try Self.lastParagraph(large)
        #expect(try large.read("Output/notes/large/index.html").contains("Paragraph \(last) of"), "the last paragraph is on the page")
        // Linear: about 4 times (start-up costs make it less); quadratic would be 16.
        let ratio = largeRun.seconds / max(smallRun.seconds, 0.01)
        #expect(ratio < 8, "200 KB took \(smallRun.seconds) s of CPU, 800 KB \(largeRun.seconds) s: \(ratio) times")
    }

    /// The number of the note's last paragraph.
    private static func lastParagraph(_ site: TestSite) throws -> Int {
        let text = try site.read("Content/notes/large.md")
        return text.components(separatedBy: "\n\n").count - 2
    }
}
