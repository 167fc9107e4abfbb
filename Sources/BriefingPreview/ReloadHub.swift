/// The live-reload channel: every open page holds one server-sent-events stream, and each finished build sends
/// every stream a `reload`.
actor ReloadHub {
    enum Message: Sendable, Equatable {
        /// A build finished (well or not): pages reload to show it.
        case reload(generation: Int)
        /// Keeps idle connections alive, and finds those the browser has closed.
        case heartbeat
    }

    private var subscribers: [Int: AsyncStream<Message>.Continuation] = [:]
    private var nextID = 0
    private var finished = false

    var subscriberCount: Int { subscribers.count }

    /// A stream of messages from now on; it ends when the page goes away or the server stops.
    func subscribe() -> AsyncStream<Message> {
        let (stream, continuation) = AsyncStream.makeStream(of: Message.self)
        guard !finished else {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in
            Task { await self.remove(id) }
        }
        return stream
    }

    func broadcast(_ message: Message) {
        for continuation in subscribers.values { continuation.yield(message) }
    }

    /// Ends every stream, and every later one at once: the server is stopping.
    func finish() {
        finished = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }
}
