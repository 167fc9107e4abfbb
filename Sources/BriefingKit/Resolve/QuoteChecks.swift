import Foundation

/// Checks every quote of the ledger against its source's body and reports what does not match.
enum QuoteChecks {
    /// Results by claim id, then by the index of the entry in the claim's `sources`.
    static func run(_ claims: [Claim], sources: [String: Source], log: inout DiagnosticLog) -> [String: [Int: QuoteCheck]] {
        // One quote of one claim, in ledger order.
        struct Job: Sendable {
            var claim: String
            var position: Int
            var entry: ClaimSource
            var source: Source
        }
        var jobs: [Job] = []
        for claim in claims {
            for (position, entry) in claim.sources.enumerated() {
                guard entry.quote != nil, let source = sources[entry.sourceID] else { continue }
                jobs.append(Job(claim: claim.id, position: position, entry: entry, source: source))
            }
        }
        // A source is often quoted by several claims: its text is normalised once, for all of them, and dropped
        // when they are done (normalised text takes about 30 bytes a character), each source on any core.
        var jobsBySource: [String: [Int]] = [:]
        var sourceOrder: [String] = []
        for (number, job) in jobs.enumerated() {
            if jobsBySource[job.source.id] == nil { sourceOrder.append(job.source.id) }
            jobsBySource[job.source.id, default: []].append(number)
        }
        let groups = sourceOrder.map { jobsBySource[$0] ?? [] }
        let jobList = jobs
        let matched = Parallel.map(groups) { numbers -> [(Int, QuoteMatcher.Result)] in
            guard let body = jobList[numbers[0]].source.body else { return [] }
            let normalisedBody = QuoteNormaliser.normalise(body.text)
            return numbers.map { number in
                (number, QuoteMatcher.find(QuoteNormaliser.normalise(jobList[number].entry.quote ?? ""), in: normalisedBody))
            }
        }
        var outcomes: [Int: QuoteMatcher.Result] = [:]
        for (number, result) in matched.joined() { outcomes[number] = result }

        var results: [String: [Int: QuoteCheck]] = [:]
        for (number, job) in jobs.enumerated() {
            let (entry, source) = (job.entry, job.source)
            let location = entry.quoteLocation ?? entry.location
            switch outcomes[number] {
            case nil:
                log.warning(location, "cannot verify quote: source '\(source.id)' has no text")
                results[job.claim, default: [:]][job.position] = .cannotVerify
            case .found(let paragraph):
                results[job.claim, default: [:]][job.position] = .verified(paragraph: paragraph)
                if let stated = paragraphNumber(in: entry.locator), stated != paragraph {
                    log.warning(location, "locator says para \(stated) but the quote is in para \(paragraph) of source '\(source.id)'")
                }
            case .notFound(let closest, let similarity, let paragraph):
                results[job.claim, default: [:]][job.position] = .notFound(closest: closest, similarity: similarity, paragraph: paragraph)
                let percent = Int((similarity * 100).rounded(.down))
                let passage = closest.split(whereSeparator: \.isNewline).joined(separator: " ")
                log.error(
                    location,
                    "quote not found in source '\(source.id)'; closest passage (para \(paragraph), \(percent)% similar): “\(passage)”"
                )
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
