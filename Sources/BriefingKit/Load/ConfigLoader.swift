import Foundation

/// Reads `Content/site.yml`.
enum ConfigLoader {
    static let knownFields = ["title", "description", "language", "base_url", "unsafe_html", "feed_limit", "print_digest"]

    static func load(_ layout: SiteLayout, log: inout DiagnosticLog) -> SiteConfig? {
        let display = layout.displayPath("Content/site.yml")
        let url = layout.contentDirectory.appending(path: "site.yml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            log.error(SourceLocation(path: display), "missing site configuration (a site needs Content/site.yml with at least a title)")
            return nil
        }
        do {
            let file = try TextFile.read(url, displayPath: display)
            guard let root = try YAMLDocument.parse(file.text, path: display, firstLine: 1) else {
                log.error(SourceLocation(path: display), "missing required field 'title'")
                return nil
            }
            var fields = try FieldReader(root, what: "site.yml")
            let title = fields.string("title", required: true)
            let description = fields.string("description")
            let language = fields.string("language") ?? "en"
            var baseURL = fields.string("base_url")
            if let url = baseURL {
                if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                    fields.logError(at: "base_url", "'base_url' must be an absolute http or https URL, found '\(url)'")
                    baseURL = nil
                } else if !url.hasSuffix("/") {
                    baseURL = url + "/"
                }
            }
            let unsafeHTML = fields.bool("unsafe_html") ?? false
            let printDigest = fields.bool("print_digest") ?? true
            var feedLimit = SiteConfig.defaultFeedLimit
            if let limit = fields.number("feed_limit") {
                if limit >= 0, limit == limit.rounded(), limit <= 1_000_000_000 {
                    feedLimit = Int(limit)
                } else {
                    fields.logError(at: "feed_limit", "'feed_limit' must be a whole number of notes, 0 for all of them, found '\(NumberFormatting.grouped(limit))'")
                }
            }
            fields.warnAboutUnknownFields(known: knownFields)
            log.append(contentsOf: fields.log.diagnostics)
            return SiteConfig(title: title ?? "", description: description, language: language, baseURL: baseURL, unsafeHTML: unsafeHTML, feedLimit: feedLimit, printDigest: printDigest)
        } catch {
            log.append(error)
            return nil
        }
    }
}
