import Foundation
import Testing
@testable import BriefingKit

/// A build whose inputs, options, binary and output are all as the last build left them does nothing; any change to
/// any of them gives a full build again.
@Suite struct BuildRecordTests {
    private func inode(_ site: TestSite, _ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: site.root.appending(path: path).path)
        return try #require(attributes[.systemFileNumber] as? Int)
    }

    @Test func aSecondBuildWithNothingChangedLeavesTheOutputAsItWas() throws {
        let site = try TestSite.minimal()
        let first = try site.build()
        #expect(!first.upToDate)
        let before = try inode(site, "Output/notes/first/index.html")
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.pagesWritten == first.pagesWritten && second.filesWritten == first.filesWritten)
        #expect(try inode(site, "Output/notes/first/index.html") == before, "the page was not written again")
        #expect(site.exists(".briefing-cache/Output.json"))
    }

    @Test func anEditedNoteIsBuiltAgain() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        try site.write("Content/notes/first.md", "---\ntitle: First Note, Revised\ndate: 2024-10-24\ntopics: [alpha]\n---\nRevised [@src].\n")
        let report = try site.build()
        #expect(!report.upToDate)
        #expect(try site.read("Output/notes/first/index.html").contains("First Note, Revised"))
    }

    @Test func aNewTemplateOrANewFileCountsAsAChange() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        try site.write("Content/sources/second.md", "---\ntitle: Second\noutlet: Other Times\n---\nText.\n")
        #expect(try !site.build().upToDate)
        #expect(site.exists("Output/sources/second/index.html"))
        try site.write("Templates/assets/extra.css", "p { color: red }\n")
        #expect(try !site.build().upToDate)
        #expect(site.exists("Output/assets/extra.css"))
    }

    @Test func anOutputChangedByHandIsBuiltAgain() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        try site.remove("Output/notes/first/index.html")
        #expect(try !site.build().upToDate)
        #expect(site.exists("Output/notes/first/index.html"))
        try site.write("Output/index.html", "edited by hand")
        #expect(try !site.build().upToDate)
        #expect(try site.read("Output/index.html").contains("<!DOCTYPE html>"))
    }

    @Test func otherOptionsOrAnotherOutputFolderBuildAgain() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        #expect(try !site.build(drafts: true).upToDate)
        #expect(try site.build(drafts: true).upToDate)
        #expect(try !site.build(output: site.root.appending(path: "Elsewhere").path).upToDate)
    }

    @Test func anUnreadableOrForeignRecordIsIgnored() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        try site.write(".briefing-cache/Output.json", "{ not json")
        #expect(try !site.build().upToDate)

        let url = site.root.appending(path: ".briefing-cache/Output.json")
        var record = try JSONDecoder().decode(BuildRecord.self, from: Data(contentsOf: url))
        record.binary = "0.0.1 another-binary"
        try JSONEncoder().encode(record).write(to: url)
        #expect(try !site.build().upToDate, "a record written by another binary is not trusted")
        #expect(try site.build().upToDate)

        try site.remove(".briefing-cache")
        #expect(try !site.build().upToDate, "the cache is safe to delete")
    }

    @Test func warningsOfTheLastBuildAreReportedAgain() throws {
        let site = try TestSite.minimal()
        let first = try site.build()
        #expect(first.warnings.contains { $0.message.contains("base_url") })
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.warnings == first.warnings)
    }

    @Test func aFailedBuildLeavesNoRecordThatCouldSkipTheNext() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        try site.write("Content/notes/first.md", "---\ntitle: First\ndate: 2024-10-24\n---\nCites [@missing].\n")
        #expect(!site.failingBuild().isEmpty)
        // Putting the file back as it was is a change too (its change time moved): the build runs and succeeds.
        try site.write("Content/notes/first.md", "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\nsummary: A summary.\n---\nSomething happened [@src, para 1].\n")
        #expect(try !site.build().upToDate)
    }
}
