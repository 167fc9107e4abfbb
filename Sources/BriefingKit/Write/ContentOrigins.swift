import Foundation

/// Traces a link back to the Markdown it came from: the bodies that a page shows, searched for the link's text.
struct ContentOrigins {
    let bodiesByPage: [String: [MarkdownText]]

    init(index: SiteIndex) {
        var bodies: [String: [MarkdownText]] = [:]
        var printed: [MarkdownText] = []
        for topic in index.topics {
            guard let body = topic.body else { continue }
            bodies[SitePaths.topic(topic.slug)] = [body]
            printed.append(body)
        }
        for note in index.notes {
            bodies[SitePaths.note(note.slug)] = [note.body]
            printed.append(note.body)
        }
        for source in index.sources {
            if let body = source.body { bodies[SitePaths.source(source.id)] = [body] }
        }
        bodies[SitePaths.printDigest] = printed
        bodiesByPage = bodies
    }

    /// The part of a link that stands as written in Markdown, whatever page it was rebased to: without leading
    /// `./` and `../` (the printable digest rewrites a body's relative links for its own folder).
    static func searchKey(_ href: String) -> String {
        var key = Substring(href.trimmingCharacters(in: .whitespaces))
        while true {
            if key.hasPrefix("../") { key = key.dropFirst(3) } else if key.hasPrefix("./") { key = key.dropFirst(2) } else { break }
        }
        return String(key)
    }

    /// Where the `occurrence`-th (0-based) appearance of `key` stands in the bodies shown on `page`, if anywhere.
    func locate(_ key: String, onPage page: String, occurrence: Int, cache: inout [String: [SourceLocation]]) -> SourceLocation? {
        let cacheKey = "\(page)\u{0}\(key)"
        let found = cache[cacheKey] ?? occurrences(of: key, onPage: page)
        cache[cacheKey] = found
        guard !found.isEmpty else { return nil }
        return found[min(occurrence, found.count - 1)]
    }

    private func occurrences(of key: String, onPage page: String) -> [SourceLocation] {
        guard !key.isEmpty, let bodies = bodiesByPage[page] else { return [] }
        var found: [SourceLocation] = []
        for body in bodies {
            var lineNumber = body.firstLine
            for line in body.text.split(separator: "\n", omittingEmptySubsequences: false) {
                var searchStart = line.startIndex
                while let range = line[searchStart...].range(of: key) {
                    // Point at the link as written, with the `../` the key left out.
                    var start = range.lowerBound
                    while true {
                        let before = line[..<start]
                        if before.hasSuffix("../") { start = line.index(start, offsetBy: -3) } else if before.hasSuffix("./") { start = line.index(start, offsetBy: -2) } else { break }
                    }
                    found.append(SourceLocation(path: body.path, line: lineNumber, column: line.distance(from: line.startIndex, to: start) + 1))
                    searchStart = range.upperBound
                }
                lineNumber += 1
            }
        }
        return found
    }
}
