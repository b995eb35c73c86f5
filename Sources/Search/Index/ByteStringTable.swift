import Platform

/// An open-addressing set of short byte strings (words, terms) that numbers them in the order
/// they were added: the entry number is the id the index builder uses.
///
/// Hand-written because the index builder looks up every token of every guide (about 900,000
/// on tldr): a `[String: Int32]` needs a `String` built and SipHash-ed per lookup, which was the
/// largest cost of a cold build. Here a lookup hashes the tokenizer's bytes in place (FNV-1a)
/// and compares them with the key kept in one shared arena; nothing is allocated unless the
/// key is new.
struct ByteStringTable {
    /// All keys back to back; entry `e` is `arena[offsets[e] ..< offsets[e] + lengths[e]]`.
    private(set) var arena: [UInt8] = []
    private var offsets: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    /// Entry index + 1 per bucket, 0 for empty; the count is a power of two.
    private var buckets: [Int32]

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        buckets = [Int32](repeating: 0, count: size)
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { offsets.count }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in key {
            h ^= UInt32(b)
            h = h &* 0x0100_0193
        }
        return h
    }

    /// The entry holding `key`, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        let mask = buckets.count - 1
        var slot = Int(hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let stored = Int(buckets[slot])
                if stored == 0 { return nil }
                let e = stored - 1
                if hashes[e] == hash && Int(lengths[e]) == key.count {
                    let start = Int(offsets[e])
                    if key.count == 0
                        || memcmp(arena.baseAddress! + start, key.baseAddress!, key.count) == 0
                    {
                        return e
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `key` (which must not be present); returns its entry.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        if (count + 1) * 2 > buckets.count { grow() }
        let e = count
        offsets.append(Int32(arena.count))
        lengths.append(Int32(key.count))
        hashes.append(hash)
        arena.append(contentsOf: key)
        place(e)
        return e
    }

    /// The key of entry `e`, as a copy.
    func key(_ e: Int) -> [UInt8] {
        let start = Int(offsets[e])
        return Array(arena[start..<(start + Int(lengths[e]))])
    }

    /// Calls `body` with the key of entry `e` in place.
    func withKey<R>(_ e: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(offsets[e])
        let length = Int(lengths[e])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<(start + length)])) }
    }

    private mutating func place(_ e: Int) {
        let mask = buckets.count - 1
        var slot = Int(hashes[e]) & mask
        while buckets[slot] != 0 { slot = (slot + 1) & mask }
        buckets[slot] = Int32(e + 1)
    }

    private mutating func grow() {
        buckets = [Int32](repeating: 0, count: buckets.count * 2)
        for e in 0..<count { place(e) }
    }
}
