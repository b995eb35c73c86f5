/// The start of every index:
///
/// ```
/// 0   "KBSI"   magic
/// 4   u32      format version (`IndexFormat.version`)
/// 8   u64      content key (cache validation), low word first
/// 16  u32      unit count        20  u32 term count        24  u32 surface-word count
/// 28  u32      flags (bit 0: answers included; bit 1: kb.yaml turns faq's miss log off)
/// 32  u32 × n  the offset of each section, in `IndexFormat.Section` order
/// ..  u32      total length
/// ```
///
/// The section table grows with `IndexFormat.Section`, and the header with it (64 bytes for
/// today's 7 sections).
package struct IndexHeader: Equatable {
    package enum Layout {
        package static let magic = 0
        package static let version = 4
        package static let key = 8
        package static let unitCount = 16
        package static let termCount = 20
        package static let surfaceCount = 24
        package static let flags = 28
        package static let sections = 32
        package static let length = sections + 4 * IndexFormat.Section.allCases.count
    }
    package static let size = Layout.length + 4
    /// The bits of the flags word.
    package enum Flag {
        package static let includesAnswers: UInt32 = 1
        /// Set when `kb.yaml` turns faq's miss log off: the index is what faq reads of a guides
        /// folder (it links no YAML parser), and its key already covers `kb.yaml`.
        package static let noMissLog: UInt32 = 2
    }

    package var key: UInt64
    package var unitCount: Int
    package var termCount: Int
    package var surfaceCount: Int
    package var includesAnswers: Bool
    /// False when the guides' `kb.yaml` turns faq's miss log off.
    package var logsMisses: Bool
    /// Where each section starts, in `IndexFormat.Section` order.
    package var sectionOffsets: [Int]
    package var length: Int

    package init(
        key: UInt64, unitCount: Int, termCount: Int, surfaceCount: Int, includesAnswers: Bool,
        logsMisses: Bool = true, sectionOffsets: [Int], length: Int
    ) {
        self.key = key
        self.unitCount = unitCount
        self.termCount = termCount
        self.surfaceCount = surfaceCount
        self.includesAnswers = includesAnswers
        self.logsMisses = logsMisses
        self.sectionOffsets = sectionOffsets
        self.length = length
    }

    /// The header of `raw`; nil when `raw` is too short, another format or another version.
    /// The section offsets are not checked here (`SearchIndex` does).
    init?(reading raw: UnsafeRawBufferPointer) {
        guard raw.count >= IndexHeader.size, raw.prefix(4).elementsEqual(IndexFormat.magic),
            raw.littleEndianU32(at: Layout.version) == IndexFormat.version
        else { return nil }
        func u32(_ offset: Int) -> Int { Int(raw.littleEndianU32(at: offset)) }
        key = UInt64(u32(Layout.key)) | UInt64(u32(Layout.key + 4)) << 32
        unitCount = u32(Layout.unitCount)
        termCount = u32(Layout.termCount)
        surfaceCount = u32(Layout.surfaceCount)
        let flags = raw.littleEndianU32(at: Layout.flags)
        includesAnswers = flags & Flag.includesAnswers != 0
        logsMisses = flags & Flag.noMissLog == 0
        sectionOffsets = IndexFormat.Section.allCases.map { u32(Layout.sections + 4 * $0.rawValue) }
        length = u32(Layout.length)
    }

    /// The header's bytes, `size` of them: written over the placeholder the builder left at
    /// the start of the index once every section is in place.
    package func write(to out: inout ByteBuffer) {
        out.bytes.append(contentsOf: IndexFormat.magic)
        out.u32(IndexFormat.version)
        out.u32(UInt32(truncatingIfNeeded: key))
        out.u32(UInt32(truncatingIfNeeded: key >> 32))
        out.u32(UInt32(unitCount))
        out.u32(UInt32(termCount))
        out.u32(UInt32(surfaceCount))
        out.u32((includesAnswers ? Flag.includesAnswers : 0) | (logsMisses ? 0 : Flag.noMissLog))
        for offset in sectionOffsets { out.u32(UInt32(offset)) }
        out.u32(UInt32(length))
    }
}
