/// The Parse stage over a whole site: every note, topic and source body, spread over all cores.
enum BodyParser {
    /// - Parameter cache: bodies parsed by an earlier build of the same process, reused when their text is the same.
    static func parseAll(_ content: SiteContent, cache: BuildCache? = nil) -> ParsedBodies {
        let markdown = MarkdownParser(allowsRawHTML: content.config.unsafeHTML)
        let sourceText = MarkdownParser(allowsRawHTML: content.config.unsafeHTML, readsCitations: false, keepsLineBreaks: true)
        // One flat list of jobs, so that a few long bodies do not leave a core idle.
        enum Job { case note(Int), topic(Int), source(Int) }
        let jobs: [Job] = content.notes.indices.map(Job.note)
            + content.topics.indices.filter { content.topics[$0].body != nil }.map(Job.topic)
            + content.sources.indices.filter { content.sources[$0].body != nil }.map(Job.source)
        let results = Parallel.map(jobs) { job -> ParsedMarkdown in
            func parse(_ text: MarkdownText, _ parser: MarkdownParser) -> ParsedMarkdown {
                cache?.parse(text, with: parser) ?? parser.parse(text)
            }
            return switch job {
            case .note(let index): parse(content.notes[index].body, markdown)
            case .topic(let index): content.topics[index].body.map { parse($0, markdown) } ?? .empty
            case .source(let index): content.sources[index].body.map { parse($0, sourceText) } ?? .empty
            }
        }
        var parsed = ParsedBodies()
        for (job, result) in zip(jobs, results) {
            switch job {
            case .note(let index): parsed.notes[content.notes[index].slug] = result
            case .topic(let index): parsed.topics[content.topics[index].slug] = result
            case .source(let index): parsed.sources[content.sources[index].id] = result
            }
        }
        return parsed
    }
}
