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
