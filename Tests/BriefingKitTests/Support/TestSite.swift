import Foundation
@testable import BriefingKit

/// A throwaway site folder under the system's temporary directory, written file by file by a test.
struct TestSite {
    let root: URL

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appending(path: "briefing-test-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, contents) in files { try write(path, contents) }
    }

    /// A small valid site: one topic, one source, one note citing it, one claim.
    static func minimal(_ overrides: [String: String] = [:]) throws -> TestSite {
        var files = [
            "Content/site.yml": "title: Test Briefing\n",
            "Content/topics/alpha.md": "---\ntitle: Alpha\nsummary: The alpha topic.\n---\nAbout alpha [@src].\n",
            "Content/sources/src.md": "---\ntitle: A Report\noutlet: Example Times\npublished: 2024-10-23\nurl: https://example.org/report\n---\nThe report says 3,000 soldiers arrived.\n",
            "Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\nsummary: A summary.\n---\nSomething happened [@src, para 1].\n",
            "Content/claims/main.yml": "- id: arrived\n  statement: About 3,000 soldiers arrived.\n  topics: [alpha]\n  sources:\n    - source: src\n      quote: 3,000 soldiers arrived\n",
        ]
        for (path, contents) in overrides { files[path] = contents }
        return try TestSite(files)
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appending(path: path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appending(path: path).path)
    }

    var path: String { root.path }

    /// Builds with diagnostics' paths relative to the site folder (as if run from inside it).
    func build(output: String? = nil, drafts: Bool = false, cache: BuildCache? = nil) throws(BuildFailure) -> BuildReport {
        try Build.run(BuildOptions(sitePath: path, outputPath: output, includeDrafts: drafts, pathsRelativeToSite: true, cache: cache))
    }

    /// The diagnostics of a build that must fail, as `path:line:column: severity: message` lines.
    func failingBuild(output: String? = nil) -> [String] {
        do {
            _ = try build(output: output)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
