/// Sequential reads with bounds checks; a read past the end sets `failed` and returns zeros.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    let end: Int
    var failed = false

    init(bytes: UnsafeRawBufferPointer, offset: Int, end: Int) {
        self.bytes = bytes
        self.offset = offset
        self.end = min(end, bytes.count)
        if offset < 0 || offset > self.end { failed = true }
    }

    mutating func byte() -> Int {
        guard !failed, offset < end else {
            failed = true
            return 0
        }
        defer { offset += 1 }
        return Int(bytes[offset])
    }

    mutating func varint() -> Int {
        var result = 0
        var shift = 0
        while shift < 63 {
            let b = byte()
            if failed { return 0 }
            result |= (b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
        failed = true
        return 0
    }

    mutating func string() -> String {
        let n = varint()
        guard !failed, n >= 0, offset + n <= end else {
            failed = true
            return ""
        }
        defer { offset += n }
        return String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
    }
}
