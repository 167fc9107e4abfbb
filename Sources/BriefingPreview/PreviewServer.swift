import BriefingKit
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// What to serve, and where.
public struct PreviewOptions: Sendable {
    /// The site folder, as the user typed it.
    public var sitePath: String
    /// The address to listen on: loopback unless the user asks otherwise.
    public var host: String
    /// 0 asks the system for a free port (reported in ``PreviewEvent/listening(host:port:)``).
    public var port: Int
    /// Include notes marked `draft: true`.
    public var includeDrafts: Bool
    /// How often Content/ and Templates/ are looked at for changes.
    public var pollInterval: Duration

    public init(sitePath: String = ".", host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false, pollInterval: Duration = .milliseconds(300)) {
        self.sitePath = sitePath
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.pollInterval = pollInterval
    }
}

/// What the preview server did, for the command line to print.
public enum PreviewEvent: Sendable {
    /// A build succeeded; `trigger` is nil for the first build, else the changed files that caused it.
    case built(BuildReport, seconds: Double, trigger: [String]?)
    /// A build failed; the last good output is still served, with these findings over every page.
    case failed(BuildFailure, trigger: [String]?)
    /// The server accepts connections.
    case listening(host: String, port: Int)
}

/// Why `briefing serve` could not start or stopped early.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// `briefing serve`: builds the site, serves its output folder over HTTP, rebuilds when Content/ or Templates/
/// change, and tells open pages to reload. A failed build leaves the last good output being served, with the
/// build's findings shown over every page until a build succeeds again.
public actor PreviewServer {
    public let options: PreviewOptions
    private let onEvent: @Sendable (PreviewEvent) -> Void
    private var group: ServiceGroup?
    private var stopRequested = false

    /// - Parameter onEvent: called for each build and once the server listens; from any thread.
    public init(options: PreviewOptions, onEvent: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.options = options
        self.onEvent = onEvent
    }

    /// Builds, then serves until ``stop()`` is called or, with `handlingSignals`, the process gets SIGINT or
    /// SIGTERM; then it closes the live-reload streams and lets open requests finish.
    public func run(handlingSignals: Bool = false) async throws(PreviewError) {
        let layout = SiteLayout(path: options.sitePath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PreviewError(message: "no Content/ folder in '\(options.sitePath)': serve a site folder, or create one with 'briefing init'")
        }
        let builder = SiteBuilder(options: BuildOptions(sitePath: options.sitePath, includeDrafts: options.includeDrafts, cache: BuildCache()))
        let state = BuildState()
        let hub = ReloadHub()
        let watcher = SiteWatcher(layout: layout, interval: options.pollInterval)
        let onEvent = self.onEvent

        // The first build: its findings are served like any later ones, so a broken site can be fixed while watched.
        let fingerprint = watcher.fingerprint()
        let first = await builder.build()
        await state.record(first.failure)
        onEvent(first.event(trigger: nil))

        var logger = Logger(label: "briefing.serve")
        logger.logLevel = .warning
        let host = options.host
        let app = Application(
            responder: PreviewResponder(output: layout.defaultOutputDirectory, state: state, hub: hub),
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in onEvent(.listening(host: host, port: channel.localAddress?.port ?? 0)) },
            logger: logger
        )
        let watch = WatchService(watcher: watcher, since: fingerprint) { changed in
            let result = await builder.build()
            let generation = await state.record(result.failure)
            onEvent(result.event(trigger: changed))
            await hub.broadcast(.reload(generation: generation))
        } heartbeat: {
            await hub.broadcast(.heartbeat)
        } onStop: {
            await hub.finish()
        }
        // Shutdown runs last to first: the watcher ends the event streams, then the server has no open request left.
        var configuration = ServiceGroupConfiguration(
            services: [app, watch],
            gracefulShutdownSignals: handlingSignals ? [.sigint, .sigterm] : [],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        // stop() during the first build: nothing is listening yet, and nothing needs to stop.
        if stopRequested { return }
        let group = ServiceGroup(configuration: configuration)
        self.group = group
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewError(message: "port \(options.port) on \(host) is in use: stop the other server, or choose another port with --port")
        } catch {
            throw PreviewError(message: "cannot serve on \(host):\(options.port): \(error)")
        }
    }

    /// Stops a running server gracefully (as Ctrl-C does).
    public func stop() async {
        stopRequested = true
        await group?.triggerGracefulShutdown()
    }
}
