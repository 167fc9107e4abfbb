/// Decides which figures are about the same thing, so that candidates stating them share a `subject` and the
/// ledger can compare them (and mark them disputed when they differ).
///
/// Nodes are clusters that state a figure, and ledger claims with a subject and a value. Two nodes are linked
/// when their units agree and either their words are alike (centroid cosine at least `threshold`) or one source
/// sets both figures side by side in one sentence ("12,000 men … more than the 10,000 figure"). Linked nodes,
/// transitively, form a subject.
struct SubjectLinker {
    /// A cluster or a ledger claim taking part in subject linking.
    struct Node: Sendable {
        var vector: SparseVector
        var figure: Figure?
        var magnitude: Double
        var unit: String?
        /// The subject of a ledger claim.
        var ledgerSubject: String?
        /// A plan or expectation rather than a count of what is (nil: either, for a ledger claim).
        var intent: Bool?
    }

    static let threshold: Float = 0.25

    let nodes: [Node]

    /// The group number of every node: nodes with one number share a subject.
    func groups(candidatePairs: [(Int, Int)], cuePairs: [(Int, Int)]) -> [Int] {
        var parent = Array(nodes.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for (a, b) in cuePairs where unitsAgree(a, b) { union(a, b) }
        for (a, b) in candidatePairs where unitsAgree(a, b) && intentsAgree(a, b) && nodes[a].vector.dot(nodes[b].vector) >= threshold(a, b) {
            union(a, b)
        }
        return nodes.indices.map(find)
    }

    /// The similarity two figures need: more for units that many unrelated figures share (per cent, money).
    private func threshold(_ a: Int, _ b: Int) -> Float {
        let generic = [nodes[a].unit, nodes[b].unit].contains { $0 == nil || Self.genericUnits.contains($0!) }
        return Self.threshold + (generic ? Self.genericUnitMargin : 0)
    }

    /// Units that say little about what is measured.
    static let genericUnits: Set<String> = Set(["percent", "points", "bp"]).union(Lexicon.currencyCodes)
    static let genericUnitMargin: Float = 0.1

    /// Plans are compared with plans, counts with counts ("plans to send 10,000" is no rival to "has sent 3,000").
    private func intentsAgree(_ a: Int, _ b: Int) -> Bool {
        guard let x = nodes[a].intent, let y = nodes[b].intent else { return true }
        return x == y
    }

    /// Both units known (or one a ledger claim whose unit could not be read) and compatible.
    private func unitsAgree(_ a: Int, _ b: Int) -> Bool {
        let (x, y) = (nodes[a], nodes[b])
        if x.unit == nil && y.unit == nil { return false }
        if (x.unit == nil && x.ledgerSubject == nil) || (y.unit == nil && y.ledgerSubject == nil) { return false }
        return Figure.compatible(x.unit, y.unit)
    }
}
