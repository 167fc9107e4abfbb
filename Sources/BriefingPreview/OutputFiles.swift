import Foundation

/// Maps a request path onto the output folder, never outside it.
struct OutputFiles: Sendable {
    let root: URL

    enum Lookup: Equatable {
        /// A regular file inside the output folder.
        case file(URL)
        /// A folder requested without its trailing slash: redirect, so that its page's relative links work.
        case redirect(String)
        case notFound
        /// `..`, a NUL byte, a backslash, bad percent-encoding: refused without looking at the disk.
        case badRequest
    }

    /// - Parameter rawPath: the request's path as sent, still percent-encoded, without the query.
    func lookup(_ rawPath: String) -> Lookup {
        guard let path = rawPath.removingPercentEncoding, path.hasPrefix("/"),
              !path.contains("\0"), !path.contains("\\")
        else { return .badRequest }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." }) { return .badRequest }
        // Hidden files (the `.briefing-output` marker) are not part of the site.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        var url = root
        for segment in segments { url.append(path: String(segment)) }
        guard isInside(url) else { return .notFound }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") else { return .redirect(rawPath + "/") }
            let index = url.appending(path: "index.html")
            return isRegularFile(index) && isInside(index) ? .file(index) : .notFound
        }
        return isRegularFile(url) ? .file(url) : .notFound
    }

    /// The output folder's 404 page, if the build made one.
    var notFoundPage: URL? {
        let url = root.appending(path: "404.html")
        return isRegularFile(url) ? url : nil
    }

    /// After following symbolic links, still below the output folder.
    private func isInside(_ url: URL) -> Bool {
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        return resolved == base || resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    private func isRegularFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The `Content-Type` for a file name.
    static func contentType(of url: URL) -> String {
        contentTypes[url.pathExtension.lowercased()] ?? "application/octet-stream"
    }

    private static let contentTypes = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "webmanifest": "application/manifest+json",
    ]
}
