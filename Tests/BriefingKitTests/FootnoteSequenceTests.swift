import Foundation
import Testing
@testable import BriefingKit

/// Per-page footnote numbering: one sequence for citations and GFM footnotes, numbered by first reference.
@Suite struct FootnoteSequenceTests {
    private static func source(_ id: String, outlet: String) -> Source {
        Source(
            id: id, title: "Title of \(id)", outlet: outlet, author: nil, published: nil, url: nil, accessed: nil,
            language: nil, basedOn: [], body: nil, location: SourceLocation(path: "Content/sources/\(id).md")
        )
    }

    private let sources: [String: Source] = [
        "s1": source("s1", outlet: "Outlet A"),
        "s2": source("s2", outlet: "Outlet B"),
        "s3": source("s3", outlet: "Smith & <Sons>"),
    ]

    private func parse(_ text: String) -> ParsedMarkdown {
        MarkdownParser().parse(MarkdownText(text: text, path: "Content/notes/n.md", firstLine: 1))
    }

    /// The numbers shown by the markers, in the order they appear in `html`.
    private func markerNumbers(_ html: String) -> [Int] {
        let pattern = /<a href="#fn-(\d+)" id="fnref-\d+-\d+" role="doc-noteref"[^>]*>(\d+)<\/a>/
        return html.matches(of: pattern).compactMap { match in
            // The link target and the visible number must agree.
            match.output.1 == match.output.2 ? Int(match.output.1) : -1
        }
    }

    private func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    @Test func citationsAndFootnotesShareOneSequenceNumberedByFirstReference() {
        var sequence = FootnoteSequence(sources: sources)
        let html = sequence.resolve(parse("A [@s1] B [^1] C [@s2] D [@s1].\n\n[^1]: A note.\n"), document: "note")
        #expect(markerNumbers(html) == [1, 2, 3, 1])
        #expect(sequence.entries.map(\.kind) == [.source("s1"), .note(document: "note", label: "1"), .source("s2")])
        #expect(sequence.entries.map(\.number) == [1, 2, 3])
    }

    @Test func aSourceCitedTwiceHasOneEntryLinkingBackToEachMarker() {
        var sequence = FootnoteSequence(sources: sources)
        let html = sequence.resolve(parse("A [@s1] B [@s2] C [@s1, p. 9]."), document: "note")
        let first = sequence.entries.first
        #expect(sequence.entries.count == 2)
        #expect(first?.backReferences.map(\.anchor) == ["fnref-1-1", "fnref-1-2"])
        #expect(first?.backReferences.map(\.locator) == [nil, "p. 9"])
        for anchor in ["fnref-1-1", "fnref-1-2", "fnref-2-1"] {
            #expect(count("id=\"\(anchor)\"", in: html) == 1, "each back reference must land on exactly one marker: \(anchor)")
        }
        #expect(count(##"href="#fn-1""##, in: html) == 2)
    }

    @Test func aGroupedCitationIsOneSupWithAMarkerPerSource() {
        var sequence = FootnoteSequence(sources: sources)
        let html = sequence.resolve(parse("Claim [@s1; @s2, p. 3]."), document: "note")
        #expect(count("<sup", in: html) == 1)
        #expect(html.contains(#"<sup class="citation">"#))
        #expect(markerNumbers(html) == [1, 2])
        #expect(html.contains(#"</a><span class="sep">,</span><a "#))
        #expect(html.contains(#"aria-label="Source 2: Outlet B, p. 3""#))
        #expect(html.contains(#"aria-label="Source 1: Outlet A""#))
    }

    @Test func markersLinkToTheirFootnote() {
        var sequence = FootnoteSequence(sources: sources)
        let html = sequence.resolve(parse("One [@s2]."), document: "note")
        #expect(html == ##"<p>One<sup class="citation"><a href="#fn-1" id="fnref-1-1" role="doc-noteref" aria-label="Source 1: Outlet B">1</a></sup>.</p>"## + "\n")
    }

    @Test func aCitationInsideAFootnoteIsNumberedAfterTheBodysCitations() {
        var sequence = FootnoteSequence(sources: sources)
        let html = sequence.resolve(parse("Body[^n] then [@s1].\n\n[^n]: See [@s2].\n"), document: "note")
        #expect(markerNumbers(html) == [1, 2])
        #expect(sequence.entries.map(\.kind) == [.note(document: "note", label: "1"), .source("s1"), .source("s2")])
        let footnote = sequence.entries.first?.html ?? ""
        #expect(markerNumbers(footnote) == [3])
        #expect(footnote.contains("See<sup"))
        #expect(!footnote.contains(Placeholder.open), "the footnote's own placeholders are resolved")
    }

    @Test func aFootnoteReferencedTwiceHasTwoBackReferences() {
        var sequence = FootnoteSequence(sources: sources)
        let html = sequence.resolve(parse("A[^n] B[^n].\n\n[^n]: Once.\n"), document: "note")
        #expect(sequence.entries.count == 1)
        #expect(sequence.entries.first?.backReferences.map(\.anchor) == ["fnref-1-1", "fnref-1-2"])
        #expect(count(#"<sup class="footnote-ref">"#, in: html) == 2)
        #expect(sequence.entries.first?.html?.contains("Once.") == true)
    }

    @Test func aFootnoteMayReferenceAnotherFootnote() {
        var sequence = FootnoteSequence(sources: sources)
        _ = sequence.resolve(parse("A[^outer].\n\n[^outer]: Outer, see[^inner].\n[^inner]: Inner [@s1].\n"), document: "note")
        #expect(sequence.entries.map(\.number) == [1, 2, 3])
        #expect(markerNumbers(sequence.entries[0].html ?? "") == [2])
        #expect(sequence.entries[1].html?.contains("Inner<sup") == true)
        #expect(markerNumbers(sequence.entries[1].html ?? "") == [3])
    }

    @Test func footnotesOfTwoBodiesOnOnePageAreKeptApart() {
        var sequence = FootnoteSequence(sources: sources)
        let first = sequence.resolve(parse("First[^1].\n\n[^1]: From the first body.\n"), document: "a")
        let second = sequence.resolve(parse("Second[^1] [@s1].\n\n[^1]: From the second body.\n"), document: "b")
        #expect(markerNumbers(first) == [1])
        #expect(markerNumbers(second) == [2, 3])
        #expect(sequence.entries[0].html?.contains("From the first body.") == true)
        #expect(sequence.entries[1].html?.contains("From the second body.") == true)
    }

    @Test func claimCitationsContinueTheSequenceAfterTheBody() {
        var sequence = FootnoteSequence(sources: sources)
        _ = sequence.resolve(parse("Body [@s1]."), document: "note")
        let location = SourceLocation(path: "Content/claims/main.yml", line: 4, column: 7)
        let html = sequence.cite([
            CitationItem(sourceID: "s2", locator: "para 2", location: location),
            CitationItem(sourceID: "s1", locator: nil, location: location),
        ])
        #expect(markerNumbers(html) == [2, 1])
        #expect(html.contains(#"id="fnref-1-2""#), "s1's second marker")
        #expect(html.contains(#"id="fnref-2-1""#))
        #expect(sequence.entries.map(\.kind) == [.source("s1"), .source("s2")])
        #expect(sequence.entries[1].backReferences.map(\.locator) == ["para 2"])
    }

    @Test func unknownSourcesGetNoMarkerAndNoNumber() {
        var sequence = FootnoteSequence(sources: sources)
        let html = sequence.resolve(parse("Lost [@ghost]. Mixed [@ghost; @s2]."), document: "note")
        #expect(html == ##"<p>Lost. Mixed<sup class="citation"><a href="#fn-1" id="fnref-1-1" role="doc-noteref" aria-label="Source 1: Outlet B">1</a></sup>.</p>"## + "\n")
        #expect(sequence.entries.map(\.kind) == [.source("s2")])
        #expect(sequence.cite([CitationItem(sourceID: "nobody", locator: nil, location: SourceLocation(path: "x"))]) == "")
        #expect(sequence.entries.count == 1)
    }

    @Test func markerLabelsEscapeOutletsAndLocators() {
        var sequence = FootnoteSequence(sources: sources)
        let html = sequence.resolve(parse(#"Quote [@s3, "x" &lt;b&gt; & 'y']."#), document: "note")
        #expect(html.contains(#"aria-label="Source 1: Smith &amp; &lt;Sons&gt;, &quot;x&quot; &lt;b&gt; &amp; &#39;y&#39;""#))
        #expect(!html.contains("<Sons>"))
    }

    @Test func aBodyWithoutReferencesIsUnchanged() {
        var sequence = FootnoteSequence(sources: sources)
        let parsed = parse("Just *text*.")
        #expect(sequence.resolve(parsed, document: "note") == parsed.html)
        #expect(sequence.entries.isEmpty)
    }
}
