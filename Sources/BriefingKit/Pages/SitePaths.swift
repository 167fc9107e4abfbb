/// Where each page lives in the output, and how one page links to another.
///
/// Links are relative and name `index.html` explicitly, so the digest works under any subpath of a static host and
/// straight from the file system (`file://`), where a folder link would show a listing instead of the page.
enum SitePaths {
    static let index = "index.html"
    static let notFound = "404.html"
    static let sources = "sources/index.html"
    static let claims = "claims/index.html"
    static let stylesheet = "assets/style.css"

    static func note(_ slug: String) -> String { "notes/\(slug)/index.html" }
    static func topic(_ slug: String) -> String { "topics/\(slug)/index.html" }
    static func source(_ id: String) -> String { "sources/\(id)/index.html" }
    static func claimAnchor(_ id: String) -> String { "claim-\(id)" }

    /// The prefix that leads from the page at `path` back to the output's top folder: "" or "../../".
    static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
