import Testing

@testable import Search
@testable import SearchIndexReader

/// Each record type reads back exactly what it wrote, at the size it declares; a builder that
/// wrote and a reader that read the same record differently is what these types exist to
/// prevent.
@Suite struct IndexRecordTests {
    func roundTrip<R: IndexRecord & Equatable>(_ record: R, padding: Int = 3) -> R? {
        var out = ByteBuffer()
        out.bytes = [UInt8](repeating: 0xEE, count: padding)  // records are read unaligned
        record.write(to: &out)
        guard out.count == padding + R.size else { return nil }
        return out.bytes.withUnsafeBytes { R(reading: $0, at: padding) }
    }

    @Test func fixedSizeRecordsReadBackWhatTheyWrote() {
        let unit = UnitRecord(kind: 2, line: 0xAB_CDEF, fieldLengths: [1, 300, 65_535, 0], stringsOffset: 123_456)
        #expect(roundTrip(unit) == unit)
        let term = TermRecord(stringOffset: 7, postingsOffset: 1 << 30, length: 64, documentCount: 0xFF_FFFF)
        #expect(roundTrip(term) == term)
        let surface = SurfaceRecord(stringOffset: 99, length: 12, term: 4_000_000)
        #expect(roundTrip(surface) == surface)
    }

    @Test func unitRecordsCapWhatDoesNotFit() throws {
        let unit = UnitRecord(kind: 1, line: 1 << 30, fieldLengths: [70_000, 2, 3, 4], stringsOffset: 0)
        let back = try #require(roundTrip(unit))
        #expect(back.line == 0xFF_FFFF)
        #expect(back.fieldLengths == [65_535, 2, 3, 4])
    }

    @Test func headerAndVariableSizedRecordsReadBackWhatTheyWrote() throws {
        let header = IndexHeader(
            key: 0x0123_4567_89AB_CDEF, unitCount: 3, termCount: 4, surfaceCount: 5, includesAnswers: true,
            sectionOffsets: Array(IndexFormat.Section.allCases.indices.map { 100 + $0 }), length: 200)
        var out = ByteBuffer()
        header.write(to: &out)
        #expect(out.count == IndexHeader.size)
        #expect(IndexHeader.size == 68)  // eight sections (the vectors the eighth); a new one adds 4 bytes
        #expect(out.bytes.withUnsafeBytes { IndexHeader(reading: $0) } == header)

        let strings = UnitStrings(
            id: "a#b", title: "T", guideTitle: "", path: "p.md", anchor: "b", snippet: "s", answer: "ünïcode")
        out = ByteBuffer()
        strings.write(to: &out)
        #expect(out.bytes.withUnsafeBytes { UnitStrings(reading: $0, at: 0, end: $0.count) } == strings)

        let meta = IndexMeta(
            averageFieldLengths: [1.5, 2, 3.25, 40], stopWords: ["a", "the"], irregularForms: [("ran", "run")],
            synonymGroups: [["key", "token"]], problems: ["x.md: not UTF-8"])
        out = ByteBuffer()
        meta.write(to: &out)
        #expect(out.bytes.withUnsafeBytes { IndexMeta(reading: $0, at: 0, end: $0.count) } == meta)
        // Cut short, it is refused rather than misread.
        #expect(out.bytes.withUnsafeBytes { IndexMeta(reading: $0, at: 0, end: $0.count - 1) } == nil)
    }

    /// Records whose offsets, lengths and term numbers point anywhere (0xFF bytes) load, rank,
    /// correct typos, suggest and list with fewer or odd results, never a crash.
    @Test(arguments: [IndexFormat.Section.units, .terms, .surfaces])
    func damagedRecordsNeverCrashALookup(section: IndexFormat.Section) throws {
        let good = TestSupport.shippedIndex
        let range = good.range(of: section)
        var rng = SystemRandomNumberGenerator()
        var loaded = 0
        for _ in 0..<8 {
            var damaged = good.bytes
            for _ in 0..<40 { damaged[Int.random(in: range, using: &rng)] = 0xFF }
            let index = try #require(SearchIndex(bytes: damaged))
            loaded += 1
            let ranker = Ranker(index: index)
            for query in ["lose my key", "rotatte a kye", "how do I revoke it?"] {
                _ = ranker.search(query, limit: 5)
                _ = Suggestions(ranker: ranker).forQuery(query)
            }
            _ = SearchHit.all(in: index)
        }
        #expect(loaded == 8)
    }

    @Test func postingListsReadBackWhatTheyWrote() {
        // Unit 2: title positions 0, 3; unit 9: body position 7.
        var out = ByteBuffer()
        PostingList.appendPosting(unit: 2, after: -1, fieldMask: 0b0001, to: &out)
        PostingList.appendCount(2, to: &out)
        PostingList.appendPositionDelta(0, to: &out)
        PostingList.appendPositionDelta(3, to: &out)
        PostingList.appendPosting(unit: 9, after: 2, fieldMask: 0b1000, to: &out)
        PostingList.appendCount(1, to: &out)
        PostingList.appendPositionDelta(7, to: &out)
        let postings = out.bytes.withUnsafeBytes {
            PostingList.read($0, at: 0, end: $0.count, documentCount: 2, unitCount: 10)
        }
        #expect(postings.map(\.unit) == [2, 9])
        #expect(postings.map(\.positions) == [[[0, 3], [], [], []], [[], [], [], [7]]])
        // A unit past the index's units ends the list.
        let clipped = out.bytes.withUnsafeBytes {
            PostingList.read($0, at: 0, end: $0.count, documentCount: 2, unitCount: 5)
        }
        #expect(clipped.map(\.unit) == [2])
        // Joined after an earlier chunk's list that ended at unit 1, the units stay 2 and 9.
        var joined = ByteBuffer()
        PostingList.appendPosting(unit: 1, after: -1, fieldMask: 0b0010, to: &joined)
        PostingList.appendCount(1, to: &joined)
        PostingList.appendPositionDelta(5, to: &joined)
        PostingList.appendRebased(out.bytes, after: 1, to: &joined)
        let rebased = joined.bytes.withUnsafeBytes {
            PostingList.read($0, at: 0, end: $0.count, documentCount: 3, unitCount: 10)
        }
        #expect(rebased.map(\.unit) == [1, 2, 9])
    }
}
