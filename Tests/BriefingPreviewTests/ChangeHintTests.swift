import Foundation
import Testing
@testable import BriefingPreview

/// The watcher walks the site only after the kernel reported a change below it (Linux inotify).
@Suite struct ChangeHintTests {
    private func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appending(path: "briefing-hint-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: root.appending(path: "Content/notes"), withIntermediateDirectories: true)
        return root
    }

    #if os(Linux)
    @Test func reportsAnEditOnceAndNothingWhileTheSiteIsUntouched() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let hint = ChangeHint(root: root, folders: ["Content", "Templates"])
        #expect(!hint.mayHaveChanged(), "no event yet")
        try Data("a".utf8).write(to: root.appending(path: "Content/notes/a.md"))
        #expect(hint.mayHaveChanged())
        #expect(!hint.mayHaveChanged(), "each event is reported once")
        try Data("b".utf8).write(to: root.appending(path: "Content/notes/a.md"))
        #expect(hint.mayHaveChanged())
    }

    @Test func watchesFoldersMadeAfterItStarted() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let hint = ChangeHint(root: root, folders: ["Content", "Templates"])
        try FileManager.default.createDirectory(at: root.appending(path: "Templates/assets"), withIntermediateDirectories: true)
        #expect(hint.mayHaveChanged(), "Templates/ appeared in the site folder")
        #expect(!hint.mayHaveChanged())
        try Data("p {}".utf8).write(to: root.appending(path: "Templates/assets/extra.css"))
        #expect(hint.mayHaveChanged(), "a file in a folder made after the start")
    }
    #endif
}
