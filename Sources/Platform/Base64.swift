/// Base64 (RFC 4648): the site ships its search index as base64 text (`atob` in the browser),
/// OpenAI's key marker is the base64 of "OpenAI" (computed, so it never appears literally in
/// the repository), and a JSON Web Token's parts are base64url.
///
/// Hand-written rather than Foundation's `Data.base64EncodedString`: `faq` and the secret
/// scanner link no Foundation, and the site's index is megabytes encoded through pointers.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the standard encoding of `bytes` (with `=` padding) to `out`: sized once, then
    /// filled through pointers (an append per character cost more than the site index's merge).
    /// The new array is filled in place, uninitialised, rather than grown by appending
    /// `repeatElement(0, count:)` and overwritten: in a debug build that append walks the
    /// repetition through generic indices, and took 1.6 s of a 1.8 s `kb build` once the site
    /// shipped the 10 MB word-vector table.
    public static func encode(_ bytes: [UInt8], into out: inout [UInt8]) {
        let n = bytes.count
        let prefix = out
        let start = prefix.count
        let length = (n + 2) / 3 * 4
        // The caller's reserved capacity is kept, for what it appends next.
        out = [UInt8](unsafeUninitializedCapacity: max(prefix.capacity, start + length)) { dst, count in
            prefix.withUnsafeBufferPointer { old in
                if start > 0 { dst.baseAddress!.initialize(from: old.baseAddress!, count: start) }
            }
            bytes.withUnsafeBufferPointer { src in
                alphabet.withUnsafeBufferPointer { table in
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
            count = start + length
        }
    }

    /// The standard encoding of `bytes`, with `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        encode(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base64 or base64url, padded or not; nil on any byte outside both alphabets.
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3 + 2)
        var buffer: UInt32 = 0
        var bits = 0
        for b in text {
            let value: UInt32
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(b - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(b - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(b - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }
}
