import Foundation

/// The build record and page cache beside an output folder, for a step that writes into a finished output on the
/// build's behalf (Pagefind's index): taken before the step, and moved on to the folder as the step leaves it only
/// when they described the folder exactly before it.
struct OutputCaches {
    private let output: URL
    private let describedOutput: Bool

    init(output: URL) {
        self.output = output
        let now = BuildRecord.output(output)
        describedOutput = BuildRecord.load(for: output)?.output == now && PageCache.file(for: output).read().map { $0.output == now } != false
    }

    func adoptOutputAsItIsNow() {
        guard describedOutput else { return }
        let now = BuildRecord.output(output)
        if var record = BuildRecord.load(for: output) {
            record.output = now
            record.save(for: output)
        }
        if var cache = PageCache.file(for: output).read() {
            cache.output = now
            cache.save(for: output)
        }
    }
}
