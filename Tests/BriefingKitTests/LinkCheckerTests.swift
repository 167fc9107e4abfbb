import Foundation
import Testing
@testable import BriefingKit

@Suite struct LinkCheckerTests {
    @Test func brokenLinksInContentFailTheBuildAtTheirMarkdownLineAndKeepThePreviousOutput() throws {
        let site = try TestSite.minimal()
        _ = try site.build()
        let before = try Directory.snapshot(site.root.appending(path: "Output"))
        try site.write("Content/notes/bad.md", "---\ntitle: Bad Links\ndate: 2024-10-25\ntopics: [alpha]\n---\nSee [x](../../notes/missing/index.html) [@src].\n")
        try site.write("Content/notes/worse.md", "---\ntitle: Worse\ndate: 2024-10-23\ntopics: [alpha]\n---\nIntro [@src].\n\nAnd [y](#no-such-anchor).\n")
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors == [
            "Content/notes/bad.md:6:9: error: broken link to '../../notes/missing/index.html' on Output/notes/bad/index.html: there is no notes/missing/index.html in the output",
            "Content/notes/bad.md:6:9: error: broken link to '../notes/missing/index.html' on Output/print/index.html: there is no notes/missing/index.html in the output",
            "Content/notes/worse.md:8:9: error: broken link to '#no-such-anchor' on Output/notes/worse/index.html: notes/worse/index.html has no element with id 'no-such-anchor'",
            "Content/notes/worse.md:8:9: error: broken link to '#no-such-anchor' on Output/print/index.html: print/index.html has no element with id 'no-such-anchor'",
        ])
        #expect(try Directory.snapshot(site.root.appending(path: "Output")) == before, "a failed build leaves the previous output as it was")
        #expect(!site.exists("Output/notes/bad/index.html"))
    }

    @Test func aBrokenLinkInATemplateIsReportedAtThePageLineAndColumn() throws {
        let site = try TestSite.minimal()
        let note = try String(contentsOf: Directory.repository.appending(path: "Templates/note.mustache"), encoding: .utf8)
        try site.write("Templates/note.mustache", note.replacingOccurrences(of: "<article class=\"note\">", with: "<article class=\"note\"><a href=\"{{root}}topics/nope/index.html\">x</a>"))
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.hasPrefix("Output/notes/first/index.html:"))
        #expect(error.hasSuffix(": error: broken link to '../../topics/nope/index.html': there is no topics/nope/index.html in the output"))
        // The position points at the link's value in the generated page.
        let parts = error.split(separator: ":")
        let (line, column) = (Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
        let analysis = SiteAnalysis.run(SiteLayout(path: site.path, pathsRelativeToSite: true), includeDrafts: false) { _, _ in }
        let index = try #require(analysis.index), ledger = try #require(analysis.ledger), theme = try #require(analysis.theme)
        let page = try #require(PageBuilder(index: index, ledger: ledger).pages().first { $0.path == "notes/first/index.html" })
        let lines = theme.render(page).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line - 1].dropFirst(column - 1).hasPrefix("../../topics/nope/index.html\""))
    }

    @Test func linksFromTopicsAndSourcesAreTracedToTheirFiles() throws {
        let site = try TestSite.minimal([
            "Content/topics/alpha.md": "---\ntitle: Alpha\n---\nAbout alpha [@src].\n\nSee [the missing](../../sources/nope/index.html).\n",
            "Content/sources/src.md": "---\ntitle: A Report\noutlet: Example Times\n---\nThe report says 3,000 soldiers arrived.\nMore at [here](other.html).\n",
        ])
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors == [
            "Content/sources/src.md:6:16: error: broken link to 'other.html' on Output/sources/src/index.html: there is no sources/src/other.html in the output",
            "Content/topics/alpha.md:6:19: error: broken link to '../../sources/nope/index.html' on Output/topics/alpha/index.html: there is no sources/nope/index.html in the output",
            "Content/topics/alpha.md:6:19: error: broken link to '../sources/nope/index.html' on Output/print/index.html: there is no sources/nope/index.html in the output",
        ])
    }

    @Test func goodInternalLinksFragmentsAndExternalLinksPass() throws {
        let site = try TestSite.minimal([
            "Content/notes/first.md": """
                ---
                title: First Note
                date: 2024-10-24
                topics: [alpha]
                ---
                Links: [topic](../../topics/alpha/index.html), [claim](../../claims/index.html#claim-arrived),
                [footnote](#fn-1), [top](#top), [web](https://example.com/x#y), [mail](mailto:a@example.org),
                [folder](../../topics/alpha/), [query](../../index.html?x=1) [@src].
                """,
        ])
        let report = try site.build()
        #expect(!report.warnings.contains { $0.severity == .error })
        // The printable digest rewrites the body's relative links for its own folder, and they still resolve.
        let print = try site.read("Output/print/index.html")
        #expect(print.contains(#"<a href="../topics/alpha/index.html">topic</a>"#))
        #expect(print.contains(#"<a href="../claims/index.html#claim-arrived">claim</a>"#))
        #expect(print.contains(#"<a href="../index.html?x=1">query</a>"#))
    }

    @Test func theExampleHasNoBrokenLinks() throws {
        let output = Directory.temporary()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try Build.run(BuildOptions(sitePath: Directory.repository.path, outputPath: output.path))
        let files = try Directory.snapshot(output).map { (path: $0.key, contents: $0.value) }
        #expect(LinkChecker.brokenLinks(in: files, baseURL: nil) == [])
        #expect(files.contains { $0.path == "print/index.html" })
    }

    // MARK: Units

    @Test(arguments: [
        ("notes/x/index.html", "../../topics/y/index.html", LinkResolver.Target.internal(path: "topics/y/index.html", fragment: nil)),
        ("notes/x/index.html", "../y/index.html#fn-2", .internal(path: "notes/y/index.html", fragment: "fn-2")),
        ("notes/x/index.html", "#a%20b", .internal(path: "notes/x/index.html", fragment: "a b")),
        ("notes/x/index.html", "", .internal(path: "notes/x/index.html", fragment: nil)),
        ("notes/x/index.html", "?page=2", .internal(path: "notes/x/index.html", fragment: nil)),
        ("notes/x/index.html", "./img/a%20b.png", .internal(path: "notes/x/img/a b.png", fragment: nil)),
        ("notes/x/index.html", "../../../up.html", .outside),
        ("index.html", "topics/y/", .internal(path: "topics/y/index.html", fragment: nil)),
        ("index.html", "https://example.com/", .external),
        ("index.html", "//cdn.example.com/x.js", .external),
        ("index.html", "mailto:a@example.org", .external),
        ("index.html", "tel:+1234", .external),
        ("404.html", "/claims/index.html", .internal(path: "claims/index.html", fragment: nil)),
    ])
    func resolvesLinksWithoutBaseURL(page: String, href: String, expected: LinkResolver.Target) {
        #expect(LinkResolver(baseURL: nil, paths: ["topics/y/index.html"]).resolve(href, on: page) == expected)
    }

    @Test(arguments: [
        ("https://example.org/briefing/notes/x/", LinkResolver.Target.internal(path: "notes/x/index.html", fragment: nil)),
        ("https://example.org/briefing/", .internal(path: "index.html", fragment: nil)),
        ("https://example.org/briefing", .internal(path: "index.html", fragment: nil)),
        ("https://example.org/briefing/claims/index.html#claim-a", .internal(path: "claims/index.html", fragment: "claim-a")),
        ("//example.org/briefing/feed.xml", .internal(path: "feed.xml", fragment: nil)),
        ("/briefing/sources/index.html", .internal(path: "sources/index.html", fragment: nil)),
        ("/elsewhere/index.html", .external),
        ("https://example.org/other/", .external),
        ("http://example.org/briefing/", .external),
    ])
    func mapsBaseURLLinksToOutputPaths(href: String, expected: LinkResolver.Target) {
        let resolver = LinkResolver(baseURL: "https://example.org/briefing/", paths: ["notes/x/index.html"])
        #expect(resolver.resolve(href, on: "404.html") == expected)
    }

    @Test func scannerFindsLinksAndIdsWithPositions() {
        let html = """
            <!DOCTYPE html>
            <!-- <a href="commented.html"> -->
            <p id="intro" class=x><a href='single.html?a=1&amp;b=2'>s</a> <a href=bare.html>b</a>
            <img src="pic.png" alt="a > b"><a name="old-anchor"></a><span name="not-an-anchor"></span>
            <script>var s = '<a href="in-script.html">';</script><style>a[href="x"] {}</style>
            <A HREF="upper.html" ID="Upper">é <a href="après.html">x</a></A>
            """
        let scan = HTMLScanner.scan([UInt8](html.utf8))
        #expect(scan.links.map(\.value) == ["single.html?a=1&b=2", "bare.html", "pic.png", "upper.html", "après.html"])
        #expect(scan.links.map(\.line) == [3, 3, 4, 6, 6])
        #expect(scan.links.first?.column == 32)
        #expect(scan.links.last?.column == 44, "columns count characters, not bytes")
        #expect(scan.ids == ["intro", "old-anchor", "Upper"])
    }

    @Test func characterReferencesAreDecoded() {
        #expect(HTMLScanner.decodeCharacterReferences("a&amp;b&#39;c&#x2F;d&quot;&unknown;&") == "a&b'c/d\"&unknown;&")
    }

    @Test func rebasingRewritesOnlyRelativeLinks() {
        let html = ##"<a href="../../sources/a/index.html">a</a> <a href="../b/index.html#x">b</a> <a href="#fn-1">c</a> <a href="https://e.org/">d</a> <img src="pic.png"> <a href="/root.html">e</a> <a href="../../../out.html">f</a>"##
        #expect(HTMLScanner.rebaseLinks(html, from: "notes/x/index.html", to: "print/index.html") ==
            ##"<a href="../sources/a/index.html">a</a> <a href="../notes/b/index.html#x">b</a> <a href="#fn-1">c</a> <a href="https://e.org/">d</a> <img src="../notes/x/pic.png"> <a href="/root.html">e</a> <a href="../../../out.html">f</a>"##)
        #expect(HTMLScanner.rebaseLinks(html, from: "print/index.html", to: "print/index.html") == html)
    }

    @Test func bodiesWithOnlyFragmentLinksAreLeftAsTheyAreAndOneRelativeLinkAmongThemIsRebased() {
        let markers = ##"<p>Text<sup><a href="#fn-1" id="fnref-1-1">1</a></sup> and<sup><a href="#fn-2">2</a></sup>, src=x.</p>"##
        #expect(HTMLScanner.rebaseLinks(markers, from: "notes/x/index.html", to: "print/index.html") == markers)
        let mixed = markers + ##"<p><a href="#fn-3">3</a> <a href="../y/index.html">y</a> <img src="#z"></p>"##
        #expect(HTMLScanner.rebaseLinks(mixed, from: "notes/x/index.html", to: "print/index.html") ==
            markers + ##"<p><a href="#fn-3">3</a> <a href="../notes/y/index.html">y</a> <img src="#z"></p>"##)
    }

    @Test func aLinkToAMissingFragmentOnAnotherPageIsBroken() {
        let files: [(path: String, contents: Data)] = [
            ("index.html", Data(##"<a href="a/index.html#here">ok</a><a href="a/index.html#gone">bad</a><a href="style.css#x">css</a>"##.utf8)),
            ("a/index.html", Data(##"<h2 id="here">Here</h2>"##.utf8)),
            ("style.css", Data()),
        ]
        #expect(LinkChecker.brokenLinks(in: files, baseURL: nil) == [
            LinkChecker.BrokenLink(page: "index.html", href: "a/index.html#gone", line: 1, column: 44, reason: "a/index.html has no element with id 'gone'"),
        ])
    }
}

@Suite struct LinkCheckerScaleTests {
    @Test(.timeLimit(.minutes(1)))
    func aLongLineWithThousandsOfLinksIsScannedInLinearTime() throws {
        let line = (0..<20_000).map { ##"<a href="#fn-\##($0)" id="fnref-\##($0)">é</a>"## }.joined()
        let files: [(path: String, contents: Data)] = [("index.html", Data(line.utf8))]
        let broken = LinkChecker.brokenLinks(in: files, baseURL: nil)
        #expect(broken.count == 20_000, "no element has an id fn-…")
        let last = try #require(line.range(of: "#fn-19999"))
        #expect(broken.last?.line == 1)
        #expect(broken.last?.column == line.distance(from: line.startIndex, to: last.lowerBound) + 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func aNoteWithThousandsOfCitationsBuilds() throws {
        let body = (0..<3_000).map { "[@src, para \($0)]" }.joined(separator: " ")
        let site = try TestSite.minimal(["Content/notes/first.md": "---\ntitle: First Note\ndate: 2024-10-24\ntopics: [alpha]\n---\n\(body)\n"])
        _ = try site.build()
        #expect(site.exists("Output/print/index.html"))
    }
}
