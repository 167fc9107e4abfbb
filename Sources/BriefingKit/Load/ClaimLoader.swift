import Foundation

/// Reads one `Content/claims/*.yml` file: a YAML list of claims.
enum ClaimLoader {
    static let knownFields = ["id", "statement", "topics", "sources", "as_of", "subject", "value"]
    static let knownSourceFields = ["source", "quote", "locator"]

    static func load(url: URL, displayPath: String, log: inout DiagnosticLog) -> [Claim] {
        do {
            let file = try TextFile.read(url, displayPath: displayPath)
            guard let root = try YAMLDocument.parse(file.text, path: displayPath, firstLine: 1) else { return [] }
            guard let items = root.sequenceItems else {
                log.error(root.location, "a claims file must be a YAML list of claims, found \(root.kindName)")
                return []
            }
            return items.compactMap { claim(from: $0, log: &log) }
        } catch {
            log.append(error)
            return []
        }
    }

    private static func claim(from node: YAMLNode, log: inout DiagnosticLog) -> Claim? {
        do {
            var fields = try FieldReader(node, what: "a claim")
            let id = fields.string("id", required: true)
            let statement = fields.string("statement", required: true)
            let topics = fields.stringList("topics")
            let sources = claimSources(fields.node("sources"), at: fields.location, log: &log)
            let asOf = fields.date("as_of")
            let subject = fields.string("subject")
            let value = fields.number("value")
            fields.warnAboutUnknownFields(known: knownFields)
            log.append(contentsOf: fields.log.diagnostics)
            if let id, !Slug.isValid(id) {
                log.error(fields.location, "claim id '\(id)' must use \(Slug.rule)")
                return nil
            }
            guard let id else { return nil }
            return Claim(
                id: id, statement: statement ?? "", topics: topics, sources: sources, asOf: asOf, subject: subject, value: value,
                location: fields.location
            )
        } catch {
            log.append(error)
            return nil
        }
    }

    /// `sources:` entries are `{source: id, quote: "...", locator: "para 4"}`, or a bare source id.
    private static func claimSources(_ node: YAMLNode?, at claimLocation: SourceLocation, log: inout DiagnosticLog) -> [ClaimSource] {
        guard let node else {
            log.error(claimLocation, "a claim needs at least one entry in 'sources'")
            return []
        }
        guard let items = node.sequenceItems, !items.isEmpty else {
            log.error(node.location, "'sources' must be a list with at least one source")
            return []
        }
        return items.compactMap { item -> ClaimSource? in
            if let id = item.scalarText, !item.isNull {
                return ClaimSource(sourceID: id, quote: nil, locator: nil, location: item.location, quoteLocation: nil)
            }
            do throws(Diagnostic) {
                var fields = try FieldReader(item, what: "an entry of 'sources'")
                let id = fields.string("source", required: true)
                let quote = fields.string("quote")
                let locator = fields.string("locator")
                fields.warnAboutUnknownFields(known: knownSourceFields)
                log.append(contentsOf: fields.log.diagnostics)
                guard let id else { return nil }
                return ClaimSource(
                    sourceID: id, quote: quote, locator: locator, location: item.location, quoteLocation: fields.valueLocation("quote")
                )
            } catch {
                log.append(error)
                return nil
            }
        }
    }
}
