import SearchIndexReader

@testable import Search

/// A relevance suite: queries with the entries that answer them, scored as hit@1, hit@3 and
/// mean reciprocal rank (over the top 10).
struct RelevanceSuite {
    struct Case {
        var query: String
        var expected: Set<String>
    }

    struct Metrics: CustomStringConvertible {
        var count: Int
        var hitAt1: Double
        var hitAt3: Double
        var mrr: Double
        /// The share of queries whose printed answer (`AnswerSelection`: a top-ranked guide
        /// gives way to its best section) is an expected entry.
        var answerAt1: Double
        var misses: [String]

        var description: String {
            let f = { (x: Double) in String((x * 1000).rounded() / 1000) }
            return "\(count) queries: hit@1 \(f(hitAt1)), hit@3 \(f(hitAt3)), MRR \(f(mrr)), printed \(f(answerAt1))"
        }
    }

    var cases: [Case]

    /// Parses `query => id | id` lines; `#` starts a comment line.
    init(text: String) {
        cases = text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let parts = line.split(separator: "=>", maxSplits: 1).map { String($0).trimmingBlanks }
            guard parts.count == 2 else { return nil }
            return Case(
                query: parts[0],
                expected: Set(parts[1].split(separator: "|").map { String($0).trimmingBlanks }))
        }
    }

    /// Runs every case; `key` says what a hit is compared by (the id, or the page path).
    func evaluate(_ ranker: Ranker, key: (SearchHit) -> String) -> Metrics {
        var h1 = 0.0
        var h3 = 0.0
        var rr = 0.0
        var printed = 0.0
        var misses: [String] = []
        for c in cases {
            let ranked = ranker.search(c.query, limit: max(10, AnswerSelection.depth))
            if let answer = AnswerSelection(hits: ranked)?.answer, c.expected.contains(key(answer)) { printed += 1 }
            let hits = ranked.prefix(10).map(key)
            if let rank = hits.firstIndex(where: { c.expected.contains($0) }) {
                if rank == 0 { h1 += 1 }
                if rank < 3 { h3 += 1 }
                rr += 1 / Double(rank + 1)
                if rank > 0 { misses.append("\(c.query) → rank \(rank + 1), top: \(hits[0])") }
            } else {
                misses.append("\(c.query) → not in top 10, top: \(hits.first ?? "nothing")")
            }
        }
        let n = Double(max(1, cases.count))
        return Metrics(
            count: cases.count, hitAt1: h1 / n, hitAt3: h3 / n, mrr: rr / n, answerAt1: printed / n, misses: misses)
    }
}

extension String {
    var trimmingBlanks: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
