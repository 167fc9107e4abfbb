import Foundation
import Testing
@testable import BriefingKit

/// Pages are written and link-checked in pieces as they are rendered, so the printable digest of a large site is
/// never held whole: the pieces must give the same file, the same links and the same positions as the whole page.
@Suite struct PageStreamTests {
    /// HTML with every construct the scanner skips or reads, some of them long enough to span several pieces.
    static let html: [UInt8] = {
        var text = "<!DOCTYPE html>\n<html lang=\"en\"><head><script>if (a < b && c > d) { x = \"<a href='no'>\" }</script>\n"
        text += "<style>a[href=\"x\"] { color: red }</style><!-- <a href=\"comment\"> -->\n"
        for index in 0..<40 {
            text += "<p id=\"p\(index)\" class=x>é text <a href=\"#p\(index + 1)\" title='a > b'>next</a>"
            text += "<img\nsrc=../img/\(index).png alt=\"\">\n<a name=\"n\(index)\" HREF=\"../x/\(index).html?q=1&amp;r=2\">"
            text += "</a><!-- \(String(repeating: "-", count: index)) --></p>\n"
        }
        return Array((text + "<a href=\"#p40\">end</a></html>\n").utf8)
    }()

    struct Seen: Equatable {
        var element, name, value: String
        var line, column: Int
    }

    static func wholeScan(_ html: [UInt8]) -> [Seen] {
        var seen: [Seen] = []
        HTMLScanner.forEachAttribute(html) { seen.append(Seen(element: $0.element, name: $0.name, value: $0.value, line: $0.line, column: $0.column)) }
        return seen
    }

    @Test(arguments: [1, 7, 64, 333])
    func scanningInPiecesFindsWhatTheWholeScanFinds(pieceSize: Int) {
        var seen: [Seen] = []
        var position = HTMLScanner.Position()
        var carried: [UInt8] = []
        var offset = 0
        while offset < Self.html.count {
            let end = min(offset + pieceSize, Self.html.count)
            carried += Self.html[offset..<end]
            offset = end
            let isFinal = offset == Self.html.count
            let (consumed, after) = carried.withUnsafeBufferPointer { buffer in
                HTMLScanner.forEachAttribute(buffer, from: position, isFinal: isFinal) {
                    seen.append(Seen(element: $0.element, name: $0.name, value: $0.value, line: $0.line, column: $0.column))
                }
            }
            position = after
            carried.removeFirst(consumed)
        }
        let whole = Self.wholeScan(Self.html)
        #expect(whole.count == 201, "5 attributes of each of the 40 paragraphs, and the last link")
        #expect(seen == whole)
    }

    /// A printable digest several times the piece size, with a broken link the theme puts after every note.
    static func largeSite(brokenLink: Bool) throws -> TestSite {
        let paragraph = "A long paragraph about troop movements, repeated to make a large page [@src].\n\n"
        var files: [String: String] = [:]
        for index in 0..<12 {
            files["Content/notes/n\(index).md"] = "---\ntitle: Note \(index)\ndate: 2024-10-\(10 + index)\ntopics: [alpha]\n---\n"
                + String(repeating: paragraph, count: 500) + "See [the first note](../n0/index.html).\n"
        }
        let site = try TestSite.minimal(files)
        if brokenLink {
            let print = try String(contentsOf: Directory.repository.appending(path: "Templates/print.mustache"), encoding: .utf8)
            try site.write("Templates/print.mustache", print.replacingOccurrences(of: "{{/main}}", with: "<a href=\"#nowhere\">x</a>\n{{/main}}"))
        }
        return site
    }

    @Test func aPrintableDigestLargerThanAPieceIsWrittenAsRenderedWhole() throws {
        let site = try Self.largeSite(brokenLink: false)
        _ = try site.build()
        let written = try site.read("Output/print/index.html")
        #expect(written.utf8.count > 3 * DirectRenderer.pieceSize)
        let analysis = SiteAnalysis.run(SiteLayout(path: site.path, pathsRelativeToSite: true), includeDrafts: false) { _, _ in }
        let index = try #require(analysis.index), ledger = try #require(analysis.ledger), theme = try #require(analysis.theme)
        let page = PageBuilder(index: index, ledger: ledger).printPage()
        #expect(written == theme.render(page))
    }

    @Test func aBrokenLinkAtTheEndOfALargePageIsReportedAtItsLineAndColumn() throws {
        let site = try Self.largeSite(brokenLink: true)
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.hasPrefix("Output/print/index.html:"))
        #expect(error.hasSuffix("error: broken link to '#nowhere': print/index.html has no element with id 'nowhere'"))
        let parts = error.split(separator: ":")
        let (line, column) = (Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
        let analysis = SiteAnalysis.run(SiteLayout(path: site.path, pathsRelativeToSite: true), includeDrafts: false) { _, _ in }
        let index = try #require(analysis.index), ledger = try #require(analysis.ledger), theme = try #require(analysis.theme)
        let lines = theme.render(PageBuilder(index: index, ledger: ledger).printPage()).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line - 1].dropFirst(column - 1).hasPrefix("#nowhere\""))
    }
}
