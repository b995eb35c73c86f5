import Embeddings
import Platform

/// Ranks the units of an index against a query: BM25F over four weighted fields, then bonuses
/// for covering more of the query, for words found together, for FAQ entries when the query
/// reads like a question, and for pages named by one word that the rest of the knowledge base
/// mentions often.
///
/// The numbers it uses are `RankingParameters`, which the browser engine (`search-engine.js`)
/// receives too; the algorithm itself is ported there line by line, and the tests run both on
/// the same queries: change them together.
public struct Ranker: Sendable {
    public let index: SearchIndex
    public let parameters: RankingParameters

    public init(index: SearchIndex, parameters: RankingParameters = .standard) {
        self.index = index
        self.parameters = parameters
    }

    /// One query word and the terms that stand for it.
    public struct QueryWord: Sendable {
        public var surface: String
        public var position: Int
        /// Candidate terms with their weights: the word's own term, synonyms, typo corrections.
        public var candidates: [(term: Int, weight: Double)]
        /// A whole compound (`node.js`): scores as a bonus, not counted for coverage.
        public var isCompound: Bool
        /// Typo corrections were used for this word.
        public var corrected: Bool
    }

    /// A unit being ranked: its score, the share of the query's words it matched, and its score
    /// from the words alone (`score` as `SemanticFusion` found it; the same as `score` when the
    /// ranking does not fuse).
    public typealias Candidate = (unit: Int, score: Double, coverage: Double, wordScore: Double)

    /// The query after analysis.
    public struct Query: Sendable {
        public var words: [QueryWord]
        public var isQuestion: Bool
        /// Content words (not stop words, not compounds): the denominator of coverage.
        public var contentCount: Int
        /// The query's WordLlama unit vector, when the ranking fuses it (`semanticWeight` > 0)
        /// and the index holds units' vectors. Of the query as typed: replacing misspelt words
        /// by their closest corrections before embedding cost StackFAQ 2 hits and moved nothing
        /// on the shipped suites.
        public var vector: [Float]? = nil
    }

    public func search(_ text: String, limit: Int = 10) -> [SearchHit] {
        var query = analyse(text, forceTypos: false)
        var hits = rank(query, limit: limit)
        if hits.isEmpty && query.contentCount > 0 {
            let vector = query.vector
            query = analyse(text, forceTypos: true, embedding: false)
            query.vector = vector
            hits = rank(query, limit: limit)
        }
        return hits
    }

    /// Splits `text` into words and finds each word's candidate terms, and embeds `text` when
    /// the ranking fuses vectors (`embedding: false` leaves that to a caller that has it).
    public func analyse(_ text: String, forceTypos: Bool, embedding: Bool = true) -> Query {
        let analyzer = index.analyzer
        var raw: [(String, Int, Bool)] = []
        Tokenizer().tokenize(text) { bytes, position, compound in
            raw.append((String(decoding: bytes, as: UTF8.self), position, compound))
        }
        var trimmed = Substring(text)
        while let last = trimmed.last, last == " " || last == "\n" || last == "\t" {
            trimmed = trimmed.dropLast()
        }
        let firstWord = raw.first { !$0.2 }?.0 ?? ""
        let isQuestion = trimmed.hasSuffix("?") || parameters.questionWords.contains(firstWord)
        var words: [QueryWord] = []
        var contentCount = 0
        for (surface, position, compound) in raw {
            guard let term = analyzer.term(for: surface, isCompound: compound) else { continue }
            if !compound { contentCount += 1 }
            var candidates: [(term: Int, weight: Double)] = []
            func add(_ t: Int, _ w: Double) {
                if let i = candidates.firstIndex(where: { $0.term == t }) {
                    candidates[i].weight = max(candidates[i].weight, w)
                } else {
                    candidates.append((t, w))
                }
            }
            let own = index.termIndex(Array(term.utf8))
            if let own { add(own, 1) }
            if !compound {
                for s in index.synonymsByTerm[term] ?? [] {
                    if let t = index.termIndex(Array(s.utf8)) { add(t, parameters.synonymWeight) }
                }
            }
            var corrected = false
            let known = own != nil || index.surfaceTerm(Array(surface.utf8)) != nil
            if !compound && (forceTypos || !known) {
                let matcher = TypoMatcher(index: index, parameters: parameters)
                for (t, distance) in matcher.corrections(for: Array(surface.utf8)) {
                    add(t, parameters.typoWeights[distance])
                    corrected = true
                }
            }
            words.append(
                QueryWord(
                    surface: surface, position: position, candidates: candidates, isCompound: compound,
                    corrected: corrected))
        }
        var query = Query(words: words, isQuestion: isQuestion, contentCount: contentCount)
        if embedding && parameters.semanticWeight > 0 && index.hasVectors && contentCount > 0 {
            query.vector = WordLlama.builtIn.embed(text)
        }
        return query
    }

    /// Scores every unit that matches at least one word, best first.
    public func rank(_ query: Query, limit: Int) -> [SearchHit] {
        let n = index.unitCount
        let wordCount = query.words.count
        guard n > 0, query.contentCount > 0, wordCount > 0 else { return [] }
        var perWord = [Double](repeating: 0, count: n * wordCount)
        var touched: [Int] = []
        var seen = [Bool](repeating: false, count: n)
        // Decoded postings per word (all candidates), kept for the proximity pass.
        var wordPostings: [[(unit: Int, positions: [[Int32]])]] = []
        let total = Double(n)
        for (w, word) in query.words.enumerated() {
            var merged: [(unit: Int, positions: [[Int32]])] = []
            // A synonym stands in for the word the user typed and scores no higher than that word
            // would: "directory" must not gain weight from its rarer synonym "folder".
            let ownIDF = word.candidates.first { $0.weight == 1 }.map {
                Ranker.idf(index.documentFrequency($0.term), total)
            }
            for (term, weight) in word.candidates {
                let idf = min(Ranker.idf(index.documentFrequency(term), total), ownIDF ?? .infinity)
                for posting in index.postings(term) {
                    var tf = 0.0
                    var titleTF = 0.0
                    for f in 0..<4 where !posting.positions[f].isEmpty {
                        let length = Double(index.fieldLength(posting.unit, f))
                        let b = parameters.fieldB[f]
                        let norm = 1 - b + b * length / index.averageFieldLengths[f]
                        let fieldTF = Double(posting.positions[f].count) / norm
                        tf += parameters.fieldWeights[f] * fieldTF
                        if f == 0 { titleTF = fieldTF }
                    }
                    let saturated = tf * (parameters.k1 + 1) / (parameters.k1 + tf)
                    let titleBonus = parameters.titleBoost * titleTF / (1 + titleTF)
                    let score = weight * idf * (saturated + titleBonus)
                    let slot = posting.unit * wordCount + w
                    if score > perWord[slot] { perWord[slot] = score }
                    if !seen[posting.unit] {
                        seen[posting.unit] = true
                        touched.append(posting.unit)
                    }
                    merged.append(posting)
                }
            }
            merged.sort { $0.unit < $1.unit }
            wordPostings.append(merged)
        }

        // Coverage weighs each word by its rarity: missing "files" costs less than missing "tar".
        // The score is multiplied by coverage^1.5: a page that misses a word of the query pays
        // for it, but a strong match on the rest ("df" for "show free disk space", which never
        // says "free") can still win.
        var wordWeights: [Double] = []
        var allWeight = 0.0
        for word in query.words {
            var idf = log(1 + (total + 0.5) / 0.5)  // a word found nowhere
            if let best = word.candidates.map({ Double(index.documentFrequency($0.term)) }).min() {
                idf = log(1 + (total - best + 0.5) / (best + 0.5))
            }
            wordWeights.append(word.isCompound ? 0 : idf)
            allWeight += word.isCompound ? 0 : idf
        }
        var scored: [Candidate] = []
        scored.reserveCapacity(touched.count)
        for u in touched {
            var sum = 0.0
            var matchedWeight = 0.0
            for w in 0..<wordCount {
                let s = perWord[u * wordCount + w]
                sum += s
                if s > 0 { matchedWeight += wordWeights[w] }
            }
            if matchedWeight == 0 { continue }
            let coverage = matchedWeight / allWeight
            scored.append((u, sum * coverage * coverage.squareRoot(), coverage, 0))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit }

        // Second pass over the best: words found close together, FAQ entries for questions.
        let depth = min(scored.count, parameters.rerankDepth)
        let content = query.words.enumerated().filter { !$0.element.isCompound }
        for i in 0..<depth {
            let u = scored[i].unit
            var bonus = 0.0
            var pairs = 0
            if content.count > 1 {
                for k in 0..<(content.count - 1) {
                    let (wa, a) = content[k]
                    let (wb, b) = content[k + 1]
                    pairs += 1
                    bonus += proximity(
                        wordPostings[wa], wordPostings[wb], unit: u, gap: b.position - a.position)
                }
            }
            var score = scored[i].score * (1 + parameters.proximityBonus * bonus / Double(max(1, pairs)))
            if titleFullyMatched(unit: u, content.map { wordPostings[$0.offset] }) {
                score *= parameters.wholeTitleBonus
            }
            if query.isQuestion && index.kind(u) == .faq { score *= parameters.questionFAQBoost }
            score *= mentionPrior(unit: u)
            scored[i].score = score
        }
        var best = Array(scored[0..<depth])
        best.sort { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit }
        // The same page title again (tldr's `mktemp` under common/, linux/ and osx/) says little
        // new: it steps behind the next different pages, so the first answers cover more.
        var titles = Set<String>()
        var demoted = false
        for i in best.indices where index.kind(best[i].unit) == .guide {
            let title = index.strings(best[i].unit).title.lowercased()
            if !titles.insert(title).inserted {
                best[i].score *= parameters.repeatedTitleFactor
                demoted = true
            }
        }
        if demoted { best.sort { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit } }
        if let vector = query.vector {
            // Every candidate, the reranked best and the rest, gets the cosine: a paraphrase's
            // right answer may rank low on words alone.
            best += scored[depth...]
            vector.withUnsafeBufferPointer { vector in
                SemanticFusion.fuse(&best, weight: parameters.semanticWeight) {
                    Double(index.cosine(unit: $0, query: vector))
                }
            }
        } else if best.count < limit && scored.count > depth {
            best += scored[depth..<min(scored.count, depth + limit - best.count)]
        }
        let fused = query.vector != nil
        return best.prefix(limit).map {
            SearchHit(
                index: index, unit: $0.unit, score: $0.score, coverage: $0.coverage,
                wordScore: fused ? $0.wordScore : $0.score, fused: fused)
        }
    }

    /// Inverse document frequency, BM25's variant.
    static func idf(_ df: Int, _ total: Double) -> Double {
        let df = Double(df)
        return log(1 + (total - df + 0.5) / (df + 0.5))
    }

    /// A guide titled by one word or one compound (`diff`, `ssh-keygen`) is the page about that
    /// thing; how many units of the knowledge base mention the name measures how central it is.
    /// Among pages that match a query equally well, the well-known tool (`diff`, mentioned on 76
    /// tldr pages) then ranks above the niche one (`comp`, on 5): `1 + parameters.mentionWeight ×
    /// ln(df) / ln(units)`. Titles of several words (most written guides) get 1.
    func mentionPrior(unit: Int) -> Double {
        guard index.kind(unit) == .guide, index.unitCount > 1 else { return 1 }
        let title = index.strings(unit).title
        if title.utf8.contains(0x20) { return 1 }
        var words: [String] = []
        var compound: String?
        Tokenizer().tokenize(title) { bytes, _, isCompound in
            let word = String(decoding: bytes, as: UTF8.self)
            if isCompound {
                compound = word
            } else if let term = index.analyzer.term(for: word) {
                words.append(term)
            }
        }
        guard let name = compound ?? (words.count == 1 ? words[0] : nil),
            let term = index.termIndex(Array(name.utf8))
        else { return 1 }
        let mentions = Double(index.documentFrequency(term))
        return 1 + parameters.mentionWeight * log(mentions) / log(Double(index.unitCount))
    }

    /// True when every position of the unit's title is matched by some query word.
    func titleFullyMatched(unit: Int, _ postings: [[(unit: Int, positions: [[Int32]])]]) -> Bool {
        let length = index.fieldLength(unit, 0)
        guard length > 0 else { return false }
        var matched = Set<Int32>()
        for list in postings {
            for posting in list where posting.unit == unit {
                for p in posting.positions[0] { matched.insert(p) }
            }
        }
        return matched.count >= length
    }

    /// 1 when the two words appear in order within `gap + proximitySlack` positions in the
    /// title, less for other fields or reversed order; 0 when they are never close.
    func proximity(
        _ a: [(unit: Int, positions: [[Int32]])], _ b: [(unit: Int, positions: [[Int32]])], unit: Int,
        gap: Int
    ) -> Double {
        var best = 0.0
        let window = Int32(gap + parameters.proximitySlack)
        for pa in a where pa.unit == unit {
            for pb in b where pb.unit == unit {
                for f in 0..<4 {
                    let weight = parameters.proximityWeights[f]
                    if weight <= best { continue }
                    for p in pa.positions[f] {
                        for q in pb.positions[f] {
                            let d = q - p
                            if d > 0 && d <= window {
                                best = max(best, weight)
                            } else if d < 0 && -d <= window {
                                best = max(best, weight * parameters.reversedProximityFactor)
                            }
                        }
                    }
                }
            }
        }
        return best
    }
}
