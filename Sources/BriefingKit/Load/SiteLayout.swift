import Foundation

/// Where a site's folders are, and how to name its files in messages.
public struct SiteLayout: Sendable {
    /// The site folder: it holds `Content/` and, optionally, `Templates/`.
    public let root: URL
    /// The site folder as the user typed it, prefixed to paths in diagnostics ("" for the current folder).
    let displayPrefix: String

    /// - Parameters:
    ///   - path: the site folder as given on the command line.
    ///   - pathsRelativeToSite: name files in messages relative to the site folder rather than to the current one.
    public init(path: String, pathsRelativeToSite: Bool = false) {
        let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        self.root = url
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        self.displayPrefix = (pathsRelativeToSite || trimmed == "." || trimmed.isEmpty) ? "" : trimmed + "/"
    }

    public var contentDirectory: URL { root.appending(path: "Content", directoryHint: .isDirectory) }
    public var templatesDirectory: URL { root.appending(path: "Templates", directoryHint: .isDirectory) }
    public var defaultOutputDirectory: URL { root.appending(path: "Output", directoryHint: .isDirectory) }

    /// "Content/notes/x.md" → the path shown to the user.
    func displayPath(_ relative: String) -> String { displayPrefix + relative }

    /// False for a symbolic link (or a file below one) that leads out of the site folder: content from elsewhere
    /// on the disk must never be published by accident.
    func isInsideSite(_ url: URL) -> Bool {
        let rootPath = root.resolvingSymlinksInPath().path
        let resolved = url.resolvingSymlinksInPath().path
        return resolved == rootPath || resolved.hasPrefix(rootPath + "/")
    }

    /// Regular files directly inside `Content/<folder>` whose names end in `.<ext>`, sorted by name.
    /// Names starting with `.` (hidden) or `_` (drafts of tools, such as `_candidates.yml` from `briefing extract`)
    /// are skipped; other files are reported as warnings so that a misnamed file is not silently lost.
    func files(in folder: String, withExtension ext: String, log: inout DiagnosticLog) -> [(name: String, url: URL, displayPath: String)] {
        let directory = contentDirectory.appending(path: folder, directoryHint: .isDirectory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var files: [(String, URL, String)] = []
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let url = directory.appending(path: name)
            let display = displayPath("Content/\(folder)/\(name)")
            var isDirectory: ObjCBool = false
            guard isInsideSite(url) else {
                log.error(SourceLocation(path: display), "refusing to read a link that points outside the site folder")
                continue
            }
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue, name.hasSuffix(".\(ext)") else {
                log.warning(SourceLocation(path: display), "ignored: only .\(ext) files are read in Content/\(folder)/")
                continue
            }
            files.append((String(name.dropLast(ext.count + 1)), url, display))
        }
        return files
    }
}
