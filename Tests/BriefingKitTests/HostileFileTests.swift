import Foundation
import Testing
@testable import BriefingKit

/// Content files a build must survive and explain: YAML that expands without end, empty files, file names that
/// cannot become URLs or collide on case-insensitive disks.
@Suite struct HostileFileTests {
    /// Nine levels of nine aliases each: 9^9 (387 million) values from a dozen lines ("billion laughs").
    static let aliasBomb: String = {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test(.timeLimit(.minutes(1)))
    func aYAMLAliasBombIsRefusedAtOnce() throws {
        let site = try TestSite.minimal(["Content/claims/bomb.yml": Self.aliasBomb])
        #expect(site.failingBuild() == [
            "Content/claims/bomb.yml:1:1: error: YAML document expands to more than 1000000 values (through aliases?); refusing to read it",
        ])
        let note = try TestSite.minimal(["Content/notes/bomb.md": "---\n" + Self.aliasBomb + "---\nBody.\n"])
        #expect(note.failingBuild().first?.hasPrefix("Content/notes/bomb.md:2:1: error: YAML document expands") == true)
    }

    /// A 100 MB note took 2.7 GB and 7 minutes to build; anything over 16 MiB is refused before it is read.
    @Test(.timeLimit(.minutes(1)))
    func aFileOverSixteenMebibytesIsRefusedBeforeItIsRead() throws {
        let site = try TestSite.minimal()
        let paragraph = "North Korean troops were reported in the Kursk region [@src].\n\n"
        let body = String(repeating: paragraph, count: TextFile.maximumBytes / paragraph.utf8.count + 1)
        try site.write("Content/notes/huge.md", "---\ntitle: Huge\ndate: 2024-10-25\n---\n" + body)
        try site.write("Content/sources/huge-source.md", "---\ntitle: Huge\noutlet: X\n---\n" + body)
        #expect(site.failingBuild() == [
            "Content/notes/huge.md:1:1: error: file is 16.0 MiB, over the 16 MiB a file of the site may have: split it into several",
            "Content/sources/huge-source.md:1:1: error: file is 16.0 MiB, over the 16 MiB a file of the site may have: split it into several",
        ])
        // A file of exactly the limit is read as usual.
        try site.write("limit.md", String(repeating: "a", count: TextFile.maximumBytes))
        #expect(try TextFile.read(site.root.appending(path: "limit.md"), displayPath: "limit.md").text.utf8.count == TextFile.maximumBytes)
    }

    @Test func emptyFilesAreReportedByWhatTheyLack() throws {
        let site = try TestSite.minimal(["Content/notes/empty.md": "", "Content/sources/blank.md": "", "Content/claims/none.yml": ""])
        #expect(site.failingBuild().filter { $0.contains("error:") } == [
            "Content/notes/empty.md:1:1: error: missing required field 'date'",
            "Content/notes/empty.md:1:1: error: missing required field 'title'",
            "Content/sources/blank.md:1:1: error: missing required field 'outlet'",
            "Content/sources/blank.md:1:1: error: missing required field 'title'",
        ])
    }

    @Test func fileNamesThatCannotBeURLsOrCollideOnCaseAreErrors() throws {
        let note = "---\ntitle: X\ndate: 2024-10-25\n---\nText.\n"
        let site = try TestSite.minimal(["Content/notes/with space.md": note, "Content/notes/ünï.md": note, "Content/notes/First.md": note])
        let rule = "must use letters, digits, '-' and '_', starting with a letter or digit"
        #expect(site.failingBuild().filter { $0.contains("error:") } == [
            "Content/notes/first.md:1:1: error: note 'first' differs only in letter case from Content/notes/First.md",
            "Content/notes/with space.md:1:1: error: note file name 'with space' \(rule)",
            "Content/notes/ünï.md:1:1: error: note file name 'ünï' \(rule)",
        ])
    }
}
