/// Finds indexed words within a small edit distance of a misspelt query word.
///
/// Distance is optimal string alignment (Damerau–Levenshtein where an adjacent transposition
/// counts as one edit): 1 edit allowed from 4 letters, 2 from 8 (`RankingParameters`), as
/// DocSearch does. Only words missing from the guides are corrected ("loose" stays "loose" if
/// the guides use it).
public struct TypoMatcher {
    public let index: SearchIndex
    public let parameters: RankingParameters

    public init(index: SearchIndex, parameters: RankingParameters = .standard) {
        self.index = index
        self.parameters = parameters
    }

    /// Terms of indexed words within the allowed distance, closest first, at most
    /// `parameters.correctionLimit`.
    public func corrections(for word: [UInt8]) -> [(term: Int, distance: Int)] {
        let maxEdits = parameters.allowedEdits(forLength: word.count)
        guard maxEdits > 0 else { return [] }
        var found: [(term: Int, distance: Int, df: Int)] = []
        index.forEachSurface(lengths: (word.count - maxEdits)...(word.count + maxEdits)) {
            candidate, term in
            let d = TypoMatcher.distance(word, candidate, bound: maxEdits)
            if d > 0 && d <= maxEdits {
                if let i = found.firstIndex(where: { $0.term == term }) {
                    if d < found[i].distance { found[i].distance = d }
                } else {
                    found.append((term, d, index.documentFrequency(term)))
                }
            }
        }
        found.sort {
            $0.distance != $1.distance
                ? $0.distance < $1.distance : ($0.df != $1.df ? $0.df > $1.df : $0.term < $1.term)
        }
        return found.prefix(parameters.correctionLimit).map { ($0.term, $0.distance) }
    }

    /// Indexed words close to `word` (up to 2 edits, 3 for long words), for "did you mean".
    public func suggestions(for word: [UInt8], limit: Int = 3) -> [String] {
        let maxEdits = word.count >= 8 ? 3 : word.count >= 3 ? 2 : 1
        var found: [(word: String, distance: Int, df: Int)] = []
        index.forEachSurface(lengths: max(1, word.count - maxEdits)...(word.count + maxEdits)) {
            candidate, term in
            let d = TypoMatcher.distance(word, candidate, bound: maxEdits)
            if d > 0 && d <= maxEdits && candidate.count >= 3 {
                found.append((String(decoding: candidate, as: UTF8.self), d, index.documentFrequency(term)))
            }
        }
        found.sort {
            $0.distance != $1.distance
                ? $0.distance < $1.distance : ($0.df != $1.df ? $0.df > $1.df : $0.word < $1.word)
        }
        return found.prefix(limit).map(\.word)
    }

    /// Optimal string alignment distance between `a` and `b`, or `bound + 1` once it must
    /// exceed `bound`.
    public static func distance<B: Collection<UInt8>>(_ a: [UInt8], _ b: B, bound: Int) -> Int
    where B.Index == Int {
        let b = Array(b)
        let n = a.count
        let m = b.count
        if abs(n - m) > bound { return bound + 1 }
        if n == 0 { return m }
        if m == 0 { return n }
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMin = current[0]
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = min(v, previous2[j - 2] + 1)
                }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > bound { return bound + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[m]
    }
}
