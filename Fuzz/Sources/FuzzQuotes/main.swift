import Foundation
import FuzzSupport
@testable import BriefingKit

// Quote verification: a quote and a source body (split at the input's first NUL byte, or else after its first
// line), each normalised, then the quote looked for in the body and, when absent, the closest passage found.
// Properties: nothing crashes or hangs; the normalised text maps back into the original in order; every text
// contains its own quote; similarity lies in 0...1 and the closest passage is taken from the body.

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = [UInt8](inputData(bytes, size))
    let cut = data.firstIndex(of: 0) ?? data.firstIndex(of: 0x0A) ?? data.count
    let quote = String(decoding: data[..<cut], as: UTF8.self)
    let body = String(decoding: data[min(cut + 1, data.count)...], as: UTF8.self)

    let normalisedQuote = QuoteNormaliser.normalise(quote)
    let normalisedBody = QuoteNormaliser.normalise(body)
    checkMap(normalisedQuote)
    checkMap(normalisedBody)

    if normalisedQuote.count > 0, case .notFound = QuoteMatcher.find(normalisedQuote, in: normalisedQuote) {
        expect(false, "a text does not contain itself")
    }
    switch QuoteMatcher.find(normalisedQuote, in: normalisedBody) {
    case .found(let paragraph):
        expect(paragraph >= 1, "paragraph \(paragraph)")
    case .notFound(let closest, let similarity, let paragraph):
        expect((0...1).contains(similarity), "similarity \(similarity)")
        expect(paragraph >= 1, "paragraph \(paragraph)")
        let passage = closest.hasSuffix("…") ? String(closest.dropLast()) : closest
        // The standard library's search, by Characters: Foundation's `contains` (`range(of:)`) on Linux misses a
        // passage that ends in a control character followed, in the body, by an emoji modifier.
        expect(passage.isEmpty || body.firstRange(of: passage) != nil, "closest passage '\(closest)' is not in the body")
    }
    return 0
}

/// Each normalised Character stands for a non-empty run of original Characters, in order and inside the original.
func checkMap(_ text: NormalisedText) {
    expect(text.origins.count == text.units.count, "\(text.origins.count) origins for \(text.units.count) units")
    let originalCount = text.originalIndices.count - 1
    var previous = 0
    for origin in text.origins {
        expect(!origin.isEmpty && origin.lowerBound >= previous && origin.upperBound <= originalCount, "origin \(origin) after \(previous) in \(originalCount)")
        previous = origin.upperBound
    }
    expect(zip(text.paragraphStarts, text.paragraphStarts.dropFirst()).allSatisfy { $0 < $1 }, "paragraph starts out of order")
    if text.count > 0 { _ = text.originalRange(of: 0..<text.count, includingAdjacentMarkers: true) }
}

runFuzzer(testOneInput)
