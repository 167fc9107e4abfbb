import Foundation
import Testing
@testable import BriefingKit

/// `briefing build --search`: the pages Pagefind indexes and how, the search box, and running Pagefind.
@Suite struct SearchMarkupTests {
    /// Builds the example with or without the search box, and returns its pages by path.
    private func buildExample(search: Bool) throws -> [String: String] {
        let output = Directory.temporary()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try Build.run(BuildOptions(sitePath: Directory.repository.path, outputPath: output.path, search: search))
        return try Directory.snapshot(output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func onlyNoteTopicSourceAndClaimsPagesAreIndexed() throws {
        let pages = try buildExample(search: true)
        let indexed = Set(pages.filter { $0.value.contains("<main id=\"main\" tabindex=\"-1\" data-pagefind-body>") }.keys)
        let expected = Set(pages.keys.filter {
            $0.hasPrefix("notes/") || $0.hasPrefix("topics/") || ($0.hasPrefix("sources/") && $0 != "sources/index.html")
                || $0 == "claims/index.html"
        })
        #expect(indexed == expected)
        for page in ["index.html", "404.html", "print/index.html", "sources/index.html"] {
            #expect(pages[page]?.contains("data-pagefind-body") == false, "\(page) is not indexed")
        }
    }

    @Test func pagesCarryTheTopicOutletAndStandingFilters() throws {
        let pages = try buildExample(search: true)
        let note = try #require(pages["notes/reading-the-troop-numbers/index.html"])
        #expect(note.contains(#"data-pagefind-filter="topic">The Deployment</a>"#))
        #expect(note.contains(#"<span class="outlet" data-pagefind-filter="outlet">"#), "notes filter by the outlets they cite")
        #expect(note.contains(#"<p class="back-references" data-pagefind-ignore>"#), "back-links are not indexed")
        let source = try #require(pages["sources/seoul-wire-2024-10-24/index.html"])
        #expect(source.contains(#"<dd data-pagefind-filter="outlet">Seoul Wire Service</dd>"#))
        let claims = try #require(pages["claims/index.html"])
        for standing in ["Disputed", "Corroborated", "Single source"] {
            #expect(claims.contains(#"data-pagefind-filter="standing">\#(standing)</span>"#))
        }
        let topic = try #require(pages["topics/deployment/index.html"])
        #expect(topic.contains(#"<h1 data-pagefind-filter="topic">"#))
    }

    @Test func theSearchBoxIsOnEveryPageOnlyWhenBuiltWithSearch() throws {
        let searched = try buildExample(search: true)
        for (path, html) in searched {
            // Hidden until the script has loaded Pagefind: without JavaScript there is no empty widget.
            #expect(html.contains(#"<div class="site-search" data-root=""#) && html.contains(" hidden>"), "\(path)")
            #expect(html.contains(#"<label class="search-label" for="search-input">Search the digest</label>"#), "\(path)")
            #expect(html.contains(#"assets/search.js" defer></script>"#), "\(path)")
        }
        let note = try #require(searched["notes/reading-the-troop-numbers/index.html"])
        #expect(note.contains(#"<div class="site-search" data-root="../../" hidden>"#))
        for (path, html) in try buildExample(search: false) {
            #expect(!html.contains("site-search") && !html.contains("search.js"), "\(path): no search box in a plain build")
        }
    }

    @Test func missingPagefindFailsWithTheInstallHint() throws {
        let empty = Directory.temporary()
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        do {
            _ = try SearchIndex.locate(environment: ["PATH": empty.path])
            Issue.record("found a pagefind where there is none")
        } catch {
            #expect(error.message.contains("pagefind is not installed"))
            #expect(error.message.contains("pip install pagefind-bin"))
        }
    }

    @Test func aPagefindOnPathWritesIntoTheOutputAndAPlainRebuildDropsIt() throws {
        let tools = try FakePagefind("""
            site=""; while [ $# -gt 0 ]; do [ "$1" = --site ] && site="$2"; shift; done
            mkdir -p "$site/pagefind" && echo 'window.PagefindUI = function () {};' > "$site/pagefind/pagefind-ui.js"
            echo "Indexed 4 pages"
            """)
        defer { tools.remove() }
        let site = try TestSite.minimal()
        let output = site.root.appending(path: "Output")
        _ = try Build.run(BuildOptions(sitePath: site.path, search: true))
        let search = try SearchIndex.locate(environment: tools.environment)
        #expect(search.command == [tools.folder.appending(path: "pagefind").path])
        let printed = try search.run(output: output, displayPath: "Output", environment: tools.environment)
        #expect(SearchIndex.indexedPageCount(in: printed) == 4)
        #expect(site.exists("Output/pagefind/pagefind-ui.js"))
        // The index is part of that build's output: the same build again has nothing to do, and an edit renders
        // only the pages it affects.
        #expect(try Build.run(BuildOptions(sitePath: site.path, search: true)).upToDate)
        try site.edit("Content/notes/first.md") { $0 + "\nOne more line.\n" }
        let incremental = try Build.run(BuildOptions(sitePath: site.path, search: true))
        #expect(incremental.pagesRendered > 0 && incremental.pagesRendered < incremental.pagesWritten)
        // The index is an extra folder in a marked output: a plain build replaces the folder, index and all.
        _ = try site.build()
        #expect(site.exists("Output/index.html"))
        #expect(!site.exists("Output/pagefind"))
    }

    @Test func aFailedPagefindRunIsReportedWithWhatItPrinted() throws {
        let tools = try FakePagefind("echo 'Error: could not parse Output/notes/x/index.html' >&2; exit 3")
        defer { tools.remove() }
        let site = try TestSite.minimal()
        _ = try Build.run(BuildOptions(sitePath: site.path, search: true))
        do {
            _ = try SearchIndex.locate(environment: tools.environment)
                .run(output: site.root.appending(path: "Output"), displayPath: "Output", environment: tools.environment)
            Issue.record("a failed pagefind run passed")
        } catch {
            #expect(error.message.contains("pagefind failed (exit status 3) indexing Output"))
            #expect(error.message.contains("Error: could not parse Output/notes/x/index.html"))
        }
    }

    @Test func pagefindRefusesAFolderThatHoldsNoBuild() throws {
        let tools = try FakePagefind("exit 0")
        defer { tools.remove() }
        let folder = Directory.temporary()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: SearchIndexError.self) {
            try SearchIndex.locate(environment: tools.environment).run(output: folder, displayPath: "Elsewhere", environment: tools.environment)
        }
    }

    @Test(.enabled(if: (try? SearchIndex.locate()) != nil, "needs Pagefind: pip install pagefind-bin"))
    func theRealPagefindIndexesTheExampleWithItsFilters() throws {
        let output = Directory.temporary()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try Build.run(BuildOptions(sitePath: Directory.repository.path, outputPath: output.path, search: true))
        let printed = try SearchIndex.locate().run(output: output, displayPath: output.path)
        let pages = try Directory.snapshot(output).keys
        let indexed = pages.filter { $0.hasSuffix(".html") && $0 != "404.html" && $0 != "index.html" && $0 != "print/index.html" && $0 != "sources/index.html" }
        #expect(SearchIndex.indexedPageCount(in: printed) == indexed.count)
        #expect(printed.contains("Indexed 3 filters"), "topic, outlet and standing")
        #expect(pages.contains("pagefind/pagefind-ui.js"))
    }
}

/// A folder with a `pagefind` shell script in it, and an environment whose PATH finds it first.
private struct FakePagefind {
    let folder: URL

    init(_ script: String) throws {
        folder = Directory.temporary()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appending(path: "pagefind").path
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    var environment: [String: String] { ["PATH": "\(folder.path):/usr/bin:/bin"] }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
