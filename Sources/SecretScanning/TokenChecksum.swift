/// The checksum GitHub (and npm) append to their tokens: the CRC32 (IEEE) of the 30 random
/// characters, written as 6 base62 digits (`0-9A-Za-z`, most significant first, zero-padded).
///
/// A token whose checksum is valid was almost certainly issued by GitHub: a made-up body
/// matches its own checksum with probability 1 in 4 billion.
enum TokenChecksum {
    static let base62Digits = Array(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32/ISO-HDLC, the one zlib, PNG and GitHub use.
    static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// `value` in base62, left-padded with `0` to `width` digits.
    static func base62(_ value: UInt32, width: Int = 6) -> [UInt8] {
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(base62Digits[Int(v % 62)])
            v /= 62
        } while v > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        return digits.reversed()
    }

    /// True when the last 6 characters of `body` are the base62 CRC32 of the rest.
    static func isValid(_ body: some Collection<UInt8>) -> Bool {
        let bytes = Array(body)
        guard bytes.count > 6 else { return false }
        let payload = bytes[..<(bytes.count - 6)]
        return base62(crc32(payload)) == Array(bytes[(bytes.count - 6)...])
    }
}
