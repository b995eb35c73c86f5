/// A binary index read in place: what a `faq` lookup loads, and nothing more.
///
/// Construction checks the header and that every section lies inside the buffer; every later
/// read is bounds-checked too, so a truncated or corrupted cache file yields fewer results or
/// a rebuild, never a crash.
public struct SearchIndex: Sendable {
    public let storage: IndexStorage
    var raw: UnsafeRawBufferPointer { storage.raw }
    /// A copy of the index bytes.
    public var bytes: [UInt8] { Array(storage.raw) }
    public let key: UInt64
    public let unitCount: Int
    public let termCount: Int
    public let surfaceCount: Int
    public let hasAnswers: Bool
    /// False when the guides' `kb.yaml` turns faq's miss log off.
    public let logsMisses: Bool
    /// The index holds a `UnitVectorRecord` per unit (an index may leave the section empty).
    public let hasVectors: Bool
    let sections: [Int]
    /// Average length of each field, over all units.
    public let averageFieldLengths: [Double]
    public let analyzer: Analyzer
    /// For each analysed term, the other terms of its synonym groups (which need not occur in
    /// the guides: "misplace" still leads to "lose").
    public let synonymsByTerm: [String: [String]]
    public let synonymGroups: [[String]]
    /// The files the index builder could not index, as messages naming them.
    public let problems: [String]

    /// Nil when `bytes` is not an index of this version.
    public init?(bytes: [UInt8]) {
        self.init(storage: IndexStorage(copying: bytes))
    }

    public init?(storage: IndexStorage) {
        let bytes = storage.raw
        guard let header = IndexHeader(reading: bytes), header.length == bytes.count else { return nil }
        self.storage = storage
        key = header.key
        unitCount = header.unitCount
        termCount = header.termCount
        surfaceCount = header.surfaceCount
        hasAnswers = header.includesAnswers
        logsMisses = header.logsMisses
        // Each section runs to the start of the next, the last to the end of the index; they must
        // lie in order inside it, and the record sections must hold exactly their records.
        let sections = header.sectionOffsets + [bytes.count]
        for s in 0..<(sections.count - 1) where sections[s] < IndexHeader.size || sections[s] > sections[s + 1] {
            return nil
        }
        self.sections = sections
        func size(_ section: IndexFormat.Section) -> Int {
            sections[section.rawValue + 1] - sections[section.rawValue]
        }
        guard size(.units) == unitCount * UnitRecord.size, size(.terms) == termCount * TermRecord.size,
            size(.surfaces) == surfaceCount * SurfaceRecord.size,
            size(.vectors) == 0 || size(.vectors) == unitCount * UnitVectorRecord.size,
            let meta = IndexMeta(
                reading: bytes, at: sections[IndexFormat.Section.meta.rawValue],
                end: sections[IndexFormat.Section.meta.rawValue + 1])
        else { return nil }
        averageFieldLengths = meta.averageFieldLengths
        hasVectors = unitCount > 0 && size(.vectors) == unitCount * UnitVectorRecord.size
        analyzer = Analyzer(
            stopWords: Set(meta.stopWords),
            irregularForms: Dictionary(meta.irregularForms, uniquingKeysWith: { _, last in last }))
        problems = meta.problems
        synonymGroups = meta.synonymGroups
        var byTerm: [String: [String]] = [:]
        for g in meta.synonymGroups {
            for a in g {
                for b in g where b != a && !(byTerm[a]?.contains(b) ?? false) {
                    byTerm[a, default: []].append(b)
                }
            }
        }
        synonymsByTerm = byTerm
    }

    /// The bytes of `section`.
    func range(of section: IndexFormat.Section) -> Range<Int> {
        sections[section.rawValue]..<sections[section.rawValue + 1]
    }

    /// Record `i` of a section of `R`s; nil when `i` is outside it (a damaged reference).
    @inline(__always)
    func record<R: IndexRecord>(_ i: Int, in section: IndexFormat.Section) -> R? {
        let offset = sections[section.rawValue] + i * R.size
        guard i >= 0, offset + R.size <= sections[section.rawValue + 1] else { return nil }
        return R(reading: raw, at: offset)
    }

    // MARK: Units

    /// The cosine of `query` (a WordLlama unit vector) with the unit's vector; 0 without one.
    @inline(__always)
    public func cosine(unit: Int, query: UnsafeBufferPointer<Float>) -> Float {
        let section = range(of: .vectors)
        let offset = section.lowerBound + unit * UnitVectorRecord.size
        guard hasVectors, unit >= 0, offset + UnitVectorRecord.size <= section.upperBound,
            query.count == UnitVectorRecord.dimensions
        else { return 0 }
        return UnitVectorRecord.cosine(raw, record: offset, query: query)
    }

    public func kind(_ unit: Int) -> SearchUnitKind {
        let record: UnitRecord? = record(unit, in: .units)
        return record.flatMap { SearchUnitKind(rawValue: $0.kind) } ?? .section
    }

    public func line(_ unit: Int) -> Int {
        let record: UnitRecord? = record(unit, in: .units)
        return record?.line ?? 0
    }

    func fieldLength(_ unit: Int, _ field: Int) -> Int {
        let offset = sections[IndexFormat.Section.units.rawValue] + unit * UnitRecord.size
        guard unit >= 0, unit < unitCount, field >= 0, field < UnitRecord.fieldCount else { return 0 }
        return UnitRecord.fieldLength(raw, record: offset, field: field)
    }

    /// The unit's strings (id, title, guide title, path, anchor, snippet, answer); all empty
    /// for a unit that is not in the index.
    package func strings(_ unit: Int) -> UnitStrings {
        let strings = range(of: .unitStrings)
        let record: UnitRecord? = record(unit, in: .units)
        // An offset past the section reads as empty strings.
        let offset = record.map { strings.lowerBound + $0.stringsOffset } ?? strings.upperBound
        return UnitStrings(reading: raw, at: offset, end: strings.upperBound)
    }

    /// The unit whose id is `id`, if any.
    public func unit(withID id: String) -> Int? {
        (0..<unitCount).first { strings($0).id == id }
    }

    // MARK: Terms

    /// Index of `term` in the sorted term table.
    public func termIndex(_ term: [UInt8]) -> Int? {
        var lo = 0
        var hi = termCount - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let record: TermRecord = record(mid, in: .terms)!
            let c = compare(term, at: stringsStart + record.stringOffset, length: record.length)
            if c == 0 { return mid }
            if c < 0 { hi = mid - 1 } else { lo = mid + 1 }
        }
        return nil
    }

    public func term(_ index: Int) -> String {
        guard let record: TermRecord = record(index, in: .terms) else { return "" }
        return string(at: stringsStart + record.stringOffset, length: record.length)
    }

    public func documentFrequency(_ term: Int) -> Int {
        let record: TermRecord? = record(term, in: .terms)
        return record?.documentCount ?? 0
    }

    /// The term's postings: unit and per-field positions.
    func postings(_ term: Int) -> [PostingList.Posting] {
        guard let record: TermRecord = record(term, in: .terms) else { return [] }
        let postings = range(of: .postings)
        return PostingList.read(
            raw, at: postings.lowerBound + record.postingsOffset, end: postings.upperBound,
            documentCount: record.documentCount, unitCount: unitCount)
    }

    /// Where the strings section starts: term and surface records point into it.
    var stringsStart: Int { sections[IndexFormat.Section.strings.rawValue] }

    // MARK: Surface words

    /// The term a surface word was indexed under, when the word occurs in the guides.
    public func surfaceTerm(_ word: [UInt8]) -> Int? {
        var lo = 0
        var hi = surfaceCount - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let record: SurfaceRecord = record(mid, in: .surfaces)!
            let c = compare(word, at: stringsStart + record.stringOffset, length: record.length)
            if c == 0 { return record.term }
            if c < 0 { hi = mid - 1 } else { lo = mid + 1 }
        }
        return nil
    }

    /// Calls `body(word, termIndex)` for each surface word whose length is in `lengths`.
    func forEachSurface(lengths: ClosedRange<Int>, _ body: (UnsafeRawBufferPointer, Int) -> Void) {
        let base = sections[IndexFormat.Section.surfaces.rawValue]
        for i in 0..<surfaceCount {
            let surface = SurfaceRecord(reading: raw, at: base + i * SurfaceRecord.size)
            guard lengths.contains(surface.length) else { continue }
            let offset = stringsStart + surface.stringOffset
            guard offset + surface.length <= raw.count else { continue }
            body(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + surface.length)]), surface.term)
        }
    }

    public func surface(_ index: Int) -> String {
        guard let record: SurfaceRecord = record(index, in: .surfaces) else { return "" }
        return string(at: stringsStart + record.stringOffset, length: record.length)
    }

    // MARK: Bytes

    func string(at offset: Int, length: Int) -> String {
        guard offset >= 0, length >= 0, offset + length <= raw.count else { return "" }
        return String(
            decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]), as: UTF8.self)
    }

    func compare(_ key: [UInt8], at offset: Int, length: Int) -> Int {
        guard offset >= 0, offset + length <= raw.count else { return -1 }
        do {
            let n = min(key.count, length)
            for i in 0..<n {
                let a = key[i]
                let b = raw[offset + i]
                if a != b { return a < b ? -1 : 1 }
            }
            return key.count == length ? 0 : (key.count < length ? -1 : 1)
        }
    }
}
