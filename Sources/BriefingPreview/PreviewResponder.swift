import Foundation
import Hummingbird

/// Answers every request of `briefing serve`: the live-reload event stream, and the output folder's files, HTML
/// pages decorated with the live-reload script (and the build's findings while the latest build failed).
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: OutputFiles
    let state: BuildState
    let hub: ReloadHub

    init(output: URL, state: BuildState, hub: ReloadHub) {
        self.files = OutputFiles(root: output)
        self.state = state
        self.hub = hub
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        if request.uri.path == PageDecorations.eventsPath {
            return await events()
        }
        let head = request.method == .head
        switch files.lookup(request.uri.path) {
        case .badRequest:
            return Self.text(.badRequest, "Bad path.\n")
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        case .file(let url):
            return try await serve(url, status: .ok, head: head)
        case .notFound:
            if let page = files.notFoundPage { return try await serve(page, status: .notFound, head: head) }
            let failure = await state.snapshot().failure
            let html = PageDecorations.standalonePage(
                title: "Not found", message: "Nothing in the output folder answers to \(request.uri.path).", failure: failure
            )
            return Self.response(.notFound, Data(html.utf8), contentType: "text/html; charset=utf-8", head: head)
        }
    }

    /// A file of the output folder; HTML is decorated.
    private func serve(_ url: URL, status: HTTPResponse.Status, head: Bool) async throws -> Response {
        var data = try Data(contentsOf: url)
        let contentType = OutputFiles.contentType(of: url)
        if contentType.hasPrefix("text/html") {
            let failure = await state.snapshot().failure
            data = Data(PageDecorations.decorate(String(decoding: data, as: UTF8.self), failure: failure).utf8)
        }
        return Self.response(status, data, contentType: contentType, head: head)
    }

    /// `text/event-stream`: `hello` with the current build number at once, then `reload` after each build.
    private func events() async -> Response {
        let stream = await hub.subscribe()
        let generation = await state.snapshot().generation
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\nevent: hello\ndata: \(generation)\n\n"))
            for await message in stream {
                switch message {
                case .reload(let generation):
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                case .heartbeat:
                    try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                }
            }
            try await writer.finish(nil)
        })
    }

    private static func response(_ status: HTTPResponse.Status, _ data: Data, contentType: String, head: Bool) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store"]
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
