import BriefingKit

/// What `serve` adds to the HTML it sends, and only `serve`: the built files on disk never contain any of it.
enum PageDecorations {
    static let eventsPath = "/__briefing/events"

    /// Reloads the page after every build. On reconnecting (the server restarted, or the laptop slept) the
    /// `hello` event carries the build number, and a page from an older build reloads.
    static let liveReloadScript = """
        <script>/* briefing serve: live reload */(()=>{let seen;const events=new EventSource("\(eventsPath)");\
        events.addEventListener("hello",e=>{if(seen!==undefined&&seen!==e.data)location.reload();seen=e.data});\
        events.addEventListener("reload",()=>location.reload())})();</script>
        """

    /// `html` with the live-reload script, and the build's findings over the page while the latest build failed,
    /// inserted before the last `</body>` (or at the end of a page without one).
    static func decorate(_ html: String, failure: BuildFailure?) -> String {
        var insert = liveReloadScript
        if let failure { insert = errorPanel(failure) + insert }
        guard let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + insert }
        var result = html
        result.insert(contentsOf: insert, at: body.lowerBound)
        return result
    }

    /// A page of its own for the findings, for when the failed build left nothing to show under them.
    static func standalonePage(title: String, message: String, failure: BuildFailure?) -> String {
        decorate("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title></head>
            <body style="font:16px/1.5 system-ui,sans-serif;margin:2rem"><h1>\(escape(title))</h1><p>\(escape(message))</p></body></html>
            """, failure: failure)
    }

    /// Every finding, `path:line:column: error: message`, as compilers print them, covering the page.
    static func errorPanel(_ failure: BuildFailure) -> String {
        let errors = failure.diagnostics.filter { $0.severity == .error }.count
        let items = failure.diagnostics.map { diagnostic in
            let color = diagnostic.severity == .error ? "#b00020" : "#8a5a00"
            return "<li style=\"margin:.4em 0\"><code style=\"color:\(color)\">\(escape(diagnostic.description))</code></li>"
        }
        return """
            <div id="briefing-build-errors" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
            background:#fff;color:#111;padding:2rem;font:15px/1.5 system-ui,sans-serif;text-align:left">\
            <h1 style="font-size:1.4rem;margin:0 0 .5rem">Build failed with \(errors) error\(errors == 1 ? "" : "s")</h1>\
            <p style="margin:0 0 1rem">Under this panel is the last good build. Save a fix and this page reloads by itself.</p>\
            <ul style="list-style:none;padding:0;margin:0 0 1rem;white-space:pre-wrap;word-break:break-word">\(items.joined())</ul>\
            <button type="button" onclick="this.parentNode.remove()">Show the last good page</button></div>
            """
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
