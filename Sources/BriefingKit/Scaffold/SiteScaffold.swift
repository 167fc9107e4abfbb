import Foundation

/// `briefing init`: a new site folder that builds and checks clean at once, with one of each kind of file to copy.
public enum SiteScaffold {
    /// Creates the site in `path` (made if missing).
    /// - Parameters:
    ///   - title: the digest's title; default: made from the folder's name (`my-briefing` → "My briefing").
    ///   - baseURL: where the digest will be published; left as a comment in site.yml when nil.
    ///   - now: the clock's reading, for the example note's date and the example source's dates.
    /// - Returns: the files written, relative to the site folder, sorted.
    /// - Throws: when the folder holds anything but a `.git` folder; then nothing is written.
    @discardableResult
    public static func create(
        at path: String, title: String? = nil, baseURL: String? = nil, now: Date = Date(), timeZone: TimeZone = .current
    ) throws(ScaffoldError) -> [String] {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ScaffoldError("base URL '\(baseURL)' must be an absolute http or https URL")
        }
        let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ScaffoldError("'\(path)' is a file, not a folder") }
            let entries: [String]
            do {
                entries = try fileManager.contentsOfDirectory(atPath: root.path)
            } catch {
                throw ScaffoldError("cannot read '\(path)': \(error.localizedDescription)")
            }
            // A fresh `git init` is the one thing a new site's folder may already hold.
            let others = entries.filter { $0 != ".git" }.sorted()
            if !others.isEmpty {
                let shown = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? ", …" : "")
                throw ScaffoldError("'\(path)' is not empty (\(shown)); give a new or empty folder")
            }
        }
        let siteTitle = title.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? defaultTitle(forFolder: root.lastPathComponent)
        let files = SiteTemplate.files(title: siteTitle, baseURL: baseURL, today: ScaffoldFile.day(now, in: timeZone))
        for (relative, contents) in files.sorted(by: { $0.key < $1.key }) {
            let shown = path.hasSuffix("/") ? path + relative : path + "/" + relative
            try ScaffoldFile.create(root.appending(path: relative), contents: contents, displayPath: shown)
        }
        return files.keys.sorted()
    }

    /// "my-briefing" → "My briefing"; a name without letters or digits → "Briefing".
    static func defaultTitle(forFolder name: String) -> String {
        let title = Slug.title(from: name).trimmingCharacters(in: .whitespaces)
        return title.isEmpty || title == "/" ? "Briefing" : title
    }
}
