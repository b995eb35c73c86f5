import Platform
import WordLlamaData

/// A reason a `.kbwl` table cannot be read.
public enum WordLlamaTableError: Error, Equatable, CustomStringConvertible {
    case tooShort(Int)
    case notATable
    case unsupportedVersion(UInt32)
    case sectionOutOfBounds(String)

    public var description: String {
        switch self {
        case .tooShort(let length): "word vector table: \(length) bytes, too short for its header"
        case .notATable: "word vector table: no KBWL header"
        case .unsupportedVersion(let version): "word vector table: version \(version), expected 1"
        case .sectionOutOfBounds(let name): "word vector table: the \(name) section lies outside the file"
        }
    }
}

/// The WordLlama word vectors and tokenizer tables, read in place from one `.kbwl` file (layout:
/// scripts/wordllama.py). Reading checks the header once; after that every lookup is a few loads
/// from mapped memory, so the 10 MB table is never parsed or copied.
public struct WordLlamaTable: @unchecked Sendable {
    // @unchecked: `bytes` points at immutable memory (the binary's read-only data, or a buffer
    // the caller keeps alive and never writes), so sharing it across threads is safe.

    /// The table compiled into the binary (Sources/WordLlamaData).
    public static let builtIn: WordLlamaTable = {
        let bytes = UnsafeRawBufferPointer(start: kb_wordllama_bytes(), count: kb_wordllama_size())
        do {
            return try WordLlamaTable(bytes: bytes)
        } catch {
            // The bytes are the committed file, checked by EmbeddingsTests: a failure here is a
            // broken build, not bad input.
            fatalError("\(error)")
        }
    }()

    static let magic: UInt32 = 0x4C57_424B  // "KBWL"
    static let headerWords = 16
    static let emptyMerge: UInt32 = 0xFFFF_FFFF

    public let tokenCount: Int
    public let dimensions: Int
    let bytes: UnsafeRawBufferPointer
    let scales: UnsafePointer<Float32>
    let vectors: UnsafePointer<Int8>
    let byteTokens: UnsafePointer<UInt16>
    let textOffsets: UnsafePointer<UInt32>
    let texts: UnsafePointer<UInt8>
    let textByteCount: Int
    let vocabularySlots: UnsafePointer<UInt32>
    let vocabularyMask: UInt32
    let mergeSlots: UnsafePointer<UInt32>
    let mergeMask: UInt32
    let mergeShift: UInt32

    /// Reads the header of `bytes`, which must stay valid and unchanged while the table is used.
    /// The sections must be 4-byte aligned in memory (the file aligns them to 64 from its start).
    public init(bytes: UnsafeRawBufferPointer) throws(WordLlamaTableError) {
        guard let base = bytes.baseAddress, bytes.count >= Self.headerWords * 4 else {
            throw .tooShort(bytes.count)
        }
        func word(_ index: Int) -> UInt32 {
            UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
        }
        guard word(0) == Self.magic else { throw .notATable }
        guard word(1) == 1 else { throw .unsupportedVersion(word(1)) }
        let tokens = Int(word(2))
        let dimensions = Int(word(3))
        let vocabularySlotCount = Int(word(5))
        let mergeSlotCount = Int(word(6))
        guard tokens > 0, tokens <= 0xFFFF, dimensions > 0, dimensions <= 4096,
            vocabularySlotCount.nonzeroBitCount == 1, vocabularySlotCount > tokens,
            mergeSlotCount.nonzeroBitCount == 1, mergeSlotCount >= 2
        else { throw .notATable }
        guard Int(word(14)) == bytes.count else { throw .sectionOutOfBounds("file length") }
        let textBytes = Int(word(12)) - Int(word(11))
        let sections: [(name: String, word: Int, length: Int)] = [
            ("scales", 7, tokens * 4), ("vectors", 8, tokens * dimensions), ("byte ids", 9, 512),
            ("text offsets", 10, (tokens + 1) * 4), ("texts", 11, max(0, textBytes)),
            ("vocabulary", 12, vocabularySlotCount * 4), ("merges", 13, mergeSlotCount * 8),
        ]
        for section in sections {
            let start = Int(word(section.word))
            guard start % 4 == 0, start >= Self.headerWords * 4, start + section.length <= bytes.count,
                (Int(bitPattern: base) + start) % 4 == 0
            else { throw .sectionOutOfBounds(section.name) }
        }
        func pointer<T>(_ index: Int, _: T.Type) -> UnsafePointer<T> {
            (base + Int(word(index))).assumingMemoryBound(to: T.self)
        }
        self.bytes = bytes
        self.tokenCount = tokens
        self.dimensions = dimensions
        scales = pointer(7, Float32.self)
        vectors = pointer(8, Int8.self)
        byteTokens = pointer(9, UInt16.self)
        textOffsets = pointer(10, UInt32.self)
        texts = pointer(11, UInt8.self)
        vocabularySlots = pointer(12, UInt32.self)
        vocabularyMask = UInt32(vocabularySlotCount - 1)
        mergeSlots = pointer(13, UInt32.self)
        mergeMask = UInt32(mergeSlotCount - 1)
        mergeShift = UInt32(32 - mergeSlotCount.trailingZeroBitCount)
        textByteCount = textBytes
    }

    /// Rows of vectors in one part of the table as the browser loads it.
    public static let browserVectorPartRows = 2048

    /// The table cut into the parts the browser loads on demand (Browser/wordllama.js): part 0
    /// is the header and the row scales, part 1 the tokenizer's sections, and each further part
    /// `browserVectorPartRows` rows of vectors. Each part is a byte range of the file.
    public var browserParts: [UnsafeRawBufferPointer] {
        let vectorsStart = UnsafeRawPointer(vectors) - bytes.baseAddress!
        let vectorsEnd = vectorsStart + tokenCount * dimensions
        var parts = [
            UnsafeRawBufferPointer(rebasing: bytes[0..<vectorsStart]),
            UnsafeRawBufferPointer(rebasing: bytes[vectorsEnd..<bytes.count]),
        ]
        let step = Self.browserVectorPartRows * dimensions
        for start in stride(from: vectorsStart, to: vectorsEnd, by: step) {
            parts.append(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + step, vectorsEnd)]))
        }
        return parts
    }

    /// The UTF-8 text of `token` (`▁` for a space, `<0x0A>` for a fallback byte).
    public func text(of token: Int) -> UnsafeBufferPointer<UInt8> {
        // Clamped here rather than checked for all 32,001 offsets when the table opens, which
        // would cost every faq run 0.3 M instructions.
        let start = min(Int(UInt32(littleEndian: textOffsets[token])), textByteCount)
        let end = min(max(Int(UInt32(littleEndian: textOffsets[token + 1])), start), textByteCount)
        return UnsafeBufferPointer(start: texts + start, count: end - start)
    }

    /// The token whose text is exactly `text`, if the vocabulary has one.
    public func token(for text: UnsafeBufferPointer<UInt8>) -> UInt16? {
        var hash: UInt32 = 0x811C_9DC5  // FNV-1a, as scripts/wordllama.py stores the slots
        for byte in text { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        var slot = hash & vocabularyMask
        while true {
            let entry = UInt32(littleEndian: vocabularySlots[Int(slot)])
            if entry == 0 { return nil }
            let token = Int(entry - 1)
            if token < tokenCount {
                let candidate = self.text(of: token)
                if candidate.count == text.count
                    && (text.isEmpty || memcmp(candidate.baseAddress!, text.baseAddress!, text.count) == 0)
                {
                    return UInt16(token)
                }
            }
            slot = (slot + 1) & vocabularyMask
        }
    }

    /// The token for a byte the vocabulary has no character for (SentencePiece's byte fallback).
    @inline(__always) func byteToken(_ byte: UInt8) -> UInt16? {
        let token = UInt16(littleEndian: byteTokens[Int(byte)])
        return Int(token) < tokenCount ? token : nil
    }

    /// The rank and the merged token of the pair (`left`, `right`), if the tokenizer merges it.
    @inline(__always) func merge(_ left: UInt16, _ right: UInt16) -> (rank: UInt16, merged: UInt16)? {
        let key = UInt32(left) << 16 | UInt32(right)
        var slot = (key &* 0x9E37_79B1) >> mergeShift
        while true {
            let stored = UInt32(littleEndian: mergeSlots[Int(slot) * 2])
            if stored == key {
                let value = UInt32(littleEndian: mergeSlots[Int(slot) * 2 + 1])
                let merged = UInt16(truncatingIfNeeded: value)
                return Int(merged) < tokenCount ? (UInt16(truncatingIfNeeded: value >> 16), merged) : nil
            }
            if stored == Self.emptyMerge { return nil }
            slot = (slot + 1) & mergeMask
        }
    }

    /// Adds `token`'s vector to `sum` (which has `dimensions` elements).
    @inline(__always) func accumulate(_ token: UInt16, into sum: UnsafeMutablePointer<Float>) {
        let scale = Float(Float32(bitPattern: UInt32(littleEndian: scales[Int(token)].bitPattern)))
        let row = vectors + Int(token) * dimensions
        for index in 0..<dimensions {
            sum[index] += scale * Float(row[index])
        }
    }
}
