/// Splits UTF-8 text into lowercase, diacritic-free words with positions.
///
/// Rules, in the order they matter:
/// - letters and digits of any script make words; ASCII is lowercased by byte, Latin letters
///   with diacritics fold to ASCII (`é` → `e`, `ß` → `ss`), other scripts are lowercased;
/// - an apostrophe inside a word disappears (`don't` → `dont`, `key's` → `keys`);
/// - `.`, `-` and `_` between two word characters join a compound (`node.js`, `x-api-key`):
///   each part is a word at its own position, and the whole compound is emitted too, at the
///   position of its first part, flagged so the analyzer does not stem it;
/// - tldr-style mnemonic brackets around one to three letters inside a word vanish
///   (`E[x]tract` → `extract`, `[c]reate` → `create`);
/// - everything else (spaces, punctuation, symbols, emoji) separates words.
///
/// Works on bytes, never `Character`s: it runs over every guide at index time. The browser
/// engine ports this loop byte for byte.
public struct Tokenizer {
    /// Words longer than this (hashes, base64 blobs) are dropped: nobody searches for them.
    public static let maximumWordBytes = 64

    public init() {}

    /// Calls `emit(word, position, isCompound)` for each word of `text`, with positions from
    /// `firstPosition`; returns the next free position. `word` is valid only during the call.
    @discardableResult
    public func tokenize(
        _ text: String, firstPosition: Int = 0,
        _ emit: (_ word: UnsafeBufferPointer<UInt8>, _ position: Int, _ isCompound: Bool) -> Void
    ) -> Int {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0, firstPosition: firstPosition, emit) }
    }

    @discardableResult
    public func tokenize(
        bytes: UnsafeBufferPointer<UInt8>, firstPosition: Int = 0,
        _ emit: (_ word: UnsafeBufferPointer<UInt8>, _ position: Int, _ isCompound: Bool) -> Void
    ) -> Int {
        // The current part and the whole compound are built in two fixed buffers on the stack:
        // a word longer than `maximumWordBytes` is dropped anyway, so only its length is kept
        // past that. (Growable arrays here cost an ownership check per byte, the tokenizer's
        // main cost at index time.)
        let capacity = Tokenizer.maximumWordBytes
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * capacity) { scratch in
            let part = scratch.baseAddress!
            let whole = part + capacity
            var partCount = 0
            var wholeCount = 0
            var position = firstPosition
            var parts = 0
            var compoundStart = 0

            @inline(__always) func append(_ b: UInt8) {
                if partCount < capacity { part[partCount] = b }
                partCount += 1
                if wholeCount < capacity { whole[wholeCount] = b }
                wholeCount += 1
            }
            @inline(__always) func appendToWholeOnly(_ b: UInt8) {
                if wholeCount < capacity { whole[wholeCount] = b }
                wholeCount += 1
            }
            func endPart() {
                if partCount == 0 { return }
                if partCount <= capacity {
                    if parts == 0 { compoundStart = position }
                    emit(UnsafeBufferPointer(start: part, count: partCount), position, false)
                    position += 1
                    parts += 1
                }
                partCount = 0
            }
            func endCompound() {
                endPart()
                if parts > 1 && wholeCount <= capacity {
                    emit(UnsafeBufferPointer(start: whole, count: wholeCount), compoundStart, true)
                }
                wholeCount = 0
                parts = 0
            }

            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if isASCIIWordByte(b) {
                        append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                        i += 1
                        continue
                    }
                    let next: Int = i + 1 < n ? Int(bytes[i + 1]) : -1
                    let nextIsWord = next >= 0x80 || (next >= 0 && isASCIIWordByte(UInt8(next)))
                    if b == 0x27 && partCount > 0 && nextIsWord {
                        i += 1  // apostrophe inside a word
                        continue
                    }
                    if (b == 0x2E || b == 0x2D || b == 0x5F) && partCount > 0 && nextIsWord {
                        endPart()
                        appendToWholeOnly(b)
                        i += 1
                        continue
                    }
                    if b == 0x5B, let close = mnemonicClose(bytes, i, inWord: partCount > 0) {
                        for j in (i + 1)..<close {
                            let c = bytes[j]
                            append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                        }
                        i = close + 1
                        continue
                    }
                    endCompound()
                    i += 1
                    continue
                }
                // Multi-byte scalar.
                let (scalar, length) = decode(bytes, i)
                i += length
                if isZeroWidth(scalar) { continue }
                if scalar == 0x2019 {  // right single quotation mark used as an apostrophe
                    let next: Int = i < n ? Int(bytes[i]) : -1
                    if partCount > 0 && (next >= 0x80 || (next >= 0 && isASCIIWordByte(UInt8(next)))) {
                        continue
                    }
                    endCompound()
                    continue
                }
                if isSeparator(scalar) {
                    endCompound()
                    continue
                }
                appendFolded(scalar, append)
            }
            endCompound()
            return position
        }
    }

    @inline(__always)
    func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    /// `[x]` with one to three ASCII letters or digits, touching a word on at least one side:
    /// the index of the `]`, else nil.
    func mnemonicClose(_ bytes: UnsafeBufferPointer<UInt8>, _ open: Int, inWord: Bool) -> Int? {
        var j = open + 1
        while j < bytes.count && j - open <= 4 && isASCIIWordByte(bytes[j]) { j += 1 }
        let letters = j - open - 1
        guard letters >= 1, letters <= 3, j < bytes.count, bytes[j] == 0x5D else { return nil }
        let after = j + 1 < bytes.count && isASCIIWordByte(bytes[j + 1])
        return inWord || after ? j : nil
    }

    func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b = bytes[i]
        let n = bytes.count
        func cont(_ k: Int) -> UInt32 { i + k < n ? UInt32(bytes[i + k] & 0x3F) : 0 }
        if b & 0xE0 == 0xC0 { return ((UInt32(b & 0x1F) << 6) | cont(1), min(2, n - i)) }
        if b & 0xF0 == 0xE0 {
            return ((UInt32(b & 0x0F) << 12) | (cont(1) << 6) | cont(2), min(3, n - i))
        }
        if b & 0xF8 == 0xF0 {
            return ((UInt32(b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), min(4, n - i))
        }
        return (0xFFFD, 1)
    }

    /// Combining marks (what is left of a decomposed accent), zero-width joiners, soft hyphens
    /// and variation selectors: dropped without breaking the word.
    func isZeroWidth(_ c: UInt32) -> Bool {
        (c >= 0x300 && c <= 0x36F) || c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0xFE0F
            || c == 0x2060
    }

    /// Non-ASCII punctuation, symbols and spaces.
    func isSeparator(_ c: UInt32) -> Bool {
        (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF)
            || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F)
            || (c >= 0xFF00 && c <= 0xFF0F)
            || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0x1F000 && c <= 0x1FAFF) || c == 0xFFFD
    }

    func appendFolded(_ c: UInt32, _ append: (UInt8) -> Void) {
        if c >= 0xC0 && c < 0x250 {
            let replacement = LatinFolding.replacements[Int(c - 0xC0)]
            if !replacement.isEmpty {
                for b in replacement { append(b) }
                return
            }
        }
        guard let scalar = Unicode.Scalar(c) else { return }
        for u in scalar.properties.lowercaseMapping.utf8 { append(u) }
    }
}
