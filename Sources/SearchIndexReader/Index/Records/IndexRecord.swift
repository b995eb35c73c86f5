/// A fixed-size record of the index (`UnitRecord`, `TermRecord`, `SurfaceRecord`): one type owns
/// its layout, its reading and its writing, side by side, so the builder, `SearchIndex` and the
/// browser engine (which receives the layouts from `IndexFormat.javaScriptLayout`) cannot
/// disagree on an offset.
///
/// To add a record type: conform a value type, give it a `Layout` of named byte offsets and
/// `size`, read every field in `init(reading:at:)` and write them in that order in `write(to:)`;
/// a section of such records is then read through `SearchIndex.record(_:in:)`.
package protocol IndexRecord {
    /// Bytes per record.
    static var size: Int { get }
    /// The record at `offset`, which the caller has checked lies inside `raw` with `size` bytes.
    init(reading raw: UnsafeRawBufferPointer, at offset: Int)
    /// Appends exactly `size` bytes.
    func write(to out: inout ByteBuffer)
}

extension UnsafeRawBufferPointer {
    /// The little-endian u32 at `offset`, which the caller has bounds-checked.
    @inline(__always)
    func littleEndianU32(at offset: Int) -> UInt32 {
        loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
    }

    /// The little-endian u16 at `offset`, which the caller has bounds-checked.
    @inline(__always)
    func littleEndianU16(at offset: Int) -> UInt16 {
        loadUnaligned(fromByteOffset: offset, as: UInt16.self).littleEndian
    }
}
