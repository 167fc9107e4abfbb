import Foundation
import Testing
@testable import BriefingKit

/// A failed build leaves the previous output exactly as it was, and the tool never writes where the user works.
@Suite struct BuildSafetyTests {
    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        let before = try Directory.snapshot(site.root.appending(path: "Output"))
        try site.write("Content/notes/first.md", "---\ntitle: First Note\ndate: not-a-date\n---\nText [@missing].\n")
        let errors = site.failingBuild()
        #expect(errors.count == 2)
        let after = try Directory.snapshot(site.root.appending(path: "Output"))
        #expect(after == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".Output") && $0 != ".Output.lock" }
        #expect(leftovers == [], "no staging folder may be left behind")
    }

    @Test func aSuccessfulRebuildReplacesTheWholeOutput() throws {
        let site = try TestSite.minimal(["Content/notes/second.md": "---\ntitle: Second\ndate: 2024-10-25\n---\nBody.\n"])
        _ = try site.build()
        #expect(site.exists("Output/notes/second/index.html"))
        try site.remove("Content/notes/second.md")
        _ = try site.build()
        #expect(!site.exists("Output/notes/second/index.html"), "pages of deleted notes must disappear")
        #expect(site.exists("Output/notes/first/index.html"))
    }

    @Test(arguments: [
        ("Content", "it is or contains Content/"),
        ("Content/out", "it lies inside Content/"),
        ("Templates/out", "it lies inside Templates/"),
        (".", "it is or contains the site folder"),
    ])
    func refusesAnOutputFolderWhereTheUserWrites(output: String, reason: String) throws {
        let site = try TestSite.minimal(["Templates/.keep": ""])
        let target = site.root.appending(path: output).standardizedFileURL.path
        let errors = site.failingBuild(output: target)
        #expect(errors == ["\(target):1:1: error: refusing to write the output to \(target): \(reason)"])
        #expect(site.exists("Content/site.yml"))
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let site = try TestSite.minimal(["Notes/mine.txt": "my own notes"])
        let target = site.root.appending(path: "Notes").path
        let errors = site.failingBuild(output: target)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("was not written by briefing") == true)
        #expect(try site.read("Notes/mine.txt") == "my own notes")
    }

    @Test func draftsAreSkippedUnlessAskedFor() throws {
        let site = try TestSite.minimal(["Content/notes/wip.md": "---\ntitle: Work in progress\ndate: 2024-10-26\ndraft: true\n---\nNot yet.\n"])
        _ = try site.build()
        #expect(!site.exists("Output/notes/wip/index.html"))
        _ = try site.build(drafts: true)
        #expect(site.exists("Output/notes/wip/index.html"))
    }
}
