/// Standard base64 (RFC 4648) with padding.
enum Base64 {
    static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the encoding of `bytes` to `out`: sized once, then filled through pointers (the
    /// site's index is megabytes; an append per character cost more than the index's merge).
    static func encode(_ bytes: [UInt8], into out: inout [UInt8]) {
        let n = bytes.count
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: (n + 2) / 3 * 4))
        bytes.withUnsafeBufferPointer { src in
            alphabet.withUnsafeBufferPointer { table in
                out.withUnsafeMutableBufferPointer { dst in
                    var i = 0
                    var o = start
                    while i + 2 < n {
                        let v = UInt32(src[i]) << 16 | UInt32(src[i + 1]) << 8 | UInt32(src[i + 2])
                        dst[o] = table[Int(v >> 18)]
                        dst[o + 1] = table[Int((v >> 12) & 63)]
                        dst[o + 2] = table[Int((v >> 6) & 63)]
                        dst[o + 3] = table[Int(v & 63)]
                        i += 3
                        o += 4
                    }
                    if n - i == 1 {
                        let v = UInt32(src[i]) << 16
                        dst[o] = table[Int(v >> 18)]
                        dst[o + 1] = table[Int((v >> 12) & 63)]
                        dst[o + 2] = 0x3D
                        dst[o + 3] = 0x3D
                    } else if n - i == 2 {
                        let v = UInt32(src[i]) << 16 | UInt32(src[i + 1]) << 8
                        dst[o] = table[Int(v >> 18)]
                        dst[o + 1] = table[Int((v >> 12) & 63)]
                        dst[o + 2] = table[Int((v >> 6) & 63)]
                        dst[o + 3] = 0x3D
                    }
                }
            }
        }
    }
}
