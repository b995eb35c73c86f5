/// The layout of the binary index, shared by the writer, `SearchIndex` and the browser engine.
///
/// ```
/// 0   "KBSI"  magic
/// 4   u32     format version
/// 8   u64     content key (cache validation)
/// 16  u32     unit count      20  u32 term count     24  u32 surface-word count
/// 28  u32     flags (bit 0: answers included; bit 1: kb.yaml turns faq's miss log off)
/// 32  u32 × 7 section offsets: units, unit strings, terms, surfaces, strings, postings, meta
/// 60  u32     total length
/// units:        per unit 16 bytes: u32 kind | line << 8, u16 field lengths × 4 (capped at
///               65,535), u32 unit-strings offset
/// unit strings: per unit 7 varint-prefixed UTF-8 strings: id, title, guide title, path,
///               anchor, snippet, answer
/// terms:        per term 3 × u32: string offset, postings offset, length | document count << 8;
///               sorted bytewise
/// surfaces:     per surface word 3 × u32: string offset, length, term index; sorted bytewise
/// postings:     per document: varint unit delta, u8 field mask, per field in the mask a varint
///               count then that many varint position deltas
/// meta:         varint average field lengths × 1000 (4), stop words, irregular forms (pairs),
///               synonym groups of terms, messages about files that could not be indexed
/// ```
public enum IndexFormat {
    public static let magic: [UInt8] = Array("KBSI".utf8)
    /// Bump on any change of layout or analysis (tokenizer, stemmer, tables): stale caches are
    /// then rebuilt rather than misread.
    public static let version: UInt32 = 5
    public static let headerSize = 64
    /// The header flag set when `kb.yaml` turns faq's miss log off: the index is what faq reads
    /// of a guides folder (it links no YAML parser), and its key already covers `kb.yaml`.
    public static let noMissLogFlag: UInt32 = 2

    package enum Section: Int, CaseIterable {
        case units = 0
        case unitStrings, terms, surfaces, strings, postings, meta
    }

    package struct Writer {
        package var out = ByteBuffer()

        package init() {}

        package mutating func header(key: UInt64, unitCount: Int, includeAnswers: Bool, logsMisses: Bool = true) {
            out.bytes.append(contentsOf: IndexFormat.magic)
            out.u32(IndexFormat.version)
            out.u32(UInt32(truncatingIfNeeded: key))
            out.u32(UInt32(truncatingIfNeeded: key >> 32))
            out.u32(UInt32(unitCount))
            out.u32(0)
            out.u32(0)
            out.u32((includeAnswers ? 1 : 0) | (logsMisses ? 0 : IndexFormat.noMissLogFlag))
            for _ in 0..<8 { out.u32(0) }
        }

        package mutating func beginSection(_ s: Section) {
            out.setU32(at: 32 + 4 * s.rawValue, UInt32(out.count))
        }

        package mutating func finish(termCount: Int, surfaceCount: Int) {
            out.setU32(at: 20, UInt32(termCount))
            out.setU32(at: 24, UInt32(surfaceCount))
            out.setU32(at: 60, UInt32(out.count))
        }
    }
}
