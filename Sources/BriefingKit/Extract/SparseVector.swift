import Foundation

/// A unit-length weighted bag of comparison keys, sorted by key id, for cosine similarity by merging.
struct SparseVector: Sendable {
    var ids: [Int32] = []
    var weights: [Float] = []

    init() {}

    /// A vector from (id, weight) pairs with distinct ids, normalised to length 1.
    init(_ pairs: [(Int32, Float)]) {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        ids = sorted.map(\.0)
        let norm = sorted.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
        weights = sorted.map { norm > 0 ? $0.1 / norm : 0 }
    }

    /// Cosine similarity with another unit vector.
    func dot(_ other: SparseVector) -> Float {
        var i = 0, j = 0, sum: Float = 0
        while i < ids.count, j < other.ids.count {
            if ids[i] == other.ids[j] {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if ids[i] < other.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The normalised sum of several vectors: a cluster's centroid.
    static func centroid(_ vectors: [SparseVector]) -> SparseVector {
        var sums: [Int32: Float] = [:]
        for vector in vectors {
            for (id, weight) in zip(vector.ids, vector.weights) { sums[id, default: 0] += weight }
        }
        return SparseVector(sums.map { ($0.key, $0.value) })
    }
}

/// Comparison keys numbered, with inverse document frequencies over the run's mentions: a word most statements
/// share ("korea" in a briefing on Korea) weighs little, a rare one ("interpreters") much.
struct TermWeights: Sendable {
    private(set) var ids: [String: Int32] = [:]
    private(set) var idf: [Float] = []
    private(set) var documentFrequency: [Int] = []

    init(_ termLists: [[String]]) {
        for terms in termLists {
            for term in terms {
                if let id = ids[term] {
                    documentFrequency[Int(id)] += 1
                } else {
                    ids[term] = Int32(documentFrequency.count)
                    documentFrequency.append(1)
                }
            }
        }
        let count = Float(max(termLists.count, 1))
        idf = documentFrequency.map { logf((count + 1) / (Float($0) + 0.5)) }
    }

    /// How much the words of the rest of a sentence count in a clause's vector.
    static let contextWeight: Float = 0.35

    /// The unit vector of a list of distinct keys, plus keys of the surrounding sentence at `contextWeight`;
    /// unknown keys are left out.
    func vector(_ terms: [String], context: [String] = []) -> SparseVector {
        let own = terms.compactMap { term in ids[term].map { ($0, idf[Int($0)]) } }
        let around = context.compactMap { term in ids[term].map { ($0, idf[Int($0)] * Self.contextWeight) } }
        return SparseVector(own + around)
    }

    /// The unit vector of keys not seen in the mentions too (a ledger statement), weighted as the rarest.
    func vectorIncludingUnknown(_ terms: [String]) -> SparseVector {
        let rarest = idf.max() ?? 1
        var next = Int32(idf.count)
        return SparseVector(terms.map { term in
            if let id = ids[term] { return (id, idf[Int(id)]) }
            defer { next += 1 }
            return (next, rarest)
        })
    }
}
