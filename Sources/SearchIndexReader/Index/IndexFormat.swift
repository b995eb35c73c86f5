/// The binary index, shared by the writer (`IndexBuilder`), `SearchIndex` and the browser
/// engine. Little-endian; read in place, nothing decoded up front.
///
/// ```
/// header        IndexHeader: magic, version, key, counts, flags, section table, length
/// units         UnitRecord × unit count (16 bytes each)
/// unit strings  UnitStrings per unit: 7 varint-prefixed UTF-8 strings
/// terms         TermRecord × term count (12 bytes each), sorted bytewise by text
/// surfaces      SurfaceRecord × surface count (12 bytes each), sorted bytewise by word
/// strings       the texts of terms and surface words, back to back
/// postings      a PostingList per term
/// meta          IndexMeta: average field lengths, stop words, irregular forms, synonym
///               groups, problems
/// ```
///
/// Each record type in `Records/` owns its layout and both its reading and its writing.
///
/// To add a section (say, unit vectors): add a case at the end of `Section` (the header's
/// section table grows by itself), a record type in `Records/` for its contents, a pass in
/// `IndexBuilder.write` that calls `beginSection` and writes it, its reading in `SearchIndex`
/// (`range(of:)` gives the section's bytes), and bump `version`. The browser engine receives
/// the header layout and the section numbers (`javaScriptLayout`), so it reads the sections it
/// knows at their new offsets unchanged.
public enum IndexFormat {
    public static let magic: [UInt8] = Array("KBSI".utf8)
    /// Bump on any change of layout or analysis (tokenizer, stemmer, tables): stale caches are
    /// then rebuilt rather than misread.
    public static let version: UInt32 = 7
    public static var headerSize: Int { IndexHeader.size }

    /// The sections, in the order they follow the header.
    package enum Section: Int, CaseIterable {
        case units = 0
        case unitStrings, terms, surfaces, strings, postings, meta
        /// `UnitVectorRecord` × unit count: each FAQ entry's and section's WordLlama vector (a guide's
        /// record is empty); the section is empty when no unit has a vector (tldr's pages).
        case vectors
    }

    /// An index being written: a header placeholder, then sections in order, then the header.
    package struct Writer {
        package var out = ByteBuffer()
        private var sectionOffsets = [Int](repeating: 0, count: Section.allCases.count)

        package init() {
            out.bytes = [UInt8](repeating: 0, count: IndexHeader.size)
        }

        /// Starts `section` at the current end.
        package mutating func beginSection(_ section: Section) {
            sectionOffsets[section.rawValue] = out.count
        }

        /// The index's bytes, with its header filled in.
        package mutating func finish(
            key: UInt64, unitCount: Int, termCount: Int, surfaceCount: Int, includesAnswers: Bool, logsMisses: Bool
        ) -> [UInt8] {
            var header = ByteBuffer()
            IndexHeader(
                key: key, unitCount: unitCount, termCount: termCount, surfaceCount: surfaceCount,
                includesAnswers: includesAnswers, logsMisses: logsMisses, sectionOffsets: sectionOffsets,
                length: out.count
            ).write(to: &header)
            out.bytes.replaceSubrange(0..<IndexHeader.size, with: header.bytes)
            return out.bytes
        }
    }
}
