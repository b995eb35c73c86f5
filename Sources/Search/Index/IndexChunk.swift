import SearchIndexReader

/// The tokens of a run of consecutive units, then their inverted lists: the parts of an index
/// build that one core does on its own.
///
/// A build runs in three passes. `init` tokenizes the chunk's units and records each
/// occurrence against a chunk-local word number. `IndexBuilder` then gathers the distinct
/// words of all chunks and analyses each one once (stop list, irregular forms, stemming: the
/// costly part, which per-chunk analysis repeated in every chunk). `invert` finally turns the
/// occurrences into postings with the global term ids. Chunks hold whole units and the
/// postings are joined in unit order, so the bytes are those of one sequential pass.
struct IndexChunk {
    /// Surface words, then compounds (`node.js`, kept whole and never stemmed), each mapped
    /// to its local word number (the entry number; compounds' numbers have `compoundFlag`).
    var words = ByteStringTable()
    var compounds = ByteStringTable()
    static let compoundFlag: UInt32 = 1 << 31

    /// Occurrences: local word number << 32 | field << 29 | position, unit after unit.
    private var occurrences: [UInt64] = []
    /// Where each unit's occurrences start in `occurrences`, plus the end.
    private var unitStarts: [Int] = []
    let firstUnit: Int

    /// Four field lengths per unit, in unit order.
    var fieldLengths: [Int32] = []
    var totals: [Double] = [0, 0, 0, 0]

    /// Per global term (after `invert`): its postings in the index format, with unit deltas
    /// counted from -1 (the join rebases the first one), its last unit (-1 when the chunk does
    /// not have it) and its document count. Dense arrays: a dictionary lookup per posting cost
    /// more than the memory.
    var postings: [ByteBuffer] = []
    var lastUnit: [Int32] = []
    var documentCounts: [Int32] = []

    init(units: ArraySlice<SearchUnit>) {
        firstUnit = units.startIndex
        let tokenizer = Tokenizer()
        fieldLengths.reserveCapacity(units.count * 4)
        unitStarts.reserveCapacity(units.count + 1)
        for unit in units {
            unitStarts.append(occurrences.count)
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
                                let number = wordNumber(word, isCompound: compound)
                                occurrences.append(
                                    UInt64(number) << 32 | UInt64(field) << 29 | UInt64(min(pos, (1 << 29) - 1)))
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
        }
        unitStarts.append(occurrences.count)
    }

    private mutating func wordNumber(_ key: UnsafeBufferPointer<UInt8>, isCompound: Bool) -> UInt32 {
        let hash = ByteStringTable.hash(key)
        if isCompound {
            if let e = compounds.find(key, hash: hash) { return UInt32(e) | IndexChunk.compoundFlag }
            return UInt32(compounds.insert(key, hash: hash)) | IndexChunk.compoundFlag
        }
        if let e = words.find(key, hash: hash) { return UInt32(e) }
        return UInt32(words.insert(key, hash: hash))
    }

    /// Builds the postings from the occurrences, given each local word's and compound's
    /// global term id (-1 for a stop word), and frees the occurrences.
    mutating func invert(wordTerms: [Int32], compoundTerms: [Int32], termCount: Int) {
        postings = [ByteBuffer](repeating: ByteBuffer(), count: termCount)
        lastUnit = [Int32](repeating: -1, count: termCount)
        documentCounts = [Int32](repeating: 0, count: termCount)
        var hits: [UInt64] = []
        for u in 0..<(unitStarts.count - 1) {
            hits.removeAll(keepingCapacity: true)
            for k in unitStarts[u]..<unitStarts[u + 1] {
                let occurrence = occurrences[k]
                let number = UInt32(occurrence >> 32)
                let term =
                    number & IndexChunk.compoundFlag != 0
                    ? compoundTerms[Int(number & ~IndexChunk.compoundFlag)] : wordTerms[Int(number)]
                if term < 0 { continue }
                hits.append(UInt64(UInt32(term)) << 32 | (occurrence & 0xFFFF_FFFF))
            }
            hits.sort()
            appendPostings(unit: firstUnit + u, hits: hits)
        }
        occurrences = []
    }

    /// Encodes one unit's sorted hits onto the postings of their terms (`PostingList`).
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
            PostingList.appendPosting(unit: u, after: Int(lastUnit[t]), fieldMask: mask, to: &postings[t])
            lastUnit[t] = Int32(u)
            documentCounts[t] += 1
            var j = i
            while j < end {
                let field = (hits[j] >> 29) & 3
                var fieldEnd = j
                while fieldEnd < end && (hits[fieldEnd] >> 29) & 3 == field { fieldEnd += 1 }
                PostingList.appendCount(fieldEnd - j, to: &postings[t])
                var last = 0
                for k in j..<fieldEnd {
                    let position = Int(hits[k] & ((1 << 29) - 1))
                    PostingList.appendPositionDelta(position - last, to: &postings[t])
                    last = position
                }
                j = fieldEnd
            }
            i = end
        }
    }
}
