import Foundation
import Testing
@testable import BriefingKit

/// `briefing init` and `briefing new`: files that build at once, slugs from titles, YAML that reads back as written,
/// and nothing ever overwritten.
@Suite struct ScaffoldTests {
    /// 2024-11-20T23:30:00Z: still the 20th in UTC, already the 21st in Tokyo.
    static let now = Date(timeIntervalSince1970: 1_732_145_400)
    static let utc = TimeZone(identifier: "UTC")!

    static func emptyFolder() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "briefing-scaffold-\(UUID().uuidString)", directoryHint: .isDirectory)
    }

    static func newSite() throws -> URL {
        let folder = emptyFolder().appending(path: "my-briefing", directoryHint: .isDirectory)
        try SiteScaffold.create(at: folder.path, now: now, timeZone: utc)
        return folder
    }

    static func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    // MARK: init

    @Test func initWritesASiteThatBuildsAndChecksClean() throws {
        let folder = Self.emptyFolder().appending(path: "my-briefing", directoryHint: .isDirectory)
        let files = try SiteScaffold.create(at: folder.path, now: Self.now, timeZone: Self.utc)
        #expect(files == [
            ".gitignore", "Content/claims/overview.yml", "Content/notes/welcome.md", "Content/site.yml",
            "Content/sources/example-report.md", "Content/topics/overview.md",
        ])
        let report = try Build.run(BuildOptions(sitePath: folder.path, pathsRelativeToSite: true))
        #expect(report.pagesWritten > 0)
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "Output/notes/welcome/index.html").path))
        let findings = Check.run(sitePath: folder.path, pathsRelativeToSite: true)
        #expect(!findings.hasErrors)
        // Only site.yml may ask for a setting the author must choose (base_url); the example content is clean.
        #expect(findings.filter { $0.location.path != "Content/site.yml" }.map(\.description) == [])
        #expect(try Self.read(folder, "Content/site.yml").hasPrefix("title: My briefing\n"))
        #expect(try Self.read(folder, "Content/notes/welcome.md").contains("\ndate: 2024-11-20\n"))
        #expect(try Self.read(folder, ".gitignore").contains("/.briefing-cache/"))
    }

    @Test func initWritesABaseURLWhenGivenOne() throws {
        let folder = Self.emptyFolder()
        try SiteScaffold.create(at: folder.path, title: "T", baseURL: "https://example.org/briefing/", now: Self.now)
        #expect(try Self.read(folder, "Content/site.yml").contains("\nbase_url: \"https://example.org/briefing/\"\n"))
        #expect(Check.run(sitePath: folder.path).map(\.description) == [], "not even a warning")
        #expect(throws: ScaffoldError("base URL 'example.org' must be an absolute http or https URL")) {
            try SiteScaffold.create(at: Self.emptyFolder().path, baseURL: "example.org")
        }
    }

    @Test func initTakesATitleThatNeedsQuoting() throws {
        let folder = Self.emptyFolder()
        try SiteScaffold.create(at: folder.path, title: "Troops: \"Who\" # counts?", now: Self.now, timeZone: Self.utc)
        #expect(try Self.read(folder, "Content/site.yml").hasPrefix("title: \"Troops: \\\"Who\\\" # counts?\"\n"))
        let page = try Build.run(BuildOptions(sitePath: folder.path)).outputDirectory.appending(path: "index.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Troops: &quot;Who&quot; # counts?"))
    }

    @Test func initRefusesAFolderThatHoldsAnythingButGit() throws {
        let folder = Self.emptyFolder()
        try FileManager.default.createDirectory(at: folder.appending(path: ".git"), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: folder.appending(path: "notes.txt"))
        #expect(throws: ScaffoldError("'\(folder.path)' is not empty (notes.txt); give a new or empty folder")) {
            try SiteScaffold.create(at: folder.path, now: Self.now)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".git", "notes.txt"])

        try FileManager.default.removeItem(at: folder.appending(path: "notes.txt"))
        try SiteScaffold.create(at: folder.path, now: Self.now)
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "Content/site.yml").path))
    }

    @Test func initRefusesAFile() throws {
        let file = Self.emptyFolder()
        try Data().write(to: file)
        #expect(throws: ScaffoldError("'\(file.path)' is a file, not a folder")) {
            try SiteScaffold.create(at: file.path)
        }
    }

    // MARK: new

    @Test func newNoteTakesItsSlugFromTheTitleAndItsDateFromTheClock() throws {
        let site = try Self.newSite()
        let path = try ContentScaffold(sitePath: site.path, now: Self.now, timeZone: Self.utc)
            .note(title: "Seoul Shifts on Lethal Aid", topics: ["overview", "politics"])
        #expect(path == site.path + "/Content/notes/seoul-shifts-on-lethal-aid.md")
        #expect(try Self.read(site, "Content/notes/seoul-shifts-on-lethal-aid.md") == """
            ---
            title: Seoul Shifts on Lethal Aid
            date: 2024-11-20
            topics: [overview, politics]
            # summary: One sentence for lists and feeds.
            ---
            Write the note here. Cite a source with `[@source-id]`, or `[@source-id, para 2]` with a locator.

            """)
        let tokyo = try ContentScaffold(sitePath: site.path, now: Self.now, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
            .note(title: "Later in Tokyo")
        #expect(try Self.read(site, "Content/notes/later-in-tokyo.md").contains("\ndate: 2024-11-21\n"))
        #expect(tokyo.hasSuffix("/Content/notes/later-in-tokyo.md"))
        _ = try Build.run(BuildOptions(sitePath: site.path))
    }

    @Test func newNoteShowsThePathAsBuildDoes() throws {
        let site = try Self.newSite()
        let relative = site.path + "/"
        let path = try ContentScaffold(sitePath: relative, now: Self.now).note(title: "A")
        #expect(path == relative + "Content/notes/a.md")
    }

    @Test func newNoteTakesAnExplicitDateAndSlug() throws {
        let site = try Self.newSite()
        let scaffold = ContentScaffold(sitePath: site.path, now: Self.now, timeZone: Self.utc)
        _ = try scaffold.note(title: "Reading the Numbers", date: "2024-10-24T09:30:00+09:00", slug: "numbers")
        #expect(try Self.read(site, "Content/notes/numbers.md").contains("\ndate: 2024-10-24T09:30:00+09:00\n"))
        #expect(throws: ScaffoldError("date '2024-10-32' must be a date (YYYY-MM-DD) or an ISO 8601 date-time")) {
            try scaffold.note(title: "Bad Date", date: "2024-10-32")
        }
        #expect(throws: ScaffoldError("cannot make a file name from the title '???'; give one with --slug")) {
            try scaffold.note(title: "???")
        }
        #expect(throws: ScaffoldError("topic slug 'Bad Topic' must use letters, digits, '-' and '_', starting with a letter or digit")) {
            try scaffold.note(title: "Fine", topics: ["Bad Topic"])
        }
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "Content/notes/bad-date.md").path))
    }

    @Test func newNeverOverwrites() throws {
        let site = try Self.newSite()
        let scaffold = ContentScaffold(sitePath: site.path, now: Self.now, timeZone: Self.utc)
        let before = try Self.read(site, "Content/notes/welcome.md")
        #expect(throws: ScaffoldError("\(site.path)/Content/notes/welcome.md already exists; nothing was written")) {
            try scaffold.note(title: "Welcome!")
        }
        #expect(try Self.read(site, "Content/notes/welcome.md") == before)
        #expect(throws: ScaffoldError("\(site.path)/Content/sources/example-report.md already exists; nothing was written")) {
            try scaffold.source(id: "example-report", outlet: "Other")
        }
        #expect(throws: ScaffoldError("\(site.path)/Content/topics/overview.md already exists; nothing was written")) {
            try scaffold.topic(slug: "overview")
        }
        // A name that differs only in case would collide on macOS and Windows disks.
        #expect(throws: ScaffoldError("\(site.path)/Content/topics/Overview.md would clash with \(site.path)/Content/topics/overview.md (names differing only in case); nothing was written")) {
            try scaffold.topic(slug: "Overview")
        }
    }

    @Test func newSourceAndTopicBuild() throws {
        let site = try Self.newSite()
        let scaffold = ContentScaffold(sitePath: site.path, now: Self.now, timeZone: Self.utc)
        let source = try scaffold.source(id: "reuters-2024-10-23", outlet: "Reuters: World", url: "https://example.org/a?b=c#d")
        #expect(source == site.path + "/Content/sources/reuters-2024-10-23.md")
        #expect(try Self.read(site, "Content/sources/reuters-2024-10-23.md") == """
            ---
            title: Reuters 2024 10 23
            outlet: "Reuters: World"
            url: "https://example.org/a?b=c#d"
            # published: YYYY-MM-DD
            accessed: 2024-11-20
            ---
            Paste the source's text here, as it is.

            """)
        _ = try scaffold.topic(slug: "russia-dprk-alliance")
        #expect(try Self.read(site, "Content/topics/russia-dprk-alliance.md").hasPrefix("---\ntitle: Russia dprk alliance\n"))
        _ = try scaffold.note(title: "Two Sources", topics: ["russia-dprk-alliance"])
        _ = try Build.run(BuildOptions(sitePath: site.path))
        let loaded = SiteLoaderProbe.source(site, "reuters-2024-10-23")
        #expect(loaded?.outlet == "Reuters: World")
        #expect(loaded?.url == "https://example.org/a?b=c#d")
    }

    @Test func newRejectsBadNamesAndURLs() throws {
        let site = try Self.newSite()
        let scaffold = ContentScaffold(sitePath: site.path, now: Self.now)
        #expect(throws: ScaffoldError("source name '../x' must use letters, digits, '-' and '_', starting with a letter or digit")) {
            try scaffold.source(id: "../x", outlet: "X")
        }
        #expect(throws: ScaffoldError("url 'javascript:alert(1)' must be an absolute http or https URL")) {
            try scaffold.source(id: "x", outlet: "X", url: "javascript:alert(1)")
        }
        #expect(throws: ScaffoldError("the source's outlet must not be empty")) {
            try scaffold.source(id: "x", outlet: "  ")
        }
        #expect(throws: ScaffoldError("topic name '-x' must use letters, digits, '-' and '_', starting with a letter or digit")) {
            try scaffold.topic(slug: "-x")
        }
    }

    @Test func newNeedsASiteFolder() throws {
        let folder = Self.emptyFolder()
        #expect(throws: ScaffoldError("\(folder.path)/Content/site.yml not found: run this in a site folder, or create one with 'briefing init'")) {
            try ContentScaffold(sitePath: folder.path).topic(slug: "x")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    // MARK: slugs and YAML

    @Test(arguments: [
        ("Seoul Shifts on Lethal Aid", "seoul-shifts-on-lethal-aid"),
        ("Über Café — Ærø: 3,000 troops!", "uber-cafe-aero-3-000-troops"),
        ("  --Hello,  World--  ", "hello-world"),
        ("Seoul’s U-turn on “lethal” aid", "seouls-u-turn-on-lethal-aid"),
        ("Straße in Łódź", "strasse-in-lodz"),
        ("???", ""),
        ("北朝鮮", ""),
    ])
    func slugsFromTitles(title: String, slug: String) {
        #expect(TitleSlug.make(from: title) == slug)
    }

    @Test func longSlugsAreCutAtAHyphen() {
        let slug = TitleSlug.make(from: String(repeating: "word ", count: 40))
        #expect(slug.count <= TitleSlug.maximumLength)
        #expect(slug.hasSuffix("word"))
    }

    @Test(arguments: [
        "Troops: the \"first\" wave", "- a list?", "# not a comment", "true", "2024", "a # b", "back\\slash",
        "it's fine", "[brackets]", "{braces}", "*star", "&anchor", "!tag", "%percent", "@at", "`tick", "| pipe", "> fold",
        "trailing ", "new\nline", "tab\there", "null", "~", "Ünïcödé — dash", "colon:", "question?",
    ])
    func titlesReadBackExactly(title: String) throws {
        let site = try Self.newSite()
        _ = try ContentScaffold(sitePath: site.path, now: Self.now).note(title: title, slug: "probe")
        let expected = title.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(SiteLoaderProbe.note(site, "probe")?.title == expected)
    }
}

/// Reads one content file back the way the build does.
enum SiteLoaderProbe {
    static func note(_ site: URL, _ slug: String) -> Note? {
        var log = DiagnosticLog()
        let note = NoteLoader.load(slug: slug, url: site.appending(path: "Content/notes/\(slug).md"), displayPath: slug, log: &log)
        return log.diagnostics.isEmpty ? note : nil
    }

    static func source(_ site: URL, _ id: String) -> Source? {
        var log = DiagnosticLog()
        let source = SourceLoader.load(id: id, url: site.appending(path: "Content/sources/\(id).md"), displayPath: id, log: &log)
        return log.diagnostics.isEmpty ? source : nil
    }
}
