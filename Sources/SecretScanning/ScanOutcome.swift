/// What a detector made of the bytes at one position.
enum ScanOutcome: Sendable {
    /// A realistic credential.
    case secret(SecretMatch)
    /// The prefix matched and the rest is a placeholder or masked: nothing to report, and the
    /// scan resumes at `end`.
    case placeholder(end: Int)
    /// The prefix matched but what follows does not have the format's shape (too short or too
    /// long, other bytes, a `{"…` header that decodes to binary): nothing to report either, and
    /// the scan resumes at `end`, but a value assigned to a secret's name is then judged as a
    /// plain value. Random values start with a 3- or 4-byte prefix (`eyJ`, `hf_`, `AKIA`) once in
    /// some 10⁵ to 10⁷, and must not pass as that format's placeholders.
    case wrongShape(end: Int)
}

/// Byte-level helpers shared by the detectors.
enum Bytes {
    static let word = ByteSet.alphanumerics.union(ByteSet("_"))

    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool { ByteSet.alphanumerics.contains(b) }

    /// End of the run of `alphabet` bytes starting at `start`, looking at most `limit` bytes.
    static func run(
        _ s: UnsafeBufferPointer<UInt8>, from start: Int, in alphabet: ByteSet, limit: Int = .max
    ) -> Int {
        var j = start
        let stop = limit == .max ? s.count : min(s.count, start &+ limit)
        while j < stop, alphabet.contains(s[j]) { j += 1 }
        return j
    }

    static func hasPrefix(_ s: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], at i: Int) -> Bool {
        guard i + prefix.count <= s.count else { return false }
        for k in 0..<prefix.count where s[i + k] != prefix[k] { return false }
        return true
    }

    /// True when what follows `end` masks or truncates the token the way dashboards and
    /// careful writers do: `…`, `...`, `***`, `•••`.
    static func isMasked(_ s: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        guard end < s.count else { return false }
        let b = s[end]
        if b == UInt8(ascii: "*") { return true }
        if b == UInt8(ascii: "."), end + 1 < s.count, s[end + 1] == UInt8(ascii: ".") { return true }
        if b == 0xE2, end + 2 < s.count, s[end + 1] == 0x80, s[end + 2] == 0xA6 || s[end + 2] == 0xA2 {
            return true
        }
        return false
    }

    static func contains(_ haystack: some Collection<UInt8>, _ needle: [UInt8]) -> Bool {
        let h = Array(haystack)
        guard !needle.isEmpty, needle.count <= h.count else { return needle.isEmpty }
        outer: for i in 0...(h.count - needle.count) {
            for k in 0..<needle.count where h[i + k] != needle[k] { continue outer }
            return true
        }
        return false
    }
}
