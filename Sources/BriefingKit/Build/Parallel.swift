import Dispatch

/// Data parallelism for the build's independent jobs (parsing bodies, rendering pages), on every core.
enum Parallel {
    /// `transform` applied to every element, in order, with the work spread over all cores. `transform` must not
    /// depend on the order in which elements are processed; the result does not.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = ResultSlots<Result>(count: elements.count)
        // Chunks keep scheduling overhead low for many small jobs.
        let chunkCount = min(elements.count, 64)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var index = chunk
            while index < elements.count {
                results.set(index, transform(elements[index]))
                index += chunkCount
            }
        }
        return results.values()
    }
}

/// One slot per result; each index is written by exactly one job, and read only after all jobs finished.
/// Raw memory rather than an array property, so that concurrent writes to different slots never contend for
/// exclusive access to one array.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) { slots[index] = value }

    func values() -> [Value] { (0..<count).map { slots[$0]! } }
}
