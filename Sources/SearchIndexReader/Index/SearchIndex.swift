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
        guard bytes.count >= IndexFormat.headerSize, Array(bytes[0..<4]) == IndexFormat.magic else {
            return nil
        }
        func u32(_ o: Int) -> Int {
            Int(bytes[o]) | Int(bytes[o + 1]) << 8 | Int(bytes[o + 2]) << 16 | Int(bytes[o + 3]) << 24
        }
        guard u32(4) == Int(IndexFormat.version), u32(60) == bytes.count else { return nil }
        self.storage = storage
        key = UInt64(u32(8)) | UInt64(u32(12)) << 32
        unitCount = u32(16)
        termCount = u32(20)
        surfaceCount = u32(24)
        hasAnswers = u32(28) & 1 == 1
        logsMisses = u32(28) & Int(IndexFormat.noMissLogFlag) == 0
        var sections: [Int] = []
        for s in 0..<7 { sections.append(u32(32 + 4 * s)) }
        sections.append(bytes.count)
        for s in 0..<7 where sections[s] < IndexFormat.headerSize || sections[s] > sections[s + 1] {
            return nil
        }
        guard sections[1] - sections[0] == unitCount * 16, sections[3] - sections[2] == termCount * 12,
            sections[4] - sections[3] == surfaceCount * 12
        else { return nil }
        self.sections = sections

        var reader = ByteReader(bytes: bytes, offset: sections[6], end: bytes.count)
        var averages: [Double] = []
        for _ in 0..<4 { averages.append(max(1, Double(reader.varint()) / 1000)) }
        averageFieldLengths = averages
        var stops = Set<String>()
        let stopCount = reader.varint()
        for _ in 0..<min(stopCount, 10_000) { stops.insert(reader.string()) }
        var irregular: [String: String] = [:]
        let irregularCount = reader.varint()
        for _ in 0..<min(irregularCount, 100_000) {
            let k = reader.string()
            irregular[k] = reader.string()
        }
        analyzer = Analyzer(stopWords: stops, irregularForms: irregular)
        var groups: [[String]] = []
        let groupCount = reader.varint()
        for _ in 0..<min(groupCount, 100_000) {
            let n = reader.varint()
            var g: [String] = []
            for _ in 0..<min(n, 1000) { g.append(reader.string()) }
            groups.append(g)
        }
        var problems: [String] = []
        let problemCount = reader.varint()
        for _ in 0..<min(problemCount, 100_000) { problems.append(reader.string()) }
        guard !reader.failed else { return nil }
        self.problems = problems
        synonymGroups = groups
        var byTerm: [String: [String]] = [:]
        for g in groups {
            for a in g {
                for b in g where b != a && !(byTerm[a]?.contains(b) ?? false) {
                    byTerm[a, default: []].append(b)
                }
            }
        }
        synonymsByTerm = byTerm
    }

    @inline(__always)
    func u32(_ o: Int) -> Int {
        guard o >= 0, o + 4 <= raw.count else { return 0 }
        return Int(raw.loadUnaligned(fromByteOffset: o, as: UInt32.self).littleEndian)
    }

    // MARK: Units

    public func kind(_ unit: Int) -> SearchUnitKind {
        SearchUnitKind(rawValue: UInt8(truncatingIfNeeded: u32(sections[0] + unit * 16))) ?? .section
    }

    public func line(_ unit: Int) -> Int { u32(sections[0] + unit * 16) >> 8 }

    func fieldLength(_ unit: Int, _ field: Int) -> Int {
        let o = sections[0] + unit * 16 + 4 + field * 2
        guard o >= 0, o + 2 <= raw.count else { return 0 }
        return Int(raw[o]) | Int(raw[o + 1]) << 8
    }

    /// The unit's strings: id, title, guide title, path, anchor, snippet, answer.
    public func strings(_ unit: Int) -> [String] {
        let offset = sections[1] + u32(sections[0] + unit * 16 + 12)
        var reader = ByteReader(bytes: raw, offset: offset, end: sections[2])
        var out: [String] = []
        for _ in 0..<7 { out.append(reader.string()) }
        return out
    }

    /// The unit whose id is `id`, if any.
    public func unit(withID id: String) -> Int? {
        (0..<unitCount).first { strings($0)[0] == id }
    }

    // MARK: Terms

    /// Index of `term` in the sorted term table.
    public func termIndex(_ term: [UInt8]) -> Int? {
        let base = sections[2]
        var lo = 0
        var hi = termCount - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let c = compare(
                term, at: sections[4] + u32(base + mid * 12), length: u32(base + mid * 12 + 8) & 0xFF)
            if c == 0 { return mid }
            if c < 0 { hi = mid - 1 } else { lo = mid + 1 }
        }
        return nil
    }

    public func term(_ index: Int) -> String {
        let base = sections[2] + index * 12
        return string(at: sections[4] + u32(base), length: u32(base + 8) & 0xFF)
    }

    public func documentFrequency(_ term: Int) -> Int { u32(sections[2] + term * 12 + 8) >> 8 }

    /// The term's postings: unit and per-field positions.
    func postings(_ term: Int) -> [(unit: Int, positions: [[Int32]])] {
        let base = sections[2] + term * 12
        let df = u32(base + 8) >> 8
        var reader = ByteReader(bytes: raw, offset: sections[5] + u32(base + 4), end: sections[6])
        var out: [(unit: Int, positions: [[Int32]])] = []
        out.reserveCapacity(min(df, unitCount))
        var unit = -1
        for _ in 0..<df {
            unit &+= reader.varint()
            let mask = reader.byte()
            var positions: [[Int32]] = [[], [], [], []]
            for f in 0..<4 where mask & (1 << f) != 0 {
                let n = reader.varint()
                var p = 0
                var list: [Int32] = []
                list.reserveCapacity(min(n, 4096))
                for _ in 0..<n {
                    p &+= reader.varint()
                    if reader.failed { break }  // a damaged count must not loop on
                    list.append(Int32(truncatingIfNeeded: p))
                }
                positions[f] = list
            }
            if reader.failed || unit >= unitCount { break }
            out.append((unit, positions))
        }
        return out
    }

    // MARK: Surface words

    /// The term a surface word was indexed under, when the word occurs in the guides.
    public func surfaceTerm(_ word: [UInt8]) -> Int? {
        let base = sections[3]
        var lo = 0
        var hi = surfaceCount - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let c = compare(
                word, at: sections[4] + u32(base + mid * 12), length: u32(base + mid * 12 + 4))
            if c == 0 { return u32(base + mid * 12 + 8) }
            if c < 0 { hi = mid - 1 } else { lo = mid + 1 }
        }
        return nil
    }

    /// Calls `body(word, termIndex)` for each surface word whose length is in `lengths`.
    func forEachSurface(lengths: ClosedRange<Int>, _ body: (UnsafeRawBufferPointer, Int) -> Void) {
        let base = sections[3]
        let stringsBase = sections[4]
        do {
            for i in 0..<surfaceCount {
                let r = base + i * 12
                let length = Int(raw.loadUnaligned(fromByteOffset: r + 4, as: UInt32.self).littleEndian)
                guard lengths.contains(length) else { continue }
                let offset =
                    stringsBase + Int(raw.loadUnaligned(fromByteOffset: r, as: UInt32.self).littleEndian)
                guard offset + length <= raw.count else { continue }
                let term = Int(raw.loadUnaligned(fromByteOffset: r + 8, as: UInt32.self).littleEndian)
                body(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]), term)
            }
        }
    }

    public func surface(_ index: Int) -> String {
        let base = sections[3] + index * 12
        return string(at: sections[4] + u32(base), length: u32(base + 4))
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
