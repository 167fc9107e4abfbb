/// The clusters of a run with what later steps ask of them: centroids, figures, sources, keywords.
struct ClusterSet: Sendable {
    let mentions: [Mention]
    let vectors: [SparseVector]
    let weights: TermWeights
    let scorer: PairScorer
    let sourceIDs: [String]
    /// Mention indices of each cluster, sorted.
    let members: [[Int]]
    let centroids: [SparseVector]
    /// Centroids of the mentions' own words only (no sentence context): what the clusters themselves say.
    let ownCentroids: [SparseVector]
    /// Whether most of a cluster's mentions state a plan, promise or expectation.
    let intents: [Bool]
    let figures: [Figure?]
    /// The cluster of each mention.
    let clusterOf: [Int]

    init(mentions: [Mention], vectors: [SparseVector], weights: TermWeights, scorer: PairScorer, sourceIDs: [String], members: [[Int]]) {
        self.mentions = mentions
        self.vectors = vectors
        self.weights = weights
        self.scorer = scorer
        self.sourceIDs = sourceIDs
        self.members = members
        centroids = members.map { SparseVector.centroid($0.map { vectors[$0] }) }
        ownCentroids = members.map { SparseVector.centroid($0.map { weights.vector(mentions[$0].terms) }) }
        intents = members.map { list in list.filter { mentions[$0].intent }.count * 2 > list.count }
        figures = members.map { ClusterFigure.of($0, in: mentions) }
        var clusterOf = Array(repeating: 0, count: mentions.count)
        for (cluster, list) in members.enumerated() {
            for mention in list { clusterOf[mention] = cluster }
        }
        self.clusterOf = clusterOf
    }

    /// The keys that best describe a set of clusters: those in the most of their mentions, and of those the ones
    /// read first (starting with `leading`, the mention whose statement is shown).
    func keywords(of clusters: [Int], count: Int, excluding excluded: Set<String> = [], leading: Int? = nil) -> [String] {
        var mentionCount: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        var order = clusters.flatMap { members[$0] }
        if let leading, let position = order.firstIndex(of: leading) {
            order.remove(at: position)
            order.insert(leading, at: 0)
        }
        for member in order {
            for term in mentions[member].terms where !excluded.contains(term) {
                mentionCount[term, default: 0] += 1
                if firstSeen[term] == nil { firstSeen[term] = firstSeen.count }
            }
        }
        return mentionCount.keys.sorted { a, b in
            let (ca, cb) = (mentionCount[a]!, mentionCount[b]!)
            return ca != cb ? ca > cb : firstSeen[a]! < firstSeen[b]!
        }.prefix(count).map { $0 }
    }
}
