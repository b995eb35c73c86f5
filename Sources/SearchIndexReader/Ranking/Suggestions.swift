/// "Did you mean" for a query with no answer: the query with each unknown word replaced by the
/// closest words of the guides, alternatives that actually find something first.
public struct Suggestions {
    public let ranker: Ranker

    public init(ranker: Ranker) {
        self.ranker = ranker
    }

    public func forQuery(_ text: String, limit: Int = 3) -> [String] {
        var words: [String] = []
        Tokenizer().tokenize(text) { bytes, _, compound in
            if !compound { words.append(String(decoding: bytes, as: UTF8.self)) }
        }
        let matcher = TypoMatcher(index: ranker.index)
        var alternatives: [[String]] = []
        for word in words {
            let analyzer = ranker.index.analyzer
            if analyzer.isStopWord(word) || ranker.index.surfaceTerm(Array(word.utf8)) != nil {
                alternatives.append([word])
            } else {
                let close = matcher.suggestions(for: Array(word.utf8), limit: 3)
                alternatives.append(close.isEmpty ? [] : close)
            }
        }
        var out: [String] = []
        let width = alternatives.map(\.count).max() ?? 0
        for k in 0..<width {
            let candidate = alternatives.compactMap { $0.isEmpty ? nil : $0[min(k, $0.count - 1)] }
                .joined(separator: " ")
            if candidate.isEmpty || candidate == words.joined(separator: " ") || out.contains(candidate) {
                continue
            }
            if !ranker.search(candidate, limit: 1).isEmpty { out.append(candidate) }
            if out.count == limit { break }
        }
        return out
    }
}
