/// One searchable unit (a FAQ entry, a section, a guide) in the units section:
///
/// ```
/// 0   u32        kind | line << 8 (line capped at 2^24 - 1)
/// 4   u16 × 4    field lengths in words, `SearchUnit.Field` order (capped at 65,535)
/// 12  u32        offset of the unit's strings (`UnitStrings`) in the unit-strings section
/// ```
package struct UnitRecord: IndexRecord, Equatable {
    package enum Layout {
        package static let kindAndLine = 0
        package static let fieldLengths = 4
        package static let strings = 12
    }
    package static let size = 16
    /// The fields whose lengths a unit records (and whose bits a posting's mask holds).
    package static let fieldCount = 4
    static let maximumLine = 0xFF_FFFF

    package var kind: UInt8
    package var line: Int
    package var fieldLengths: [Int]
    package var stringsOffset: Int

    package init(kind: UInt8, line: Int, fieldLengths: [Int], stringsOffset: Int) {
        self.kind = kind
        self.line = line
        self.fieldLengths = fieldLengths
        self.stringsOffset = stringsOffset
    }

    package init(reading raw: UnsafeRawBufferPointer, at offset: Int) {
        let kindAndLine = raw.littleEndianU32(at: offset + Layout.kindAndLine)
        kind = UInt8(truncatingIfNeeded: kindAndLine)
        line = Int(kindAndLine >> 8)
        fieldLengths = (0..<UnitRecord.fieldCount).map {
            Int(raw.littleEndianU16(at: offset + Layout.fieldLengths + 2 * $0))
        }
        stringsOffset = Int(raw.littleEndianU32(at: offset + Layout.strings))
    }

    package func write(to out: inout ByteBuffer) {
        out.u32(UInt32(kind) | UInt32(min(line, UnitRecord.maximumLine)) << 8)
        for f in 0..<UnitRecord.fieldCount { out.u16(UInt16(min(fieldLengths[f], 0xFFFF))) }
        out.u32(UInt32(stringsOffset))
    }

    /// One field length, read alone: the ranker's inner loop needs no more of the record.
    static func fieldLength(_ raw: UnsafeRawBufferPointer, record offset: Int, field: Int) -> Int {
        Int(raw.littleEndianU16(at: offset + Layout.fieldLengths + 2 * field))
    }
}

/// A unit's strings in the unit-strings section, each a varint byte count then UTF-8: id,
/// title, guide title, path, anchor, snippet, answer. Without answers (the browser export) the
/// path and the answer are empty: pages are found by id and already hold the answers.
package struct UnitStrings: Equatable {
    /// How many strings a unit has; the browser reads the first `count - 1` (not the answer).
    package static let count = 7

    package var id: String
    package var title: String
    package var guideTitle: String
    package var path: String
    package var anchor: String
    package var snippet: String
    package var answer: String

    package init(
        id: String, title: String, guideTitle: String, path: String, anchor: String, snippet: String,
        answer: String
    ) {
        self.id = id
        self.title = title
        self.guideTitle = guideTitle
        self.path = path
        self.anchor = anchor
        self.snippet = snippet
        self.answer = answer
    }

    /// The strings at `offset`, read no further than `end`: a damaged record gives empty strings.
    init(reading raw: UnsafeRawBufferPointer, at offset: Int, end: Int) {
        var reader = ByteReader(bytes: raw, offset: offset, end: end)
        id = reader.string()
        title = reader.string()
        guideTitle = reader.string()
        path = reader.string()
        anchor = reader.string()
        snippet = reader.string()
        answer = reader.string()
    }

    package func write(to out: inout ByteBuffer) {
        for s in [id, title, guideTitle, path, anchor, snippet, answer] { out.string(s) }
    }
}
