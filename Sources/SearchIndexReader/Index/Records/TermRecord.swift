/// One analysed term in the terms section, which is sorted bytewise by the term's text:
///
/// ```
/// 0   u32   offset of the term's text in the strings section
/// 4   u32   offset of its `PostingList` in the postings section
/// 8   u32   text length (u8, terms are at most 64 bytes) | document count << 8
/// ```
package struct TermRecord: IndexRecord, Equatable {
    package enum Layout {
        package static let string = 0
        package static let postings = 4
        package static let lengthAndCount = 8
    }
    package static let size = 12

    package var stringOffset: Int
    package var postingsOffset: Int
    package var length: Int
    package var documentCount: Int

    package init(stringOffset: Int, postingsOffset: Int, length: Int, documentCount: Int) {
        self.stringOffset = stringOffset
        self.postingsOffset = postingsOffset
        self.length = length
        self.documentCount = documentCount
    }

    package init(reading raw: UnsafeRawBufferPointer, at offset: Int) {
        stringOffset = Int(raw.littleEndianU32(at: offset + Layout.string))
        postingsOffset = Int(raw.littleEndianU32(at: offset + Layout.postings))
        let lengthAndCount = raw.littleEndianU32(at: offset + Layout.lengthAndCount)
        length = Int(lengthAndCount & 0xFF)
        documentCount = Int(lengthAndCount >> 8)
    }

    package func write(to out: inout ByteBuffer) {
        out.u32(UInt32(stringOffset))
        out.u32(UInt32(postingsOffset))
        out.u32(UInt32(length) | UInt32(documentCount) << 8)
    }
}

/// One surface word (a word as written in the guides, not a stop word) in the surfaces section,
/// sorted bytewise: for typo tolerance and "did you mean".
///
/// ```
/// 0   u32   offset of the word in the strings section
/// 4   u32   its length in bytes
/// 8   u32   the index of the term it was indexed under
/// ```
package struct SurfaceRecord: IndexRecord, Equatable {
    package enum Layout {
        package static let string = 0
        package static let length = 4
        package static let term = 8
    }
    package static let size = 12

    package var stringOffset: Int
    package var length: Int
    package var term: Int

    package init(stringOffset: Int, length: Int, term: Int) {
        self.stringOffset = stringOffset
        self.length = length
        self.term = term
    }

    package init(reading raw: UnsafeRawBufferPointer, at offset: Int) {
        stringOffset = Int(raw.littleEndianU32(at: offset + Layout.string))
        length = Int(raw.littleEndianU32(at: offset + Layout.length))
        term = Int(raw.littleEndianU32(at: offset + Layout.term))
    }

    package func write(to out: inout ByteBuffer) {
        out.u32(UInt32(stringOffset))
        out.u32(UInt32(length))
        out.u32(UInt32(term))
    }
}
