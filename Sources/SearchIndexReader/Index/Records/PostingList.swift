/// A term's postings in the postings section: one entry per unit that holds the term, in unit
/// order, each
///
/// ```
/// varint   unit - previous unit (the first counted from -1)
/// u8       field mask: bit f set when field f holds the term
/// then for each field in the mask: varint position count, then that many varint position
/// deltas (the first from 0)
/// ```
///
/// The builder writes the pieces as it walks a unit's sorted hits (`appendPosting`,
/// `appendCount`, `appendPositionDelta`) and joins the lists of its chunks (`appendRebased`);
/// `read` decodes a list for the ranker.
package enum PostingList {
    /// One decoded posting: the unit, and the term's positions in each field.
    package typealias Posting = (unit: Int, positions: [[Int32]])

    package static func appendPosting(unit: Int, after previous: Int, fieldMask: UInt8, to out: inout ByteBuffer) {
        out.varint(unit - previous)
        out.bytes.append(fieldMask)
    }

    package static func appendCount(_ count: Int, to out: inout ByteBuffer) { out.varint(count) }

    package static func appendPositionDelta(_ delta: Int, to out: inout ByteBuffer) { out.varint(delta) }

    /// Appends a chunk's list for one term, rewriting the first unit delta: the chunk counted it
    /// from -1, the index counts it from `last`, the term's last unit in earlier chunks (-1 when
    /// there is none, and then the bytes are already right).
    package static func appendRebased(_ list: [UInt8], after last: Int32, to out: inout ByteBuffer) {
        if last < 0 {
            out.bytes.append(contentsOf: list)
            return
        }
        var value = 0
        var shift = 0
        var i = 0
        while true {
            let b = list[i]
            value |= Int(b & 0x7F) << shift
            i += 1
            if b < 0x80 { break }
            shift += 7
        }
        out.varint(value - 1 - Int(last))
        out.bytes.append(contentsOf: list[i...])
    }

    /// The `documentCount` postings at `offset`, read no further than `end`; a damaged list
    /// stops early (never past `unitCount`, never looping on a bad count).
    static func read(
        _ raw: UnsafeRawBufferPointer, at offset: Int, end: Int, documentCount: Int, unitCount: Int
    ) -> [Posting] {
        var reader = ByteReader(bytes: raw, offset: offset, end: end)
        var out: [Posting] = []
        out.reserveCapacity(min(documentCount, unitCount))
        var unit = -1
        for _ in 0..<documentCount {
            unit &+= reader.varint()
            let mask = reader.byte()
            var positions: [[Int32]] = [[], [], [], []]
            for f in 0..<UnitRecord.fieldCount where mask & (1 << f) != 0 {
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
}
