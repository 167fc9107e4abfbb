import Foundation

/// The build record and page cache beside an output folder, for a step that writes into a finished output on the
/// build's behalf (Pagefind's index): read once before the step, and moved on to the folder as the step leaves it
/// only when they described the folder exactly before it.
struct OutputCaches {
    private let output: URL
    private let record: BuildRecord?
    private let pages: PageCache?

    init(output: URL) {
        self.output = output
        let now = BuildRecord.output(output)
        let record = BuildRecord.load(for: output)
        let pages = PageCache.file(for: output).read()
        let describesOutput = record?.output == now && pages.map { $0.output == now } != false
        self.record = describesOutput ? record : nil
        self.pages = describesOutput ? pages : nil
    }

    func adoptOutputAsItIsNow() {
        guard record != nil || pages != nil else { return }
        let now = BuildRecord.output(output)
        if var record {
            record.output = now
            record.save(for: output)
        }
        if var pages {
            pages.output = now
            pages.save(for: output)
        }
    }
}
