/// Gives every cluster that states a figure a `subject`: the ledger's subject when the figure is about the same
/// thing as a ledger claim's, otherwise a name made from the unit and the words of the linked clusters.
enum SubjectAssignment {
    /// The subject per cluster (nil for clusters without a figure), and the scale label its values are given in.
    struct Result: Sendable {
        var subjects: [String?]
        var scales: [String?]
    }

    static func assign(_ set: ClusterSet, pairs: [PairFinder.Pair], ledger: LedgerMatcher, matches: [Int?],
                       spellings: [String: String]) -> Result {
        // Nodes: clusters with a figure, then ledger claims with a subject and a value.
        var nodes: [SubjectLinker.Node] = []
        var nodeOfCluster: [Int: Int] = [:]
        for (cluster, figure) in set.figures.enumerated() {
            guard let figure else { continue }
            nodeOfCluster[cluster] = nodes.count
            nodes.append(.init(vector: set.ownCentroids[cluster], figure: figure, magnitude: figure.magnitude, unit: figure.unit,
                               ledgerSubject: nil, intent: set.intents[cluster]))
        }
        var nodeOfEntry: [Int: Int] = [:]
        for (index, entry) in ledger.entries.enumerated() {
            guard let subject = entry.claim.subject, let value = entry.claim.value else { continue }
            nodeOfEntry[index] = nodes.count
            nodes.append(.init(vector: entry.vector, figure: entry.figure, magnitude: entry.figure?.magnitude ?? value,
                               unit: entry.figure?.unit, ledgerSubject: subject, intent: nil))
        }
        var candidatePairs = Set<Int64>()
        func key(_ a: Int, _ b: Int) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }
        for pair in pairs {
            let (x, y) = (set.clusterOf[pair.a], set.clusterOf[pair.b])
            guard x != y, let a = nodeOfCluster[x], let b = nodeOfCluster[y] else { continue }
            candidatePairs.insert(key(a, b))
        }
        for entryNode in nodeOfEntry.values {
            for clusterNode in nodeOfCluster.values { candidatePairs.insert(key(clusterNode, entryNode)) }
        }
        var cuePairs: [(Int, Int)] = []
        var bySentence: [[Int]: [Int]] = [:]
        for (index, mention) in set.mentions.enumerated() where mention.comparative {
            if let node = nodeOfCluster[set.clusterOf[index]] { bySentence[[mention.source, mention.sentence], default: []].append(node) }
        }
        for key in bySentence.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let list = bySentence[key]!
            for (i, a) in list.enumerated() { for b in list[(i + 1)...] { cuePairs.append((a, b)) } }
        }
        for (cluster, match) in matches.enumerated() {
            if let match, let entryNode = nodeOfEntry[match], let node = nodeOfCluster[cluster] { cuePairs.append((node, entryNode)) }
        }
        let ordered = candidatePairs.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
        let linker = SubjectLinker(nodes: nodes)
        let groups = linker.groups(candidatePairs: ordered, cuePairs: cuePairs)
        return names(set, nodes: nodes, groups: groups, nodeOfCluster: nodeOfCluster, ledger: ledger, matches: matches, spellings: spellings)
    }

    /// Subject names and scales per cluster.
    private static func names(_ set: ClusterSet, nodes: [SubjectLinker.Node], groups: [Int], nodeOfCluster: [Int: Int],
                              ledger: LedgerMatcher, matches: [Int?], spellings: [String: String]) -> Result {
        var clustersOfGroup: [Int: [Int]] = [:]
        for cluster in nodeOfCluster.keys.sorted() { clustersOfGroup[groups[nodeOfCluster[cluster]!], default: []].append(cluster) }
        var subjects = [String?](repeating: nil, count: set.members.count)
        var scales = [String?](repeating: nil, count: set.members.count)
        var usedNames = Set(ledger.entries.compactMap(\.claim.subject))
        for group in clustersOfGroup.keys.sorted() {
            let clusters = clustersOfGroup[group]!
            let ledgerNodes = nodes.indices.filter { groups[$0] == group && nodes[$0].ledgerSubject != nil }
            let scale = ledgerNodes.first.flatMap { nodes[$0].figure?.scale } ?? set.figures[clusters[0]]?.scale
            var generated: String?
            for cluster in clusters {
                scales[cluster] = scale
                if let match = matches[cluster], let subject = ledger.entries[match].claim.subject {
                    subjects[cluster] = subject
                } else if let node = nodeOfCluster[cluster], let best = ledgerNodes.max(by: {
                    (nodes[node].vector.dot(nodes[$0].vector), nodes[$1].ledgerSubject!) < (nodes[node].vector.dot(nodes[$1].vector), nodes[$0].ledgerSubject!)
                }) {
                    subjects[cluster] = nodes[best].ledgerSubject
                } else {
                    if generated == nil {
                        generated = uniqueName(generatedName(set, clusters: clusters, scale: scale, spellings: spellings), used: &usedNames)
                    }
                    subjects[cluster] = generated
                }
            }
        }
        return Result(subjects: subjects, scales: scales)
    }

    /// "<word>-<word>-<unit>[-<scale>]" from the linked clusters' most telling words.
    private static func generatedName(_ set: ClusterSet, clusters: [Int], scale: String?, spellings: [String: String]) -> String {
        let unit = set.figures[clusters[0]]?.unit
        let words = set.keywords(of: clusters, count: 2, excluding: Set([unit].compactMap { $0 })).map { spellings[$0] ?? $0 }
        // A unit that is a stem ("brigad") is shown as first written ("brigades"); a synonym group by its name.
        let unitName = unit.map { Lexicon.synonymGroups[$0] == nil ? spellings[$0] ?? $0 : $0 }
        return CandidateText.slug(words + [unitName, scale].compactMap { $0 })
    }

    private static func uniqueName(_ name: String, used: inout Set<String>) -> String {
        let base = name.isEmpty ? "figure" : name
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
