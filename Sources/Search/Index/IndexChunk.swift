import SearchIndexReader

/// The inverted lists of a run of consecutive units: the part of an index build that one core
/// does on its own. `IndexBuilder` splits the units into chunks, builds them in parallel and
/// joins them; joining gives the same bytes as one sequential pass, because chunks only ever
/// hold whole units and their postings are concatenated in unit order.
struct IndexChunk {
    /// Term bytes → this chunk's term id (the entry number; ids are local to the chunk).
    var terms = ByteStringTable()
    /// Surface word → local term id, or -1 for a stop word: each distinct word is analysed
    /// (stop list, irregular forms, stemming) once per chunk, not once per occurrence.
    var words = ByteStringTable()
    /// Compounds (`node.js`) → local term id: kept whole, never stemmed.
    var compounds = ByteStringTable()
    /// Per local term: its postings in the index format, with unit deltas counted from -1
    /// (so the first delta is the global unit number + 1; the join rebases it).
    var postings: [ByteBuffer] = []
    var lastUnit: [Int32] = []
    var documentCounts: [Int32] = []
    /// Four field lengths per unit, in unit order.
    var fieldLengths: [Int32] = []
    var totals: [Double] = [0, 0, 0, 0]

    init(units: ArraySlice<SearchUnit>, analyzer: Analyzer) {
        let tokenizer = Tokenizer()
        // One occurrence of a term: local term id, field and position packed so that sorting
        // the integers sorts by term, then field, then position.
        var hits: [UInt64] = []
        fieldLengths.reserveCapacity(units.count * 4)
        for u in units.indices {
            let unit = units[u]
            hits.removeAll(keepingCapacity: true)
            for field in 0..<4 {
                var text = unit.fields[field]
                if text.isEmpty {
                    fieldLengths.append(0)
                    continue
                }
                let isAliases = field == SearchUnit.Field.aliases.rawValue
                let length = text.withUTF8 { all -> Int in
                    var position = 0
                    var lines = 0
                    // Aliases are one per line, with a gap between them so a phrase never runs
                    // from one alias into the next; empty lines count for nothing.
                    var start = 0
                    while start < all.count {
                        var end = start
                        if isAliases {
                            while end < all.count && all[end] != 0x0A { end += 1 }
                        } else {
                            end = all.count
                        }
                        if end > start {
                            let line = UnsafeBufferPointer(rebasing: all[start..<end])
                            position = tokenizer.tokenize(bytes: line, firstPosition: position) {
                                word, pos, compound in
                                let id = termID(word, isCompound: compound, analyzer: analyzer)
                                if id < 0 { return }
                                let packed =
                                    UInt64(UInt32(id)) << 32 | UInt64(field) << 29
                                    | UInt64(min(pos, (1 << 29) - 1))
                                hits.append(packed)
                            }
                            position += IndexBuilder.aliasGap
                            lines += 1
                        }
                        start = end + 1
                    }
                    return max(0, position - lines * IndexBuilder.aliasGap)
                }
                fieldLengths.append(Int32(length))
                totals[field] += Double(length)
            }
            hits.sort()
            appendPostings(unit: u, hits: hits)
        }
    }

    /// The local term id of a token, or -1 for a stop word.
    private mutating func termID(_ word: [UInt8], isCompound: Bool, analyzer: Analyzer) -> Int32 {
        word.withUnsafeBufferPointer { key in
            let hash = ByteStringTable.hash(key)
            if isCompound {
                if let e = compounds.find(key, hash: hash) { return compounds.values[e] }
                let id = term(key, hash: hash)
                compounds.insert(key, hash: hash, value: id)
                return id
            }
            if let e = words.find(key, hash: hash) { return words.values[e] }
            // A word seen for the first time in this chunk: analyse it once.
            var id: Int32 = -1
            if let term = analyzer.term(for: String(decoding: key, as: UTF8.self)) {
                var term = term
                id = term.withUTF8 { self.term($0, hash: ByteStringTable.hash($0)) }
            }
            words.insert(key, hash: hash, value: id)
            return id
        }
    }

    /// The local id of a term, added if new.
    private mutating func term(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        if let e = terms.find(key, hash: hash) { return Int32(e) }
        let id = Int32(terms.count)
        terms.insert(key, hash: hash, value: id)
        postings.append(ByteBuffer())
        lastUnit.append(-1)
        documentCounts.append(0)
        return id
    }

    /// Encodes one unit's sorted hits onto the postings of their terms.
    private mutating func appendPostings(unit u: Int, hits: [UInt64]) {
        var i = 0
        while i < hits.count {
            let t = Int(hits[i] >> 32)
            var end = i
            var mask: UInt8 = 0
            while end < hits.count && Int(hits[end] >> 32) == t {
                mask |= 1 << UInt8((hits[end] >> 29) & 3)
                end += 1
            }
            postings[t].varint(u - Int(lastUnit[t]))
            lastUnit[t] = Int32(u)
            documentCounts[t] += 1
            postings[t].bytes.append(mask)
            var j = i
            while j < end {
                let field = (hits[j] >> 29) & 3
                var fieldEnd = j
                while fieldEnd < end && (hits[fieldEnd] >> 29) & 3 == field { fieldEnd += 1 }
                postings[t].varint(fieldEnd - j)
                var last = 0
                for k in j..<fieldEnd {
                    let position = Int(hits[k] & ((1 << 29) - 1))
                    postings[t].varint(position - last)
                    last = position
                }
                j = fieldEnd
            }
            i = end
        }
    }
}
