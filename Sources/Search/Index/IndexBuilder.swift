import KnowledgeBase
import SearchIndexReader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds the binary search index from a knowledge base.
///
/// The format (little-endian; `IndexFormat` has the offsets) is read in place by `SearchIndex`
/// and by the browser engine: nothing is decoded up front, lookups binary-search the sorted
/// term table and decode only the postings of the query's terms. That keeps a warm `faq` run to
/// one file read.
public struct IndexBuilder {
    public var analyzer: Analyzer
    public var synonyms: Synonyms
    /// Leave the Markdown answers and paths out (the browser export: pages already hold the
    /// answers, and URLs come from ids).
    public var includeAnswers: Bool

    public init(
        analyzer: Analyzer = Analyzer(), synonyms: Synonyms = .builtIn, includeAnswers: Bool = true
    ) {
        self.analyzer = analyzer
        self.synonyms = synonyms
        self.includeAnswers = includeAnswers
    }

    /// Gap between aliases, so a phrase never runs from one alias into the next.
    static let aliasGap = 8

    /// One occurrence of a term in the unit being indexed.
    private struct Hit: Comparable {
        var term: Int32
        var field: Int32
        var position: Int32

        static func < (a: Hit, b: Hit) -> Bool {
            a.term != b.term
                ? a.term < b.term : (a.field != b.field ? a.field < b.field : a.position < b.position)
        }
    }

    /// The index bytes for `kb`, stamped with `key` (the cache key of its sources).
    public func build(_ kb: KnowledgeBase, key: UInt64) -> [UInt8] {
        build(units: SearchUnit.units(of: kb), key: key)
    }

    public func build(units: [SearchUnit], key: UInt64) -> [UInt8] {
        let tokenizer = Tokenizer()
        var termIDs: [String: Int32] = [:]
        var termNames: [String] = []
        // Each term's postings, encoded as they are found (units come in order, so unit deltas
        // can be written at once): no per-occurrence allocation.
        var postings: [ByteBuffer] = []
        var lastUnit: [Int32] = []
        var documentCounts: [Int] = []
        var hits: [Hit] = []
        var surfaceTerms: [String: Int32] = [:]
        var analysed: [String: Int32] = [:]  // word → term id, -1 for stop words
        var fieldLengths: [[Int32]] = []
        var totals = [Double](repeating: 0, count: 4)
        fieldLengths.reserveCapacity(units.count)

        for (u, unit) in units.enumerated() {
            hits.removeAll(keepingCapacity: true)
            var lengths: [Int32] = [0, 0, 0, 0]
            for field in 0..<4 {
                let text = unit.fields[field]
                if text.isEmpty { continue }
                var position = 0
                let lines: [Substring] =
                    field == SearchUnit.Field.aliases.rawValue ? text.split(separator: "\n") : [text[...]]
                for line in lines {
                    var piece = String(line)
                    position = piece.withUTF8 { buffer in
                        tokenizer.tokenize(bytes: buffer, firstPosition: position) { bytes, pos, compound in
                            let word = String(decoding: bytes, as: UTF8.self)
                            var id: Int32
                            if compound {
                                id = analysed["\u{1}" + word] ?? -2
                                if id == -2 {
                                    id = Int32(termNames.count)
                                    if let existing = termIDs[word] {
                                        id = existing
                                    } else {
                                        termIDs[word] = id
                                        termNames.append(word)
                                        postings.append(ByteBuffer())
                                        lastUnit.append(-1)
                                        documentCounts.append(0)
                                    }
                                    analysed["\u{1}" + word] = id
                                }
                            } else if let known = analysed[word] {
                                id = known
                            } else {
                                if let term = analyzer.term(for: word) {
                                    if let existing = termIDs[term] {
                                        id = existing
                                    } else {
                                        id = Int32(termNames.count)
                                        termIDs[term] = id
                                        termNames.append(term)
                                        postings.append(ByteBuffer())
                                        lastUnit.append(-1)
                                        documentCounts.append(0)
                                    }
                                } else {
                                    id = -1
                                }
                                analysed[word] = id
                                if id >= 0 { surfaceTerms[word] = id }
                            }
                            if id < 0 { return }
                            hits.append(Hit(term: id, field: Int32(field), position: Int32(pos)))
                        }
                    }
                    position += IndexBuilder.aliasGap
                }
                lengths[field] = Int32(max(0, position - (lines.count) * IndexBuilder.aliasGap))
                totals[field] += Double(lengths[field])
            }
            fieldLengths.append(lengths)
            hits.sort()
            var i = 0
            while i < hits.count {
                let t = Int(hits[i].term)
                var end = i
                var mask: UInt8 = 0
                while end < hits.count && hits[end].term == hits[i].term {
                    mask |= 1 << UInt8(hits[end].field)
                    end += 1
                }
                postings[t].varint(u - Int(lastUnit[t]))
                lastUnit[t] = Int32(u)
                documentCounts[t] += 1
                postings[t].bytes.append(mask)
                var j = i
                while j < end {
                    var fieldEnd = j
                    while fieldEnd < end && hits[fieldEnd].field == hits[j].field { fieldEnd += 1 }
                    postings[t].varint(fieldEnd - j)
                    var last: Int32 = 0
                    for k in j..<fieldEnd {
                        postings[t].varint(Int(hits[k].position - last))
                        last = hits[k].position
                    }
                    j = fieldEnd
                }
                i = end
            }
        }

        let count = max(1, units.count)
        let averages = totals.map { max(1, $0 / Double(count)) }
        let termGroups = synonyms.termGroups(analyzer: analyzer)

        var format = IndexFormat.Writer()
        format.header(key: key, unitCount: units.count, includeAnswers: includeAnswers)
        // Units.
        format.beginSection(.units)
        var unitStringOffsets: [Int] = []
        var unitStrings = ByteBuffer()
        for (u, unit) in units.enumerated() {
            unitStringOffsets.append(unitStrings.count)
            // Without answers (the browser export) the path goes too: pages are found by id.
            for s in [
                unit.id, unit.title, unit.guideTitle, includeAnswers ? unit.path : "", unit.anchor,
                unit.snippet,
            ] {
                unitStrings.string(s)
            }
            unitStrings.string(includeAnswers ? unit.answer : "")
            _ = u
        }
        for (u, unit) in units.enumerated() {
            format.out.u32(UInt32(unit.kind.rawValue) | UInt32(min(unit.line, 0xFF_FFFF)) << 8)
            for f in 0..<4 { format.out.u16(UInt16(min(Int(fieldLengths[u][f]), 0xFFFF))) }
            format.out.u32(UInt32(unitStringOffsets[u]))
        }
        format.beginSection(.unitStrings)
        format.out.bytes(unitStrings.bytes)

        // Terms, sorted bytewise, with their postings.
        let termBytes = termNames.map { Array($0.utf8) }
        let order = termNames.indices.sorted { IndexBuilder.bytewiseLess(termBytes[$0], termBytes[$1]) }
        var newIndex = [Int32](repeating: 0, count: termNames.count)
        for (i, old) in order.enumerated() { newIndex[old] = Int32(i) }
        var strings = ByteBuffer()
        var postingBytes = ByteBuffer()
        var termRecords: [(Int, Int, Int, Int)] = []
        for old in order {
            let name = termBytes[old]
            let stringOffset = strings.count
            strings.bytes.append(contentsOf: name)
            let postingOffset = postingBytes.count
            postingBytes.bytes.append(contentsOf: postings[old].bytes)
            termRecords.append((stringOffset, name.count, postingOffset, documentCounts[old]))
        }
        format.beginSection(.terms)
        for r in termRecords {
            format.out.u32(UInt32(r.0))
            format.out.u32(UInt32(r.2))
            format.out.u32(UInt32(r.1) | UInt32(r.3) << 8)
        }
        // Surface words (for typo tolerance and suggestions), sorted bytewise.
        let surfaces = surfaceTerms.keys.map { (word: $0, bytes: Array($0.utf8)) }
            .sorted { IndexBuilder.bytewiseLess($0.bytes, $1.bytes) }.map(\.word)
        var surfaceRecords: [(Int, Int, Int32)] = []
        for word in surfaces {
            let offset = strings.count
            strings.bytes.append(contentsOf: Array(word.utf8))
            surfaceRecords.append((offset, word.utf8.count, newIndex[Int(surfaceTerms[word]!)]))
        }
        format.beginSection(.surfaces)
        for r in surfaceRecords {
            format.out.u32(UInt32(r.0))
            format.out.u32(UInt32(r.1))
            format.out.u32(UInt32(r.2))
        }
        format.beginSection(.strings)
        format.out.bytes(strings.bytes)
        format.beginSection(.postings)
        format.out.bytes(postingBytes.bytes)

        // Tables the query side needs to analyse text exactly as the index did.
        format.beginSection(.meta)
        for a in averages { format.out.varint(Int((a * 1000).rounded())) }
        let stops = analyzer.stopWords.sorted()
        format.out.varint(stops.count)
        for s in stops { format.out.string(s) }
        let irregular = analyzer.irregularForms.keys.sorted()
        format.out.varint(irregular.count)
        for k in irregular {
            format.out.string(k)
            format.out.string(analyzer.irregularForms[k]!)
        }
        format.out.varint(termGroups.count)
        for group in termGroups {
            format.out.varint(group.count)
            for t in group { format.out.string(t) }
        }
        format.finish(termCount: termRecords.count, surfaceCount: surfaceRecords.count)
        return format.out.bytes
    }
}

extension IndexBuilder {
    /// Bytewise order (what the reader's binary search and the browser engine expect), with
    /// memcmp: the generic `lexicographicallyPrecedes` over `String.UTF8View` was the largest
    /// single cost of a cold index build on tldr.
    static func bytewiseLess(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        let order = a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in common == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, common) }
        }
        return order != 0 ? order < 0 : a.count < b.count
    }
}
