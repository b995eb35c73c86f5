import Embeddings
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
    /// Store each FAQ entry's and section's WordLlama vector (`UnitVectorRecord`), for
    /// `semanticWeight`.
    public var includeVectors = true
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

    /// The index of `units`, in four passes: `tokenize` (in parallel, per chunk of units),
    /// `analyse` (each distinct word once), `invert` (in parallel, per chunk) and `write` (the
    /// sections in order, each through its record type in `SearchIndexReader`'s `Records/`).
    public func build(units: [SearchUnit], key: UInt64) -> [UInt8] {
        let size = chunkSize(for: units.count)
        var chunks = tokenize(units, unitsPerChunk: size)
        let vocabulary = analyse(chunks)
        invert(&chunks, vocabulary)
        return write(units: units, chunks: chunks, unitsPerChunk: size, vocabulary: vocabulary, key: key)
    }

    /// Pass 1, in parallel: each chunk of units tokenizes on its own, numbering its own words.
    func tokenize(_ units: [SearchUnit], unitsPerChunk size: Int) -> [IndexChunk] {
        let chunkCount = max(1, (units.count + size - 1) / size)
        return Parallel.map(chunkCount) { c in
            IndexChunk(units: units[(c * size)..<min(units.count, (c + 1) * size)])
        }
    }

    /// The words of all chunks and the terms they give: what pass 2 finds.
    struct Vocabulary {
        /// Every distinct surface word of the guides.
        var words: ByteStringTable
        /// Per chunk, its local word numbers mapped to `words`.
        var wordMaps: [[Int32]]
        /// Per word, its term in `terms` (-1 for a stop word).
        var wordTerms: [Int32]
        /// Every term (analysed words and whole compounds), numbered as first met.
        var terms: ByteStringTable
        /// Per chunk, its local compound numbers mapped to `terms`.
        var compoundMaps: [[Int32]]
    }

    /// Pass 2: the distinct words of all chunks, each analysed once (in parallel: stop list,
    /// irregular forms, stemming), and the terms they give.
    func analyse(_ chunks: [IndexChunk]) -> Vocabulary {
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
        return Vocabulary(
            words: words, wordMaps: wordMaps, wordTerms: wordTerms, terms: terms, compoundMaps: compoundMaps)
    }

    /// Pass 3, in parallel: each chunk inverts its occurrences into postings of the terms.
    func invert(_ chunks: inout [IndexChunk], _ vocabulary: Vocabulary) {
        let termCount = vocabulary.terms.count
        Parallel.updateEach(&chunks) { c, chunk in
            chunk.invert(
                wordTerms: vocabulary.wordMaps[c].map { vocabulary.wordTerms[Int($0)] },
                compoundTerms: vocabulary.compoundMaps[c], termCount: termCount)
        }
    }

    /// Pass 4: the sections in order, then the header.
    func write(
        units: [SearchUnit], chunks: [IndexChunk], unitsPerChunk size: Int, vocabulary: Vocabulary, key: UInt64
    ) -> [UInt8] {
        var format = IndexFormat.Writer()
        let averages = writeUnits(units, chunks: chunks, unitsPerChunk: size, to: &format)
        var strings = ByteBuffer()
        let termOrder = writeTerms(chunks: chunks, vocabulary: vocabulary, strings: &strings, to: &format)
        let surfaceCount = writeSurfaces(vocabulary: vocabulary, termOrder: termOrder, strings: &strings, to: &format)
        format.beginSection(.strings)
        format.out.bytes(strings.bytes)
        // The postings section was filled by `writeTerms`, after the strings.
        format.beginSection(.postings)
        format.out.bytes(termOrder.postings.bytes)
        writeMeta(averageFieldLengths: averages, to: &format)
        format.beginSection(.vectors)
        if includeVectors { writeVectors(units, to: &format) }
        return format.finish(
            key: key, unitCount: units.count, termCount: vocabulary.terms.count, surfaceCount: surfaceCount,
            includesAnswers: includeAnswers, logsMisses: logsMisses)
    }

    /// The units and their strings; returns the average length of each field.
    private func writeUnits(
        _ units: [SearchUnit], chunks: [IndexChunk], unitsPerChunk size: Int, to format: inout IndexFormat.Writer
    ) -> [Double] {
        let fieldCount = UnitRecord.fieldCount
        var totals = [Double](repeating: 0, count: fieldCount)
        for chunk in chunks {
            for f in 0..<fieldCount { totals[f] += chunk.totals[f] }
        }
        let averages = totals.map { max(1, $0 / Double(max(1, units.count))) }

        var unitStrings = ByteBuffer()
        var records: [UnitRecord] = []
        records.reserveCapacity(units.count)
        for (u, unit) in units.enumerated() {
            let lengths = chunks[u / size].fieldLengths[((u % size) * fieldCount)...].prefix(fieldCount)
            records.append(
                UnitRecord(
                    kind: unit.kind.rawValue, line: unit.line, fieldLengths: lengths.map { Int($0) },
                    stringsOffset: unitStrings.count))
            // Without answers (the browser export) the path goes too: pages are found by id.
            UnitStrings(
                id: unit.id, title: unit.title, guideTitle: unit.guideTitle, path: includeAnswers ? unit.path : "",
                anchor: unit.anchor, snippet: unit.snippet, answer: includeAnswers ? unit.answer : ""
            ).write(to: &unitStrings)
        }
        format.beginSection(.units)
        for record in records { record.write(to: &format.out) }
        format.beginSection(.unitStrings)
        format.out.bytes(unitStrings.bytes)
        return averages
    }

    /// Pass 4's last section (begun by the caller, left empty without vectors): each FAQ entry's
    /// and section's WordLlama vector, of its question or heading and its aliases, the short
    /// fields that say what the unit answers. Titles with aliases ranked best on the tuning
    /// suites, above the title alone and above adding the guide's title or the body's opening
    /// (README, "Word embeddings").
    ///
    /// A whole guide gets an empty record: its title and summary describe a page, not a question,
    /// and fusing their cosine lowered tldr's hit@1 at every weight tried (all 7,425 units there
    /// are guides), while it lifted nothing on the shipped guides or StackFAQ that the questions
    /// and headings alone did not. When no unit has a vector the section stays empty, so tldr's
    /// index (and the site's copy of it) carries no 1.9 MB of unused vectors.
    private func writeVectors(_ units: [SearchUnit], to format: inout IndexFormat.Writer) {
        guard units.contains(where: { $0.kind != .guide }) else { return }
        let model = WordLlama.builtIn
        let records = Parallel.map(units.count, chunk: 256) { u in
            UnitVectorRecord(
                vector: units[u].kind == .guide ? nil : model.embed(IndexBuilder.vectorText(of: units[u])))
        }
        for record in records { record.write(to: &format.out) }
    }

    /// The text a unit's vector is made from: its title, then its aliases, each a sentence.
    static func vectorText(of unit: SearchUnit) -> String {
        let aliases = unit.fields[SearchUnit.Field.aliases.rawValue].split(separator: "\n")
        return ([Substring(unit.fields[SearchUnit.Field.title.rawValue])] + aliases).joined(separator: ". ")
    }

    /// Where each term went in the sorted term table, and the postings section's bytes.
    struct TermOrder {
        /// Per term number (as first met), its index in the sorted table.
        var sortedIndex: [Int32]
        var postings: ByteBuffer
    }

    /// The terms, sorted bytewise, with their texts in `strings` and their postings (each
    /// chunk's list in unit order, rebased onto the last).
    private func writeTerms(
        chunks: [IndexChunk], vocabulary: Vocabulary, strings: inout ByteBuffer, to format: inout IndexFormat.Writer
    ) -> TermOrder {
        let terms = vocabulary.terms
        let termBytes = (0..<terms.count).map { terms.key($0) }
        let order = termBytes.indices.sorted { IndexBuilder.bytewiseLess(termBytes[$0], termBytes[$1]) }
        var sortedIndex = [Int32](repeating: 0, count: terms.count)
        for (i, old) in order.enumerated() { sortedIndex[old] = Int32(i) }
        var postings = ByteBuffer()
        format.beginSection(.terms)
        for g in order {
            let name = termBytes[g]
            let stringOffset = strings.count
            strings.bytes.append(contentsOf: name)
            let postingsOffset = postings.count
            var documents = 0
            var last: Int32 = -1
            for chunk in chunks where chunk.lastUnit[g] >= 0 {
                PostingList.appendRebased(chunk.postings[g].bytes, after: last, to: &postings)
                last = chunk.lastUnit[g]
                documents += Int(chunk.documentCounts[g])
            }
            TermRecord(
                stringOffset: stringOffset, postingsOffset: postingsOffset, length: name.count,
                documentCount: documents
            ).write(to: &format.out)
        }
        return TermOrder(sortedIndex: sortedIndex, postings: postings)
    }

    /// The surface words (for typo tolerance and suggestions: the words that are not stop
    /// words), sorted bytewise, with their texts in `strings`; returns how many.
    private func writeSurfaces(
        vocabulary: Vocabulary, termOrder: TermOrder, strings: inout ByteBuffer, to format: inout IndexFormat.Writer
    ) -> Int {
        let words = vocabulary.words
        let surfaces = (0..<words.count).filter { vocabulary.wordTerms[$0] >= 0 }
            .map { (word: words.key($0), term: vocabulary.wordTerms[$0]) }
            .sorted { (a: (word: [UInt8], term: Int32), b: (word: [UInt8], term: Int32)) in
                IndexBuilder.bytewiseLess(a.word, b.word)
            }
        format.beginSection(.surfaces)
        for surface in surfaces {
            SurfaceRecord(
                stringOffset: strings.count, length: surface.word.count,
                term: Int(termOrder.sortedIndex[Int(surface.term)])
            ).write(to: &format.out)
            strings.bytes.append(contentsOf: surface.word)
        }
        return surfaces.count
    }

    /// The tables the query side needs to analyse text exactly as the index did.
    private func writeMeta(averageFieldLengths: [Double], to format: inout IndexFormat.Writer) {
        format.beginSection(.meta)
        IndexMeta(
            averageFieldLengths: averageFieldLengths, stopWords: analyzer.stopWords.sorted(),
            irregularForms: analyzer.irregularForms.keys.sorted().map { ($0, analyzer.irregularForms[$0]!) },
            synonymGroups: synonyms.termGroups(analyzer: analyzer), problems: problems
        ).write(to: &format.out)
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
