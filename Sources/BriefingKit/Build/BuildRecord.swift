import Foundation

/// What the last successful build of an output folder was made from, kept in `.briefing-cache/<output name>.json`
/// beside the output. When nothing it was made from has changed — the site's `Content/` and `Templates/`, the build
/// options, the `briefing` binary itself — and the output is exactly as that build left it, a build has nothing to
/// do and stops at once (a no-change rebuild of a 10,000-note site takes tens of milliseconds instead of a full build).
///
/// The file is a cache: safe to delete, ignored when it cannot be read, and never trusted when its format or the
/// binary that wrote it differs.
struct BuildRecord: Codable, Equatable {
    static let format = 1

    struct Warning: Codable, Equatable {
        var path: String
        var line: Int
        var column: Int
        var message: String
    }

    var format: Int
    /// The binary's version, size and times.
    var binary: String
    /// Everything the build read and was asked to do.
    var inputs: UInt64
    /// The output folder as the build left it.
    var output: UInt64
    var pages: Int
    var files: Int
    /// The build's warnings, shown again when it is skipped.
    var warnings: [Warning]

    /// The fingerprint of what a build of `layout` with `options` reads: taken before loading, so that an edit made
    /// while a build runs is seen by the next one.
    static func inputs(_ layout: SiteLayout, options: BuildOptions, output: URL) -> UInt64 {
        var fingerprint = FileTreeFingerprint()
        fingerprint.add(tree: layout.contentDirectory, label: "Content")
        fingerprint.add(tree: layout.templatesDirectory, label: "Templates")
        fingerprint.add("drafts=\(options.includeDrafts) search=\(options.search) relative=\(options.pathsRelativeToSite) site=\(options.sitePath) output=\(output.path)")
        return fingerprint.value
    }

    static func output(_ output: URL) -> UInt64 {
        var fingerprint = FileTreeFingerprint()
        fingerprint.add(tree: output, label: "Output")
        return fingerprint.value
    }

    /// The running binary: a rebuilt `briefing` may render differently even with the same version number.
    static var binary: String {
        var fingerprint = FileTreeFingerprint()
        fingerprint.add(file: executablePath)
        return "\(BriefingVersion.current) \(fingerprint.value)"
    }

    private static var executablePath: String {
        #if os(Linux)
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        #else
        Bundle.main.executablePath ?? CommandLine.arguments[0]
        #endif
    }

    static func file(for output: URL) -> CacheFile<BuildRecord> { CacheFile(for: output, suffix: ".json") }

    /// The record of the last build into `output`, if there is a readable one of this format.
    static func load(for output: URL) -> BuildRecord? {
        file(for: output).read().flatMap { $0.format == format ? $0 : nil }
    }

    /// Writes the record; a failure only means the next build cannot be skipped.
    func save(for output: URL) { Self.file(for: output).write(self, readable: true) }

    /// Forgets the last build, before an output is replaced: a record must never describe an output it did not make.
    static func remove(for output: URL) { file(for: output).remove() }
}
