/// A set of ASCII bytes tested with a shift and a mask: the alphabets of key bodies and the
/// scanner's boundary tables. Bytes of 128 and above are never members.
struct ByteSet: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    /// Every byte of `characters` (ASCII only).
    init(_ characters: String) {
        for b in characters.utf8 { insert(b) }
    }

    init(members: some Sequence<UInt8>) {
        for m in members { insert(m) }
    }

    /// Every byte from `first` through `last`.
    init(_ range: ClosedRange<Character>) {
        guard let lo = range.lowerBound.asciiValue, let hi = range.upperBound.asciiValue else { return }
        for b in lo...hi { insert(b) }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return (low >> UInt64(byte)) & 1 == 1 }
        if byte < 128 { return (high >> UInt64(byte - 64)) & 1 == 1 }
        return false
    }

    mutating func insert(_ byte: UInt8) {
        if byte < 64 {
            low |= 1 << UInt64(byte)
        } else if byte < 128 {
            high |= 1 << UInt64(byte - 64)
        }
    }

    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.low |= other.low
        result.high |= other.high
        return result
    }

    func intersection(_ other: ByteSet) -> ByteSet {
        var result = self
        result.low &= other.low
        result.high &= other.high
        return result
    }

    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    var isEmpty: Bool { low == 0 && high == 0 }

    /// The members in ascending order.
    var members: [UInt8] { (0..<128).compactMap { contains(UInt8($0)) ? UInt8($0) : nil } }

    static let digits = ByteSet("0"..."9")
    static let lowercase = ByteSet("a"..."z")
    static let uppercase = ByteSet("A"..."Z")
    static let letters = lowercase.union(uppercase)
    static let alphanumerics = letters.union(digits)
    static let lowercaseHex = digits.union(ByteSet("a"..."f"))
    static let uppercaseHex = digits.union(ByteSet("A"..."F"))
    static let hex = lowercaseHex.union(uppercaseHex)
    /// RFC 4648 base32 as AWS uses it in access key ids.
    static let base32 = uppercase.union(ByteSet("2"..."7"))
    static let base64 = alphanumerics.union(ByteSet("+/"))
    static let base64URL = alphanumerics.union(ByteSet("-_"))
}
