import KnowledgeBase
import Platform
import SearchIndexReader

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
    /// Whether faq may log weak answers for these guides (kb.yaml can say no).
    public var logsMisses = true
    /// What could not be indexed (unreadable or invalid files), one message each: stored in the
    /// index so that every `faq` run names them, not only the run that built the index.
    public var problems: [String] = []

    public init(
        analyzer: Analyzer = Analyzer(), synonyms: Synonyms = .builtIn, includeAnswers: Bool = true
    ) {
        self.analyzer = analyzer
        self.synonyms = synonyms
        self.includeAnswers = includeAnswers
    }

    /// Gap between aliases, so a phrase never runs from one alias into the next.
    static let aliasGap = 8

    /// The index bytes for `kb`, stamped with `key` (the cache key of its sources).
    public func build(_ kb: KnowledgeBase, key: UInt64) -> [UInt8] {
        build(units: SearchUnit.units(of: kb), key: key)
    }

    /// Units per chunk of the parallel pass, when set; by default the units are cut into four
    /// chunks per core (at least 256 units each): few enough that each chunk analyses a word
    /// (stop list, stemming) once for many occurrences, enough that the cores finish together.
    /// The bytes never depend on it: a test builds with several sizes and compares.
    var unitsPerChunk: Int?

    private func chunkSize(for unitCount: Int) -> Int {
        if let unitsPerChunk { return max(1, unitsPerChunk) }
        let cores = onlineCoreCount
        return max(256, (unitCount + 4 * cores - 1) / (4 * cores))
    }

    public func build(units: [SearchUnit], key: UInt64) -> [UInt8] {
        // Pass 1, in parallel: each chunk of units tokenizes on its own.
        let size = chunkSize(for: units.count)
        let chunkCount = max(1, (units.count + size - 1) / size)
        var chunks = Parallel.map(chunkCount) { c in
            IndexChunk(units: units[(c * size)..<min(units.count, (c + 1) * size)])
        }

        // Pass 2: the distinct words of all chunks, each analysed once (in parallel), and the
        // terms they give.
        var words = ByteStringTable(capacity: (chunks.first?.words.count ?? 512) * 2)
        var wordMaps: [[Int32]] = []
        for chunk in chunks {
            var map = [Int32](repeating: 0, count: chunk.words.count)
            for e in 0..<chunk.words.count {
                map[e] = chunk.words.withKey(e) { key in
                    let hash = ByteStringTable.hash(key)
                    return Int32(words.find(key, hash: hash) ?? words.insert(key, hash: hash))
                }
            }
            wordMaps.append(map)
        }
        let distinct = words
        let analyzer = self.analyzer
        let analysed = Parallel.map(distinct.count, chunk: 2048) { w in
            analyzer.term(for: distinct.withKey(w) { String(decoding: $0, as: UTF8.self) })
        }
        var terms = ByteStringTable(capacity: words.count)
        func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
            let hash = ByteStringTable.hash(key)
            if let e = terms.find(key, hash: hash) { return Int32(e) }
            return Int32(terms.insert(key, hash: hash))
        }
        var wordTerms = [Int32](repeating: -1, count: words.count)
        for w in 0..<words.count {
            if var term = analysed[w] { wordTerms[w] = term.withUTF8 { intern($0) } }
        }
        var compoundMaps: [[Int32]] = []
        for chunk in chunks {
            let compounds = chunk.compounds
            compoundMaps.append((0..<compounds.count).map { e in compounds.withKey(e) { intern($0) } })
        }

        // Pass 3, in parallel: each chunk inverts its occurrences into postings of those terms.
        let termCount = terms.count
        let frozenWordMaps = wordMaps
        let frozenWordTerms = wordTerms
        let frozenCompoundMaps = compoundMaps
        Parallel.updateEach(&chunks) { c, chunk in
            chunk.invert(
                wordTerms: frozenWordMaps[c].map { frozenWordTerms[Int($0)] }, compoundTerms: frozenCompoundMaps[c],
                termCount: termCount)
        }

        var totals = [Double](repeating: 0, count: 4)
        for chunk in chunks {
            for f in 0..<4 { totals[f] += chunk.totals[f] }
        }
        let fieldLength = { (u: Int, f: Int) -> Int32 in chunks[u / size].fieldLengths[(u % size) * 4 + f] }

        let count = max(1, units.count)
        let averages = totals.map { max(1, $0 / Double(count)) }
        let termGroups = synonyms.termGroups(analyzer: analyzer)

        var format = IndexFormat.Writer()
        format.header(key: key, unitCount: units.count, includeAnswers: includeAnswers, logsMisses: logsMisses)
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
            for f in 0..<4 { format.out.u16(UInt16(min(Int(fieldLength(u, f)), 0xFFFF))) }
            format.out.u32(UInt32(unitStringOffsets[u]))
        }
        format.beginSection(.unitStrings)
        format.out.bytes(unitStrings.bytes)

        // Terms, sorted bytewise, with their postings: each chunk's list in unit order.
        let termBytes = (0..<terms.count).map { terms.key($0) }
        let order = termBytes.indices.sorted { IndexBuilder.bytewiseLess(termBytes[$0], termBytes[$1]) }
        var newIndex = [Int32](repeating: 0, count: termCount)
        for (i, old) in order.enumerated() { newIndex[old] = Int32(i) }
        var strings = ByteBuffer()
        var postingBytes = ByteBuffer()
        var termRecords: [(Int, Int, Int, Int)] = []
        termRecords.reserveCapacity(terms.count)
        for g in order {
            let name = termBytes[g]
            let stringOffset = strings.count
            strings.bytes.append(contentsOf: name)
            let postingOffset = postingBytes.count
            var documents = 0
            var last: Int32 = -1
            for chunk in chunks where chunk.lastUnit[g] >= 0 {
                IndexBuilder.appendRebased(chunk.postings[g].bytes, after: last, to: &postingBytes)
                last = chunk.lastUnit[g]
                documents += Int(chunk.documentCounts[g])
            }
            termRecords.append((stringOffset, name.count, postingOffset, documents))
        }
        format.beginSection(.terms)
        for r in termRecords {
            format.out.u32(UInt32(r.0))
            format.out.u32(UInt32(r.2))
            format.out.u32(UInt32(r.1) | UInt32(r.3) << 8)
        }
        // Surface words (for typo tolerance and suggestions: the words that are not stop
        // words), sorted bytewise.
        let surfaces = (0..<words.count).filter { wordTerms[$0] >= 0 }
            .map { (word: words.key($0), term: wordTerms[$0]) }
            .sorted { (a: (word: [UInt8], term: Int32), b: (word: [UInt8], term: Int32)) in
                IndexBuilder.bytewiseLess(a.word, b.word)
            }
        var surfaceRecords: [(Int, Int, Int32)] = []
        for surface in surfaces {
            let offset = strings.count
            strings.bytes.append(contentsOf: surface.word)
            surfaceRecords.append((offset, surface.word.count, newIndex[Int(surface.term)]))
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
        format.out.varint(problems.count)
        for problem in problems { format.out.string(problem) }
        format.finish(termCount: termRecords.count, surfaceCount: surfaceRecords.count)
        return format.out.bytes
    }
}

extension IndexBuilder {
    /// Appends a chunk's postings for one term, rewriting the first unit delta: the chunk
    /// counted it from -1, the index counts it from `last`, the term's last unit in earlier
    /// chunks (-1 when there is none, and then the bytes are already right).
    static func appendRebased(_ list: [UInt8], after last: Int32, to out: inout ByteBuffer) {
        if last < 0 {
            out.bytes.append(contentsOf: list)
            return
        }
        var value = 0
        var shift = 0
        var i = 0
        while true {
            let b = list[i]
            value |= Int(b & 0x7F) << shift
            i += 1
            if b < 0x80 { break }
            shift += 7
        }
        out.varint(value - 1 - Int(last))
        out.bytes.append(contentsOf: list[i...])
    }

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
