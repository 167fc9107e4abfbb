/// Which pages a build renders and which it takes unchanged from the current output, and what the next build
/// needs to know about the ones it writes.
///
/// A page is taken over when the last build rendered it from the same input fingerprint (`PageDependencies`), the
/// output is as that build left it (`PageCache.load`), and no file of that output has gone: the links of an
/// unchanged page were all checked then, and they still lead somewhere while every file they could name is there.
struct IncrementalPlan: Sendable {
    /// By page path: the last build's entry, for pages that need not be rendered again.
    private let reusable: [String: PageCache.Entry]

    /// - Parameters:
    ///   - pages: every page of this build with its input fingerprint.
    ///   - files: every path of this build's output, pages included.
    init(previous: PageCache?, pages: [(path: String, input: UInt64)], files: Set<String>) {
        guard let previous, previous.files.allSatisfy(files.contains) else {
            reusable = [:]
            return
        }
        var reusable: [String: PageCache.Entry] = [:]
        for page in pages {
            if let entry = previous.pages[page.path], entry.input == PageCache.hex(page.input) { reusable[page.path] = entry }
        }
        self.reusable = reusable
    }

    func reusedEntry(for path: String) -> PageCache.Entry? { reusable[path] }

    var reusedCount: Int { reusable.count }

    /// What the link check knows of a page taken over: its links into other pages, and its ids when they were kept.
    static func links(of path: String, entry: PageCache.Entry) -> LinkChecker.PageLinks {
        let findings = (entry.fragments ?? []).map(LinkChecker.PageLinks.Finding.fragment)
        return LinkChecker.PageLinks(page: path, ids: Set(entry.ids ?? []), findings: findings)
    }

    /// The pages that other pages link into by `#fragment`: their ids must be known to check those links.
    static func fragmentTargets(_ pages: [LinkChecker.PageLinks]) -> Set<String> {
        var targets: Set<String> = []
        for page in pages {
            for case .fragment(let link) in page.findings { targets.insert(link.target) }
        }
        return targets
    }

    /// The cache entry of a page as this build leaves it.
    static func entry(input: UInt64, links: LinkChecker.PageLinks, isTarget: Bool) -> PageCache.Entry {
        let fragments: [PageCache.FragmentLink] = links.findings.compactMap { finding in
            guard case .fragment(let link) = finding else { return nil }
            return link
        }
        return PageCache.Entry(input: PageCache.hex(input), fragments: fragments.isEmpty ? nil : fragments,
                               ids: isTarget ? links.ids.sorted() : nil)
    }
}
