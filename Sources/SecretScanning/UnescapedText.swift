/// A guide's bytes as a reader sees the characters of a key: Markdown backslash escapes
/// (`sk\_live\_…` renders as `sk_live_…`), character references for ASCII punctuation
/// (`&#95;`, `&#x5F;`, `&lowbar;`, `&quot;`, `&amp;`) and URL percent-escapes of the
/// punctuation keys are made of (`%2F`, `%2B`, `%3D`, `%5F`, `%2D`, `%2E`: a base64 key in a
/// query string) resolved, with a map back to the original offsets so that findings point at
/// the file as written.
///
/// Escapes are resolved everywhere, code included: a key written with backslashes in a code
/// block is just as leaked.
struct UnescapedText: Sendable {
    let bytes: [UInt8]
    /// Offsets in `bytes` from which the original is `shifts[i]` bytes further on.
    private let breaks: [Int]
    private let shifts: [Int]

    /// Nil when the text contains nothing to resolve, so the caller scans the original.
    init?(_ source: UnsafeBufferPointer<UInt8>) {
        let n = source.count
        var i = 0
        var first = -1
        while i < n {
            let b = source[i]
            if b == UInt8(ascii: "\\") || b == UInt8(ascii: "&") || b == UInt8(ascii: "%"),
                Self.escape(in: source, at: i) != nil
            {
                first = i
                break
            }
            i += 1
        }
        guard first >= 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        out.append(contentsOf: source[0..<first])
        var breaks: [Int] = []
        var shifts: [Int] = []
        var shift = 0
        i = first
        while i < n {
            let b = source[i]
            if b == UInt8(ascii: "\\") || b == UInt8(ascii: "&") || b == UInt8(ascii: "%"),
                let (byte, length) = Self.escape(in: source, at: i)
            {
                out.append(byte)
                shift += length - 1
                breaks.append(out.count)
                shifts.append(shift)
                i += length
            } else {
                out.append(b)
                i += 1
            }
        }
        self.bytes = out
        self.breaks = breaks
        self.shifts = shifts
    }

    /// The offset in the original text of offset `i` here.
    func originalOffset(_ i: Int) -> Int {
        var lo = 0
        var hi = breaks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if breaks[mid] <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? i : i + shifts[lo - 1]
    }

    /// The character an escape at `i` stands for and the escape's length in bytes.
    static func escape(in s: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt8, Int)? {
        let n = s.count
        if s[i] == UInt8(ascii: "\\") {
            guard i + 1 < n, isASCIIPunctuation(s[i + 1]) else { return nil }
            return (s[i + 1], 2)
        }
        if s[i] == UInt8(ascii: "%") {
            // Only the punctuation of key alphabets: decoding `%20` or `%26` would change
            // where words and query parameters end.
            guard i + 2 < n, let high = digit(s[i + 1], hex: true), let low = digit(s[i + 2], hex: true) else {
                return nil
            }
            let byte = UInt8(high * 16 + low)
            return percentDecoded.contains(byte) ? (byte, 3) : nil
        }
        // &#95; &#x5F; &lowbar; &UnderBar;
        guard i + 3 < n else { return nil }
        if s[i + 1] == UInt8(ascii: "#") {
            var j = i + 2
            let isHex = s[j] == UInt8(ascii: "x") || s[j] == UInt8(ascii: "X")
            if isHex { j += 1 }
            var value = 0
            let start = j
            while j < n, j - start < 6 {
                let c = s[j]
                if let d = digit(c, hex: isHex) {
                    value = value * (isHex ? 16 : 10) + d
                } else {
                    break
                }
                j += 1
            }
            guard j > start, j < n, s[j] == UInt8(ascii: ";"), value > 0x20, value < 0x7F else {
                return nil
            }
            return (UInt8(value), j + 1 - i)
        }
        for (name, byte) in namedReferences where i + name.count <= n {
            var same = true
            for (k, c) in name.enumerated() where s[i + k] != c {
                same = false
                break
            }
            if same { return (byte, name.count) }
        }
        return nil
    }

    private static let percentDecoded: Set<UInt8> = Set("/+=_-.".utf8)

    private static let namedReferences: [([UInt8], UInt8)] = [
        (Array("&lowbar;".utf8), UInt8(ascii: "_")), (Array("&UnderBar;".utf8), UInt8(ascii: "_")),
        (Array("&period;".utf8), UInt8(ascii: ".")), (Array("&quot;".utf8), UInt8(ascii: "\"")),
        (Array("&apos;".utf8), UInt8(ascii: "'")), (Array("&amp;".utf8), UInt8(ascii: "&")),
        (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
    ]

    private static func digit(_ c: UInt8, hex: Bool) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return Int(c - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// CommonMark's escapable characters: ASCII punctuation.
    private static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60)
            || (c >= 0x7B && c <= 0x7E)
    }
}
