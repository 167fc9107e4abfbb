import ArgumentParser
import BriefingKit
import Foundation

/// `briefing build --search`: Pagefind is found before the build (a missing one fails without touching the output)
/// and run on the output after it.
enum BuildSearch {
    static func locate() throws -> SearchIndex {
        do {
            return try SearchIndex.locate()
        } catch {
            printToStandardError(error.description)
            throw ExitCode.failure
        }
    }

    static func index(_ output: URL, shownPath: String, with search: SearchIndex) throws {
        let started = Date()
        do {
            let printed = try search.run(output: output, displayPath: shownPath)
            let pages = SearchIndex.indexedPageCount(in: printed).map { "\($0) pages" } ?? "the pages"
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            print("Indexed \(pages) for search into \(shownPath.hasSuffix("/") ? shownPath : shownPath + "/")pagefind in \(seconds) s")
        } catch {
            printToStandardError(error.description)
            throw ExitCode.failure
        }
    }
}
