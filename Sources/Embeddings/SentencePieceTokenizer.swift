/// Llama-2's SentencePiece BPE as Hugging Face's `tokenizers` runs it from WordLlama's tokenizer
/// JSON, on UTF-8 bytes, so that the ids are the ones the Python package gives
/// (EmbeddingsTests checks them on a fixture):
///
/// 1. The special tokens' text (`<unk>`, `<s>`, `</s>`) anywhere in the input is that token, and
///    splits the text around it (added tokens, matched before normalisation).
/// 2. Each remaining non-empty piece is normalised: `▁` is put in front and every space becomes
///    `▁` (the Prepend and Replace normalisers; there is no pre-tokenizer, so a piece is one word).
/// 3. The piece starts as one symbol per character: the character's token, or, for a character
///    the vocabulary lacks, one `<0xXX>` token per UTF-8 byte (byte fallback).
/// 4. Adjacent symbols are merged lowest rank first, leftmost first among equal ranks, through a
///    priority queue with lazy deletion exactly as `tokenizers`' `Word::merge_all` does (an entry
///    whose pair changed is skipped unless the new pair merges into the same token).
public struct SentencePieceTokenizer: Sendable {
    public let table: WordLlamaTable
    /// `▁`, the token of a space.
    let spaceToken: UInt16
    let unknownToken: UInt16
    /// The token of each ASCII character (0xFFFF: none, use byte fallback), read once so that
    /// the common case skips the vocabulary's hash table.
    let asciiTokens: [UInt16]
    /// The added tokens' texts and ids, longest first.
    let specialTokens: [(text: [UInt8], token: UInt16)]

    static let noToken: UInt16 = 0xFFFF

    public init(table: WordLlamaTable) {
        self.table = table
        func lookUp(_ text: String) -> UInt16? {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { table.token(for: UnsafeBufferPointer($0)) }
        }
        unknownToken = lookUp("<unk>") ?? 0
        spaceToken = lookUp("\u{2581}") ?? unknownToken
        asciiTokens = (0..<128).map { lookUp(String(UnicodeScalar(UInt8($0)))) ?? Self.noToken }
        specialTokens = ["<unk>", "</s>", "<s>"].compactMap { text in
            lookUp(text).map { (Array(text.utf8), $0) }
        }
    }

    /// The token ids of `text`, as `tokenizer.encode(text, add_special_tokens=False).ids`.
    public func encode(_ text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { encode($0) }
    }

    /// The token ids of UTF-8 `bytes`.
    public func encode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt16] {
        var ids: [UInt16] = []
        ids.reserveCapacity(bytes.count / 3 + 2)
        var pieceStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let special = specialToken(in: bytes, at: index) {
                encodePiece(bytes, pieceStart..<index, into: &ids)
                ids.append(special.token)
                index += special.length
                pieceStart = index
            } else {
                index += 1
            }
        }
        encodePiece(bytes, pieceStart..<bytes.count, into: &ids)
        return ids
    }

    private func specialToken(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (
        token: UInt16, length: Int
    )? {
        for special in specialTokens where start + special.text.count <= bytes.count {
            var matches = true
            for offset in 0..<special.text.count where bytes[start + offset] != special.text[offset] {
                matches = false
                break
            }
            if matches { return (special.token, special.text.count) }
        }
        return nil
    }

    private func encodePiece(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into ids: inout [UInt16]) {
        guard !range.isEmpty else { return }
        var symbols: [UInt16] = [spaceToken]
        symbols.reserveCapacity(range.count + 1)
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                let token = lead == 0x20 ? spaceToken : asciiTokens[Int(lead)]
                symbols.append(token != Self.noToken ? token : table.byteToken(lead) ?? unknownToken)
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            let end = min(index + length, range.upperBound)
            let character = UnsafeBufferPointer(rebasing: bytes[index..<end])
            if let token = table.token(for: character) {
                symbols.append(token)
            } else {
                for byte in character { symbols.append(table.byteToken(byte) ?? unknownToken) }
            }
            index = end
        }
        merge(&symbols)
        ids.append(contentsOf: symbols)
    }

    /// Merges `symbols` in place (see the type's step 4).
    private func merge(_ symbols: inout [UInt16]) {
        let count = symbols.count
        guard count > 1 else { return }
        var previous = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { buffer[index] = Int32(index) - 1 }
            initialized = count
        }
        var next = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { buffer[index] = Int32(index) + 1 }
            initialized = count
        }
        var removed = [Bool](repeating: false, count: count)
        var queue = MergeQueue()
        for position in 0..<(count - 1) {
            if let merge = table.merge(symbols[position], symbols[position + 1]) {
                queue.push(rank: merge.rank, position: position, merged: merge.merged)
            }
        }
        while let top = queue.pop() {
            let position = top.position
            if removed[position] { continue }
            let right = Int(next[position])
            if right >= count { continue }
            guard let merge = table.merge(symbols[position], symbols[right]), merge.merged == top.merged else {
                continue
            }
            symbols[position] = top.merged
            removed[right] = true
            let afterRight = Int(next[right])
            next[position] = Int32(afterRight)
            if afterRight < count { previous[afterRight] = Int32(position) }
            let left = Int(previous[position])
            if left >= 0, let merge = table.merge(symbols[left], symbols[position]) {
                queue.push(rank: merge.rank, position: left, merged: merge.merged)
            }
            if afterRight < count, let merge = table.merge(symbols[position], symbols[afterRight]) {
                queue.push(rank: merge.rank, position: position, merged: merge.merged)
            }
        }
        var kept = 0
        for index in 0..<count where !removed[index] {
            symbols[kept] = symbols[index]
            kept += 1
        }
        symbols.removeLast(count - kept)
    }
}

/// A binary min-heap of pending merges, each packed into one UInt64 (rank, then position, then
/// the merged token), so that popping gives the lowest rank and, among equal ranks, the leftmost
/// position, as `tokenizers`' `Merge` ordering does. Twenty lines here rather than a dependency
/// on swift-collections' `Heap` for faq's static binary.
struct MergeQueue {
    private var entries: [UInt64] = []

    mutating func push(rank: UInt16, position: Int, merged: UInt16) {
        entries.append(UInt64(rank) << 48 | UInt64(UInt32(truncatingIfNeeded: position)) << 16 | UInt64(merged))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if entries[parent] <= entries[child] { break }
            entries.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> (position: Int, merged: UInt16)? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            while true {
                let left = parent * 2 + 1
                if left >= entries.count { break }
                let smaller = left + 1 < entries.count && entries[left + 1] < entries[left] ? left + 1 : left
                if entries[parent] <= entries[smaller] { break }
                entries.swapAt(parent, smaller)
                parent = smaller
            }
        }
        return (Int((top >> 16) & 0xFFFF_FFFF), UInt16(truncatingIfNeeded: top))
    }
}
