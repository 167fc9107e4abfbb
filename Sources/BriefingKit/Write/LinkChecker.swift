import Foundation

/// Checks, before anything is written, that every internal link of the output leads somewhere: each `href` and
/// `src` of every HTML file must name a file of the output, and each `#fragment` an element of the target page.
///
/// Links with a scheme (`https:`, `mailto:` …) are external and not followed (there is no network at build time),
/// except those that start with the site's `base_url`: they are read as paths inside the output and checked too.
/// A broken link is an error at the Markdown `file:line:column` it came from when it can be traced back to a note,
/// topic or source body, and otherwise at the `line:column` of the generated page.
enum LinkChecker {
    /// One link that leads nowhere.
    struct BrokenLink: Hashable, Sendable {
        /// The page it is on, below the output folder.
        var page: String
        /// The link as written in the page (entities decoded).
        var href: String
        var line: Int
        var column: Int
        /// Why it is broken, e.g. "there is no notes/x/index.html in the output".
        var reason: String
    }

    /// What the check keeps of one page once it is rendered: its ids, the links already known to be broken, and
    /// the links to a `#fragment` of another page, which can only be checked when every page is done. Links come in
    /// document order. Computed on the rendering threads, so the page's HTML need not be kept.
    struct PageLinks: Sendable {
        enum Finding: Sendable {
            case broken(BrokenLink)
            /// A link to a `#fragment` of another HTML page, broken if that page has no such id.
            case fragment(PageCache.FragmentLink)
        }

        var page: String
        var ids: Set<String>
        var findings: [Finding]
    }

    /// A link whose `#fragment` names no id of its target page.
    static func brokenFragment(_ link: PageCache.FragmentLink, on page: String) -> BrokenLink {
        BrokenLink(page: page, href: link.href, line: link.line, column: link.column,
                   reason: "\(link.target) has no element with id '\(link.fragment)'")
    }

    /// Scans one HTML page and checks its links against `paths` (every file of the output) and its own ids.
    static func scan(page: String, html: UnsafeBufferPointer<UInt8>, resolver: LinkResolver) -> PageLinks {
        var scanner = PageScanner(page: page, resolver: resolver)
        scanner.scan(html, isFinal: true)
        return scanner.finish()
    }

    /// Checks a page's links as the page arrives in pieces (the printable digest is one page of hundreds of
    /// megabytes on a large site): each link is resolved at once, and only what the last piece can change is kept.
    struct PageScanner {
        let page: String
        let resolver: LinkResolver
        private let folder: [String]
        private var ids: Set<String> = []
        private enum Entry {
            case finding(PageLinks.Finding)
            /// A link to an anchor further down this page, which waits for the page's last id.
            case samePage(PageCache.FragmentLink)
        }

        /// In document order.
        private var entries: [Entry] = []
        private var position = HTMLScanner.Position()

        init(page: String, resolver: LinkResolver) {
            self.page = page
            self.resolver = resolver
            folder = LinkResolver.folder(of: page)
        }

        /// Scans a piece; returns how many of its bytes are done with (all when `isFinal`).
        @discardableResult
        mutating func scan(_ html: UnsafeBufferPointer<UInt8>, isFinal: Bool) -> Int {
            let (consumed, after) = HTMLScanner.forEachAttribute(html, from: position, isFinal: isFinal) { attribute in
                switch attribute.name {
                case "href", "src": check(attribute)
                case "id": ids.insert(attribute.value)
                case "name" where attribute.element == "a": ids.insert(attribute.value)
                default: break
                }
            }
            position = after
            return consumed
        }

        private mutating func check(_ link: HTMLScanner.Attribute) {
            switch resolver.resolve(link.value, on: page, folder: folder) {
            case .external:
                break
            case .outside:
                entries.append(.finding(.broken(broken(link, "it leads outside the output folder"))))
            case .internal(let target, let fragment):
                if !resolver.paths.contains(target) {
                    entries.append(.finding(.broken(broken(link, "there is no \(target) in the output"))))
                } else if let fragment, !fragment.isEmpty, fragment.lowercased() != "top", target.hasSuffix(".html") {
                    let fragmentLink = PageCache.FragmentLink(target: target, fragment: fragment, href: link.value, line: link.line, column: link.column)
                    if target != page {
                        entries.append(.finding(.fragment(fragmentLink)))
                    } else if !ids.contains(fragment) {
                        entries.append(.samePage(fragmentLink))
                    }
                }
            }
        }

        private func broken(_ link: HTMLScanner.Attribute, _ reason: String) -> BrokenLink {
            BrokenLink(page: page, href: link.value, line: link.line, column: link.column, reason: reason)
        }


        /// The page's ids and findings, once every piece is scanned.
        func finish() -> PageLinks {
            let findings = entries.compactMap { entry -> PageLinks.Finding? in
                switch entry {
                case .finding(let finding): finding
                case .samePage(let link):
                    ids.contains(link.fragment) ? nil : .broken(brokenFragment(link, on: page))
                }
            }
            return PageLinks(page: page, ids: ids, findings: findings)
        }
    }

    /// Every broken link of `pages`, page by page in path order, once the ids of every page are known.
    static func brokenLinks(in pages: [PageLinks]) -> [BrokenLink] {
        var idsByPage: [String: Set<String>] = [:]
        for page in pages { idsByPage[page.page] = page.ids }
        var broken: [BrokenLink] = []
        for page in pages.sorted(by: { $0.page < $1.page }) {
            for finding in page.findings {
                switch finding {
                case .broken(let link):
                    broken.append(link)
                case .fragment(let link):
                    // A page that was not scanned (not HTML) has no ids to check against.
                    if let ids = idsByPage[link.target], !ids.contains(link.fragment) { broken.append(brokenFragment(link, on: page.page)) }
                }
            }
        }
        return broken
    }

    /// Logs an error for each broken link of `pages`, at the Markdown it came from when it can be traced there.
    /// - Parameter outputPath: the output folder as shown to the user, e.g. `Output`.
    static func check(_ pages: [PageLinks], index: SiteIndex, outputPath: String, log: inout DiagnosticLog) {
        report(brokenLinks(in: pages), index: index, outputPath: outputPath, log: &log)
    }

    private static func report(_ broken: [BrokenLink], index: SiteIndex, outputPath: String, log: inout DiagnosticLog) {
        guard !broken.isEmpty else { return }
        let sources = ContentOrigins(index: index)
        var seen: [String: Int] = [:]
        var cache: [String: [SourceLocation]] = [:]
        for link in broken {
            let pageDisplay = outputPath.hasSuffix("/") ? outputPath + link.page : outputPath + "/" + link.page
            let key = ContentOrigins.searchKey(link.href)
            let occurrence = seen["\(link.page)\u{0}\(key)", default: 0]
            seen["\(link.page)\u{0}\(key)"] = occurrence + 1
            if let origin = sources.locate(key, onPage: link.page, occurrence: occurrence, cache: &cache) {
                log.error(origin, "broken link to '\(link.href)' on \(pageDisplay): \(link.reason)")
            } else {
                log.error(SourceLocation(path: pageDisplay, line: link.line, column: link.column), "broken link to '\(link.href)': \(link.reason)")
            }
        }
    }

    /// Every broken internal link of the HTML files among `files`, page by page in path order.
    static func brokenLinks(in files: [(path: String, contents: Data)], baseURL: String?) -> [BrokenLink] {
        let resolver = LinkResolver(baseURL: baseURL, paths: Set(files.map(\.path)))
        let pages = files.filter { $0.path.hasSuffix(".html") }.map { file in
            file.contents.withUnsafeBytes { scan(page: file.path, html: $0.bindMemory(to: UInt8.self), resolver: resolver) }
        }
        return brokenLinks(in: pages)
    }
}
