import BriefingKit
import Foundation
import ServiceLifecycle

/// Notices changes below Content/ (site.yml included) and Templates/ by comparing each file's size and modification
/// time between polls. Polling a few dozen files is cheap, works the same on Linux and macOS, and sees the renames
/// with which editors save, new folders and a Templates/ folder that appears later.
struct SiteWatcher: Sendable {
    /// Size and modification time of one file.
    struct Stamp: Hashable, Sendable {
        var size: Int
        var modified: Date
    }

    /// Relative path ("Content/notes/x.md") → stamp.
    typealias Fingerprint = [String: Stamp]

    let root: URL
    let interval: Duration
    /// Whether a walk is needed at all (`ChangeHint`).
    let hint: ChangeHint
    static let watchedFolders = ["Content", "Templates"]

    init(layout: SiteLayout, interval: Duration) {
        self.root = layout.root
        self.interval = interval
        hint = ChangeHint(root: layout.root, folders: Self.watchedFolders)
    }

    /// Every visible file below the watched folders. Hidden files (an editor's swap files) are left out; a file that
    /// vanishes while being looked at is simply not there.
    func fingerprint() -> Fingerprint {
        var fingerprint: Fingerprint = [:]
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        for folder in Self.watchedFolders {
            let base = root.appending(path: folder, directoryHint: .isDirectory)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
                continue
            }
            let prefix = base.standardizedFileURL.path
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let path = url.standardizedFileURL.path
                let relative = path.hasPrefix(prefix) ? folder + path.dropFirst(prefix.count) : path
                fingerprint[relative.replacingOccurrences(of: "//", with: "/")] = Stamp(
                    size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast
                )
            }
        }
        return fingerprint
    }

    /// The files added, removed or changed from `old` to `new`, sorted.
    static func changes(from old: Fingerprint, to new: Fingerprint) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}

/// The watcher as a service of the server's group: it polls until shutdown, rebuilding after each change, and on
/// shutdown ends the live-reload streams so that the server is left with no open request.
struct WatchService: Service {
    let watcher: SiteWatcher
    /// The fingerprint the first build was made from.
    let since: SiteWatcher.Fingerprint
    /// Rebuilds; given the changed files.
    let rebuild: @Sendable ([String]) async -> Void
    let heartbeat: @Sendable () async -> Void
    let onStop: @Sendable () async -> Void

    /// A comment line on every event stream this often, so that closed connections are noticed.
    static let heartbeatInterval: Duration = .seconds(15)

    func run() async throws {
        let watcher = self.watcher
        let since = self.since
        let rebuild = self.rebuild
        let heartbeat = self.heartbeat
        await cancelWhenGracefulShutdown {
            await Self.poll(watcher, since: since, rebuild: rebuild, heartbeat: heartbeat)
        }
        await onStop()
    }

    /// Rebuilds once a change has settled: when two polls in a row agree on a fingerprint that differs from the
    /// last one built, so that a save in progress is not built half-written.
    private static func poll(
        _ watcher: SiteWatcher, since: SiteWatcher.Fingerprint,
        rebuild: @Sendable ([String]) async -> Void, heartbeat: @Sendable () async -> Void
    ) async {
        var built = since
        var previous = since
        var sinceHeartbeat: Duration = .zero
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: watcher.interval)
            } catch {
                return
            }
            // Without an event since the last poll, nothing changed: the last walk still stands.
            let current = watcher.hint.mayHaveChanged() ? watcher.fingerprint() : previous
            if current != built && current == previous {
                await rebuild(SiteWatcher.changes(from: built, to: current))
                built = current
            }
            previous = current
            sinceHeartbeat += watcher.interval
            if sinceHeartbeat >= heartbeatInterval {
                sinceHeartbeat = .zero
                await heartbeat()
            }
        }
    }
}
