import Foundation

/// What the last build into an output folder knows about each page it wrote, kept in
/// `.briefing-cache/<output name>.pages.json` beside the output: the input fingerprint the page was rendered from
/// (`PageDependencies`), and what the link check needs of it without reading it again.
///
/// Like `BuildRecord` it is only a cache: safe to delete, ignored when unreadable, and trusted only when its format
/// and the binary that wrote it are this one's and the output folder is exactly as that build left it.
struct PageCache: Codable {
    static let format = 1

    struct Entry: Codable {
        /// The page's input fingerprint, as 16 hex digits (JSON numbers lose precision above 2^53).
        var input: String
        /// Links from this page to a `#fragment` of another page, checked again whenever that page changes.
        var fragments: [FragmentLink]?
        /// The page's element ids, kept for pages that other pages link into.
        var ids: [String]?
    }

    struct FragmentLink: Codable {
        var target: String
        var fragment: String
        var href: String
        var line: Int
        var column: Int
    }

    var format: Int
    var binary: String
    /// The output folder as the build that wrote this cache left it.
    var output: UInt64
    /// Every file of that output, pages and others: a link check trusted from then holds while none disappears.
    var files: [String]
    var pages: [String: Entry]

    static func file(for output: URL) -> CacheFile<PageCache> { CacheFile(for: output, suffix: ".pages.json") }

    /// The cache of the last build into `output`, if it can be trusted for a build by `binary` now.
    /// - Parameter outputFingerprint: the output folder's fingerprint now (`BuildRecord.output`).
    static func load(for output: URL, binary: String, outputFingerprint: () -> UInt64) -> PageCache? {
        guard let cache = file(for: output).read(), cache.format == format, cache.binary == binary,
              cache.output == outputFingerprint()
        else { return nil }
        return cache
    }

    /// Writes the cache; a failure only means the next build renders every page.
    func save(for output: URL) { Self.file(for: output).write(self) }

    /// Forgets the last build's pages, before its output is replaced.
    static func remove(for output: URL) { file(for: output).remove() }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
