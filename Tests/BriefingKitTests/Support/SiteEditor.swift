import Foundation

/// Makes seeded random edits to a copy of the example site, of every kind an analyst makes: note text, titles,
/// dates and topics, new and deleted notes, source facts and texts, claim figures and statements, topics,
/// templates and site settings. Every edit can be taken back (`revertLast`), for edits that break the build.
struct SiteEditor {
    let site: TestSite
    private var generator: SplitMix64
    private var added: [String] = []
    /// The files the last edit changed, with their contents before it (nil: the file did not exist).
    private var undo: [(path: String, contents: String?)] = []

    init(site: TestSite, seed: UInt64) {
        self.site = site
        generator = SplitMix64(seed: seed)
    }

    mutating func random(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

    private mutating func pick<T>(_ items: [T]) -> T { items[random(0...(items.count - 1))] }

    private func files(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: site.root.appending(path: "Content/\(folder)").path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted().map { "Content/\(folder)/\($0)" }
    }

    private var sourceIDs: [String] { files("sources").map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } }
    private let topicSlugs = ["deployment", "battlefield", "international-response", "russia-dprk-alliance", "aftermath"]

    /// Applies one random edit and says what it was.
    mutating func applyRandomEdit(round: Int) -> String {
        undo = []
        let kind = random(0...17)
        switch kind {
        case 0:
            let note = pick(files("notes"))
            let cited = pick(sourceIDs)
            change(note) { $0 + "\nA line added in round \(round) [@\(cited)].\n" }
            return "note body \(note)"
        case 1:
            let note = pick(files("notes"))
            change(note) { Self.replaceLine($0, "title: ", "title: Retitled in round \(round)") }
            return "note title \(note)"
        case 2:
            let note = pick(files("notes"))
            let day = random(10...30)
            change(note) { Self.replaceLine($0, "date: ", "date: 2024-10-\(day)") }
            return "note date \(note)"
        case 3:
            let note = pick(files("notes"))
            let topics = Array(Set((0..<random(1...2)).map { _ in pick(topicSlugs) })).sorted()
            change(note) { Self.replaceLine($0, "topics: ", "topics: [\(topics.joined(separator: ", "))]") }
            return "note topics \(note) → \(topics)"
        case 4:
            let path = "Content/notes/added-\(round)-\(random(0...999)).md"
            write(path, "---\ntitle: Added in round \(round)\ndate: 2024-10-\(random(10...30))\ntopics: [\(pick(topicSlugs))]\n---\nNew note [@\(pick(sourceIDs)), para 1].\n")
            added.append(path)
            return "new note \(path)"
        case 5:
            guard !added.isEmpty else { return "nothing to delete" }
            let path = added.remove(at: random(0...(added.count - 1)))
            write(path, nil)
            return "deleted \(path)"
        case 6:
            let source = pick(files("sources"))
            change(source) { Self.replaceLine($0, "outlet: ", "outlet: Outlet \(round)") }
            return "source outlet \(source)"
        case 7:
            let source = pick(files("sources"))
            change(source) { Self.replaceLine($0, "title: ", "title: Source retitled in round \(round)") }
            return "source title \(source)"
        case 8:
            let source = pick(files("sources"))
            let origins = pick(["[Reuters]", "[NIS briefing]", "[Reuters, NIS briefing]", "[Pentagon]"])
            change(source) { Self.replaceLine($0, "based_on: ", "based_on: \(origins)") }
            return "source based_on \(source) → \(origins)"
        case 9:
            let source = pick(files("sources"))
            change(source) { $0 + "\nA paragraph added in round \(round).\n" }
            return "source text \(source)"
        case 10:
            let value = pick([1500, 3000, 10000, 11000, 12000])
            let claims = "Content/claims/troop-numbers.yml"
            let occurrence = random(0...4)
            change(claims) { Self.replaceLine($0, "  value: ", "  value: \(value)", occurrence: occurrence) }
            return "claim value → \(value)"
        case 11:
            let claims = pick(files("claims"))
            let occurrence = random(0...3)
            change(claims) { Self.replaceLine($0, "  statement: ", "  statement: Statement rewritten in round \(round).", occurrence: occurrence) }
            return "claim statement \(claims)"
        case 12:
            let claims = pick(files("claims"))
            let topic = pick(topicSlugs)
            let occurrence = random(0...3)
            change(claims) { Self.replaceLine($0, "  topics: ", "  topics: [\(topic)]", occurrence: occurrence) }
            return "claim topics \(claims) → \(topic)"
        case 13:
            let topic = pick(files("topics"))
            change(topic) { Self.replaceLine($0, "title: ", "title: Topic retitled in round \(round)") }
            return "topic title \(topic)"
        case 14:
            let path = "Content/topics/aftermath.md"
            write(path, "---\ntitle: Aftermath \(round)\nsummary: What followed.\n---\n")
            return "topic file \(path)"
        case 15:
            let name = pick(["note", "note-summary", "claim", "footnotes"])
            let builtIn = (try? String(contentsOf: Directory.repository.appending(path: "Templates/\(name).mustache"), encoding: .utf8)) ?? ""
            write("Templates/\(name).mustache", builtIn + "<!-- round \(round) -->\n")
            return "template \(name)"
        case 16:
            change("Content/site.yml") { Self.replaceLine($0, "title: ", "title: Briefing, round \(round)") }
            return "site title"
        default:
            let note = "Content/notes/open-questions.md"
            change(note) { $0.contains("draft: true") ? Self.replaceLine($0, "draft: ", "draft: false") : Self.replaceLine($0, "draft: ", "draft: true") }
            return "draft flag"
        }
    }

    /// Takes back the last edit.
    mutating func revertLast() {
        for (path, contents) in undo.reversed() {
            if let contents { try? site.write(path, contents) } else { try? site.remove(path) }
        }
        undo = []
    }

    private mutating func change(_ path: String, _ transform: (String) -> String) {
        guard let old = try? site.read(path) else { return }
        write(path, transform(old))
    }

    private mutating func write(_ path: String, _ contents: String?) {
        undo.append((path, try? site.read(path)))
        if let contents { try? site.write(path, contents) } else { try? site.remove(path) }
    }

    /// The text with its `occurrence`-th line that starts with `prefix` replaced (the last one when there are
    /// fewer); unchanged when no line does.
    private static func replaceLine(_ text: String, _ prefix: String, _ replacement: String, occurrence: Int = 0) -> String {
        var lines = text.components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].hasPrefix(prefix) }
        guard !matches.isEmpty else { return text }
        lines[matches[min(occurrence, matches.count - 1)]] = replacement
        return lines.joined(separator: "\n")
    }
}

/// A small seeded generator, so that a failing sequence of edits can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
