import Foundation

/// Checks every quote of the ledger against its source's body and reports what does not match.
enum QuoteChecks {
    /// Results by claim id, then by the index of the entry in the claim's `sources`.
    static func run(_ claims: [Claim], sources: [String: Source], log: inout DiagnosticLog) -> [String: [Int: QuoteCheck]] {
        var results: [String: [Int: QuoteCheck]] = [:]
        // A source is often quoted by several claims: normalise its text once.
        var normalisedBodies: [String: NormalisedText] = [:]
        for claim in claims {
            for (position, entry) in claim.sources.enumerated() {
                guard let quote = entry.quote, let source = sources[entry.sourceID] else { continue }
                let location = entry.quoteLocation ?? entry.location
                guard let body = source.body else {
                    log.warning(location, "cannot verify quote: source '\(source.id)' has no text")
                    results[claim.id, default: [:]][position] = .cannotVerify
                    continue
                }
                let normalisedBody = normalisedBodies[source.id] ?? QuoteNormaliser.normalise(body.text)
                normalisedBodies[source.id] = normalisedBody
                switch QuoteMatcher.find(QuoteNormaliser.normalise(quote), in: normalisedBody) {
                case .found(let paragraph):
                    results[claim.id, default: [:]][position] = .verified(paragraph: paragraph)
                    if let stated = paragraphNumber(in: entry.locator), stated != paragraph {
                        log.warning(location, "locator says para \(stated) but the quote is in para \(paragraph) of source '\(source.id)'")
                    }
                case .notFound(let closest, let similarity, let paragraph):
                    results[claim.id, default: [:]][position] = .notFound(closest: closest, similarity: similarity, paragraph: paragraph)
                    let percent = Int((similarity * 100).rounded(.down))
                    let passage = closest.split(whereSeparator: \.isNewline).joined(separator: " ")
                    log.error(
                        location,
                        "quote not found in source '\(source.id)'; closest passage (para \(paragraph), \(percent)% similar): “\(passage)”"
                    )
                }
            }
        }
        return results
    }

    /// "para 4", "paragraph 4", "¶ 4", "para. 4" → 4; any other locator (a page, a timestamp) is not checked.
    static func paragraphNumber(in locator: String?) -> Int? {
        guard let locator = locator?.lowercased().trimmingCharacters(in: .whitespaces) else { return nil }
        for prefix in ["paragraph", "para.", "para", "¶", "par."] where locator.hasPrefix(prefix) {
            return Int(locator.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
