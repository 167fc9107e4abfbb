import Foundation
import Testing
@testable import BriefingKit

/// `--output` may name a folder that does not exist yet, below folders that do not exist either, with spaces and
/// letters beyond ASCII in its path.
@Suite struct OutputPathTests {
    @Test func anOutputBelowFoldersThatDoNotExistYetIsCreated() throws {
        let site = try TestSite.minimal()
        let output = site.root.appending(path: "dist with space/ünïcode/Output")
        _ = try site.build(output: output.path)
        #expect(site.exists("dist with space/ünïcode/Output/notes/first/index.html"))
        _ = try site.build(output: output.path)
        #expect(site.exists("dist with space/ünïcode/Output/index.html"), "a second build replaces the first")
    }
}
