/// Works out the independent origins behind sources, so that several outlets relaying one agency's story count once.
///
/// A source's origins are the names in its `based_on` (a name that is a source id stands for that source's own
/// origins); a source without `based_on` is its own origin, named by its outlet. Names compare without regard to case
/// or surrounding spaces, so two sources from one outlet are one origin.
struct Origins {
    private let sourcesByID: [String: Source]

    init(sourcesByID: [String: Source]) {
        self.sourcesByID = sourcesByID
    }

    /// The origins of one source, by comparison key, with the name as first written.
    func of(_ source: Source) -> [String: String] {
        var visited: Set<String> = []
        return origins(of: source, visited: &visited)
    }

    /// The union of the origins of several sources, as display names sorted by key.
    func of(sourceIDs: [String]) -> [String] {
        var union: [String: String] = [:]
        for id in sourceIDs {
            guard let source = sourcesByID[id] else { continue }
            union.merge(of(source)) { first, _ in first }
        }
        return union.keys.sorted().compactMap { union[$0] }
    }

    private func origins(of source: Source, visited: inout Set<String>) -> [String: String] {
        guard visited.insert(source.id).inserted else { return [:] }  // a based_on cycle adds nothing new
        guard !source.basedOn.isEmpty else { return [Self.key(source.outlet): source.outlet] }
        var result: [String: String] = [:]
        for name in source.basedOn.map(\.value) {
            if let relayed = sourcesByID[name] {
                result.merge(origins(of: relayed, visited: &visited)) { first, _ in first }
            } else {
                result[Self.key(name)] = result[Self.key(name)] ?? name
            }
        }
        return result
    }

    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
