import Foundation

/// Decides whether a folder may receive a build. The build replaces the whole folder, so it must never be one the
/// user writes by hand.
enum OutputLocation {
    /// The file that marks a folder as written by Briefing, so that a later build may replace it.
    static let marker = ".briefing-output"

    static func validate(_ output: URL, layout: SiteLayout, displayPath: String) throws(Diagnostic) {
        let outputPath = output.standardizedFileURL.resolvingSymlinksInPath().path
        let location = SourceLocation(path: displayPath)
        for (name, folder) in [("the site folder", layout.root), ("Content/", layout.contentDirectory), ("Templates/", layout.templatesDirectory)] {
            let folderPath = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if outputPath == folderPath || folderPath.hasPrefix(outputPath + "/") {
                throw .error(at: location, "refusing to write the output to \(displayPath): it is or contains \(name)")
            }
            if name != "the site folder", outputPath.hasPrefix(folderPath + "/") {
                throw .error(at: location, "refusing to write the output to \(displayPath): it lies inside \(name)")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw .error(at: location, "refusing to replace \(displayPath): it is a file, not an output folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains(marker) {
            throw .error(
                at: location,
                "refusing to replace \(displayPath): it is not empty and was not written by briefing (no \(marker) file); move it away or choose another --output"
            )
        }
    }
}
