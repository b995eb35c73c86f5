import SearchIndexReader

/// `kb gaps`: the questions in miss logs, grouped when they mean the same thing to search,
/// most asked first, each with the closest entry the guides have now.
///
/// Two queries are the same question when search reads them as the same words: each content
/// word stands for its term after folding and stemming (`lost` → `lose`), synonyms for the
/// first term of their group (`token` → `key`), and a word search would correct or does not
/// know pairs with one within the typo distance search allows (`rotete` with `rotate`,
/// `sourdouhg` with `sourdough`); stop words and word order do not count.
public struct MissGroups: Sendable {
    public struct Group: Sendable {
        /// Each wording with how often it was asked, most frequent first.
        public var queries: [(query: String, count: Int)]
        public var count: Int
        /// The latest time it was asked.
        public var lastSeen: String
        /// The closest entry in the guides now, and how weak it still is.
        public var closest: SearchHit?
        public var isWeak: Bool
    }

    public var groups: [Group]

    public init(entries: [MissLog.Entry], index: SearchIndex) {
        let ranker = Ranker(index: index)
        // Exact keys first (cheap, one per entry), then distinct keys merged when their words
        // pair up within the typo distance, so the pairwise pass runs over distinct keys only.
        var keyIndex: [Key: Int] = [:]
        var keys: [Key] = []
        var keyOfEntry: [Int] = []
        for entry in entries {
            let key = MissGroups.key(entry.query, ranker: ranker)
            if let k = keyIndex[key] {
                keyOfEntry.append(k)
            } else {
                keyIndex[key] = keys.count
                keyOfEntry.append(keys.count)
                keys.append(key)
            }
        }
        var groupOfKey = [Int](repeating: -1, count: keys.count)
        var groupCount = 0
        for k in keys.indices where groupOfKey[k] < 0 {
            groupOfKey[k] = groupCount
            for other in (k + 1)..<max(k + 1, keys.count) where groupOfKey[other] < 0 && keys[k].matches(keys[other]) {
                groupOfKey[other] = groupCount
            }
            groupCount += 1
        }
        var wordings = [[String: Int]](repeating: [:], count: groupCount)
        var counts = [Int](repeating: 0, count: groupCount)
        var lastSeen = [String](repeating: "", count: groupCount)
        for (e, entry) in entries.enumerated() {
            let g = groupOfKey[keyOfEntry[e]]
            wordings[g][MissGroups.normalisedWording(entry.query), default: 0] += 1
            counts[g] += 1
            if entry.time > lastSeen[g] { lastSeen[g] = entry.time }
        }
        var groups: [Group] = []
        for g in 0..<groupCount {
            let queries = wordings[g].map { (query: $0.key, count: $0.value) }.sorted {
                $0.count != $1.count ? $0.count > $1.count : $0.query < $1.query
            }
            let best = ranker.search(queries[0].query, limit: 1).first
            groups.append(
                Group(
                    queries: queries, count: counts[g], lastSeen: lastSeen[g], closest: best,
                    isWeak: MissLog.isWeak(best)))
        }
        groups.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.lastSeen != b.lastSeen { return a.lastSeen > b.lastSeen }
            return a.queries[0].query < b.queries[0].query
        }
        self.groups = groups
    }

    /// What a query means to search: its content words, sorted and unique, each either a term
    /// of the guides (canonical: synonyms folded) or, for a word search would have to correct
    /// or does not know, the word as the analyser folds and stems it, matched within the typo
    /// distance search allows.
    struct Key: Hashable {
        var exact: [String]
        var fuzzy: [Fuzzy]

        /// A word search corrects or does not know: as the analyser stems it, and the guides'
        /// term search would read it as (its best correction), when there is one.
        struct Fuzzy: Hashable, Comparable {
            var stem: String
            var correction: String?

            static func < (a: Fuzzy, b: Fuzzy) -> Bool { a.stem < b.stem }
        }

        /// Same number of words, and they pair up: equal terms; a fuzzy word with a word whose
        /// term is its correction (`lsot` with `lost`), or within the typo distance of it
        /// (`sourdouhg` with `sourdough`).
        func matches(_ other: Key) -> Bool {
            guard exact.count + fuzzy.count == other.exact.count + other.fuzzy.count else { return false }
            typealias Word = (term: String, fuzzy: Fuzzy?)
            let mine: [Word] = exact.map { ($0, nil) } + fuzzy.map { ($0.stem, $0) }
            var theirs: [Word] = other.exact.map { ($0, nil) } + other.fuzzy.map { ($0.stem, $0) }
            func pairs(_ a: Word, _ b: Word) -> Bool {
                if a.term == b.term { return true }
                guard a.fuzzy != nil || b.fuzzy != nil else { return false }
                if let c = a.fuzzy?.correction, c == b.term || c == b.fuzzy?.correction { return true }
                if let c = b.fuzzy?.correction, c == a.term { return true }
                let x = Array(a.term.utf8)
                let y = Array(b.term.utf8)
                let allowed = RankingParameters.standard.allowedEdits(forLength: min(x.count, y.count))
                return allowed > 0 && TypoMatcher.distance(x, y, bound: allowed) <= allowed
            }
            // Equal terms pair first, so a looser pairing cannot take a word's exact partner.
            var rest: [Word] = []
            for word in mine {
                if let i = theirs.firstIndex(where: { $0.term == word.term }) {
                    theirs.remove(at: i)
                } else {
                    rest.append(word)
                }
            }
            for word in rest {
                guard let i = theirs.firstIndex(where: { pairs(word, $0) }) else { return false }
                theirs.remove(at: i)
            }
            return true
        }
    }

    static func key(_ query: String, ranker: Ranker) -> Key {
        let index = ranker.index
        let analysed = ranker.analyse(query, forceTypos: false)
        var exact: Set<String> = []
        var fuzzy: Set<Key.Fuzzy> = []
        for word in analysed.words where !word.isCompound {
            if !word.corrected, let own = word.candidates.first(where: { $0.weight == 1 })?.term {
                exact.insert(canonical(index.term(own), index: index))
            } else {
                let best = word.candidates.max { $0.weight != $1.weight ? $0.weight < $1.weight : $0.term > $1.term }
                fuzzy.insert(
                    Key.Fuzzy(
                        stem: index.analyzer.term(for: word.surface, isCompound: false) ?? word.surface,
                        correction: best.map { canonical(index.term($0.term), index: index) }))
            }
        }
        return Key(exact: exact.sorted(), fuzzy: fuzzy.sorted())
    }

    /// The first term, in byte order, of a term's synonym group (the term itself without one).
    static func canonical(_ term: String, index: SearchIndex) -> String {
        var best = term
        for synonym in index.synonymsByTerm[term] ?? [] where index.termIndex(Array(synonym.utf8)) != nil {
            if synonym < best { best = synonym }
        }
        return best
    }

    /// A wording for display: runs of spaces made one, ends trimmed, lowercased.
    static func normalisedWording(_ query: String) -> String {
        query.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
