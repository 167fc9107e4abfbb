import BriefingKit
import Foundation
import Testing
@testable import BriefingPreview
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `briefing serve` over real HTTP on loopback: a site made by `briefing init` in a temporary folder, a server on a
/// free port, and bounded waits for every change to show.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesWithTheLiveReloadScriptAndLeavesTheBuiltFilesWithout() async throws {
        try await withPreview { preview in
            let (status, body, type, _) = try await preview.get("/")
            #expect(status == 200)
            #expect(type == "text/html; charset=utf-8")
            #expect(body.contains("Welcome to the briefing"))
            #expect(body.contains(#"new EventSource("/__briefing/events")"#))
            #expect(body.range(of: "</script></body>") != nil, "the script goes just before </body>")
            #expect(!body.contains("briefing-build-errors"))

            let note = try await preview.get("/notes/welcome/index.html")
            #expect(note.status == 200)
            #expect(note.body.contains("__briefing/events"))

            let css = try await preview.get("/assets/style.css")
            #expect(css.status == 200)
            #expect(css.type == "text/css; charset=utf-8")
            #expect(!css.body.contains("__briefing"))

            let onDisk = try String(contentsOf: preview.site.appending(path: "Output/index.html"), encoding: .utf8)
            #expect(!onDisk.contains("__briefing"), "the script is added as pages are served, never written")
        }
    }

    @Test func aFolderIsItsIndexAndAFolderWithoutSlashRedirects() async throws {
        try await withPreview { preview in
            let folder = try await preview.get("/notes/welcome/")
            #expect(folder.status == 200)
            #expect(folder.body.contains("Welcome to the briefing"))
            let redirect = try await preview.get("/notes/welcome", followRedirects: false)
            #expect(redirect.status == 301)
            #expect(redirect.location == "/notes/welcome/")
        }
    }

    @Test func headHasNoBodyAndOtherMethodsAreRefused() async throws {
        try await withPreview { preview in
            let head = try await preview.get("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body == "")
            #expect(head.type == "text/html; charset=utf-8")
            #expect(try await preview.get("/", method: "POST").status == 405)
        }
    }

    @Test func aMissingPageIsThe404PageWithStatus404() async throws {
        try await withPreview { preview in
            let (status, body, _, _) = try await preview.get("/nope")
            #expect(status == 404)
            let page404 = try String(contentsOf: preview.site.appending(path: "Output/404.html"), encoding: .utf8)
            #expect(body == PageDecorations.decorate(page404, failure: nil))
            #expect(try await preview.get("/notes/nope/index.html").status == 404)
        }
    }

    @Test func nothingOutsideTheOutputFolderIsServed() async throws {
        try await withPreview { preview in
            #expect(try await preview.get("/%2e%2e/Content/site.yml").status == 400)
            #expect(try await preview.get("/notes/%2E%2E/%2e%2e/%2e%2e/%2e%2e/etc/passwd").status == 400)
            #expect(try await preview.get("/notes/..%2f..%2fContent/site.yml").status == 400)
            #expect(try await preview.get("/%5c..%5cContent/site.yml").status == 400)
            #expect(try await preview.get("/.briefing-output").status == 404)
            // A symbolic link inside the output folder that leads out of it.
            try FileManager.default.createSymbolicLink(
                at: preview.site.appending(path: "Output/leak"), withDestinationURL: preview.site.appending(path: "Content")
            )
            #expect(try await preview.get("/leak/site.yml").status == 404)
        }
    }

    @Test func anEditSendsAReloadEventAndTheNewPageIsServed() async throws {
        try await withPreview { preview in
            let events = try EventStream(preview.url("/__briefing/events"))
            defer { events.close() }
            #expect(await eventually { events.text.contains("event: hello\ndata: 1\n") }, "hello with the first build's number")

            try preview.write("Content/notes/welcome.md", welcomeNote(body: "A brand-new paragraph."))
            #expect(await eventually { events.text.contains("event: reload\ndata: 2\n") })
            // A poll may catch the file between its truncation and its writing, and build that (a failed build, a
            // reload); the next poll sees the written file and builds again. So wait for the content, not a number.
            #expect(await eventually {
                (try? await preview.get("/notes/welcome/index.html").body.contains("A brand-new paragraph.")) == true
            })
        }
    }

    @Test func aBrokenFileShowsItsErrorsOverTheLastGoodPageUntilFixed() async throws {
        try await withPreview { preview in
            try preview.write("Content/notes/welcome.md", welcomeNote(date: "2024-10-32", body: "Never published."))
            let location = "Content/notes/welcome.md:3:7: error: &#39;date&#39; must be a date"
            #expect(await eventually { (try? await preview.get("/notes/welcome/index.html").body.contains(location)) == true })

            let broken = try await preview.get("/notes/welcome/index.html")
            #expect(broken.status == 200)
            #expect(broken.body.contains("Build failed with 1 error"))
            #expect(broken.body.contains("the committee approved the plan"), "the last good page is under the errors")
            #expect(!broken.body.contains("Never published."))
            #expect(broken.body.contains("__briefing/events"), "so that fixing the file reloads the page")
            let missing = try await preview.get("/nope")
            #expect(missing.status == 404)
            #expect(missing.body.contains(location))
            let css = try await preview.get("/assets/style.css")
            #expect(css.status == 200 && !css.body.contains("error"))

            try preview.write("Content/notes/welcome.md", welcomeNote(body: "Fixed and published."))
            // The output is swapped in a moment before the server records the build as good: wait for both.
            #expect(await eventually {
                guard let fixed = try? await preview.get("/notes/welcome/index.html") else { return false }
                return fixed.body.contains("Fixed and published.") && !fixed.body.contains("briefing-build-errors")
            })
            #expect(try await !preview.get("/nope").body.contains("briefing-build-errors"))
        }
    }

    @Test func aSiteBrokenFromTheStartShowsAnErrorPage() async throws {
        try await withPreview(prepare: { site in
            try Data("title: [unclosed\n".utf8).write(to: site.appending(path: "Content/site.yml"))
        }) { preview in
            let (status, body, _, _) = try await preview.get("/")
            #expect(status == 404)
            #expect(body.contains("Content/site.yml:"))
            #expect(body.contains("briefing-build-errors"))
            #expect(body.contains("__briefing/events"))

            try preview.write("Content/site.yml", "title: Repaired\n")
            #expect(await eventually { (try? await preview.get("/").status) == 200 })
            #expect(try await preview.get("/").body.contains("Repaired"))
        }
    }

    @Test func stopEndsOpenEventStreamsAndReturns() async throws {
        let preview = try await Preview.start()
        let events = try EventStream(preview.url("/__briefing/events"))
        defer { events.close() }
        #expect(await eventually { events.text.contains("event: hello") })
        #expect(await preview.stop(), "run() returned after stop(), with an event stream open")
        #expect(await eventually { events.finished }, "the event stream was ended by the server")
    }

    @Test func listensOnLoopbackByDefault() {
        #expect(PreviewOptions().host == "127.0.0.1")
        #expect(PreviewOptions().port == 8000)
    }

    @Test func notASiteFolderIsAnError() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "briefing-preview-\(UUID().uuidString)")
        let server = PreviewServer(options: PreviewOptions(sitePath: folder.path, port: 0))
        await #expect(throws: PreviewError.self) { try await server.run() }
    }
}

// MARK: - Support

func welcomeNote(date: String = "2024-11-20", body: String) -> String {
    "---\ntitle: Welcome to the briefing\ndate: \(date)\ntopics: [overview]\n---\n\(body) Cited [@example-report, para 2].\n"
}

/// Polls `condition` every 50 ms for at most `seconds`. The limits are generous because they cost nothing when
/// the test passes, and the whole test suite shares two cores and one concurrency pool with CPU-heavy tests.
func eventually(seconds: Double = 60, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return await condition()
}

/// Runs `body` against a server on a fresh `briefing init` site, and always stops the server.
func withPreview(prepare: (URL) throws -> Void = { _ in }, _ body: (Preview) async throws -> Void) async throws {
    let preview = try await Preview.start(prepare: prepare)
    defer { try? FileManager.default.removeItem(at: preview.site) }
    do {
        try await body(preview)
    } catch {
        _ = await preview.stop()
        throw error
    }
    #expect(await preview.stop(), "the server stopped")
}

/// A running server on 127.0.0.1 and a free port.
struct Preview: Sendable {
    let site: URL
    let port: Int
    let server: PreviewServer
    let task: Task<Void, any Error>

    static func start(prepare: (URL) throws -> Void = { _ in }) async throws -> Preview {
        let site = FileManager.default.temporaryDirectory.appending(path: "briefing-preview-\(UUID().uuidString)", directoryHint: .isDirectory)
        try SiteScaffold.create(at: site.path, now: Date(timeIntervalSince1970: 1_732_060_800), timeZone: TimeZone(identifier: "UTC")!)
        try prepare(site)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let options = PreviewOptions(sitePath: site.path, host: "127.0.0.1", port: 0, pollInterval: .milliseconds(50))
        let server = PreviewServer(options: options) { event in
            if case .listening(_, let port) = event { continuation.yield(port) }
        }
        let task = Task { try await server.run() }
        let port = await withTaskGroup(of: Int?.self) { group in
            group.addTask { await ports.first { _ in true } }
            group.addTask {
                try? await Task.sleep(for: .seconds(60))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let port else {
            task.cancel()
            throw PreviewTestError("the server did not start listening within 60 s")
        }
        return Preview(site: site, port: port, server: server, task: task)
    }

    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: site.appending(path: path))
    }

    func get(_ path: String, method: String = "GET", followRedirects: Bool = true) async throws -> (status: Int, body: String, type: String?, location: String?) {
        let delegate = followRedirects ? nil : NoRedirects()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url(path))
        request.timeoutInterval = 60
        request.httpMethod = method
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (
            http.statusCode, String(decoding: data, as: UTF8.self),
            http.value(forHTTPHeaderField: "Content-Type"), http.value(forHTTPHeaderField: "Location")
        )
    }

    /// Stops the server; true when `run()` returned within 30 s.
    func stop() async -> Bool {
        await server.stop()
        let task = self.task
        let stopped = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                _ = await task.result
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(30))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !stopped { task.cancel() }
        return stopped
    }
}

struct PreviewTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// A server-sent-events connection whose bytes are collected as they arrive.
final class EventStream: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var received = Data()
    private var ended = false
    private var session: URLSession!

    init(_ url: URL) throws {
        super.init()
        session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
        var request = URLRequest(url: url)
        request.timeoutInterval = 60
        session.dataTask(with: request).resume()
    }

    var text: String { lock.withLock { String(decoding: received, as: UTF8.self) } }
    var finished: Bool { lock.withLock { ended } }

    func close() {
        session.invalidateAndCancel()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { received.append(data) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock { ended = true }
    }
}
