/// Strings that code writes in pieces: a shell line continued with `\`, adjacent string
/// literals (`"ab" "cd"`, Python and C), and literals joined by `+`, `.` or `&` (JavaScript,
/// PHP, Visual Basic), on one line or over two. A key cut that way is still one key.
enum CodeContinuations {
    /// Bytes that can end a piece of a key and start the next.
    private static let keyBytes = ByteSet.alphanumerics.union(ByteSet("_-+/=."))

    /// The source with every continuation removed, mapped back to it; nil when there is none,
    /// so the caller scans nothing more.
    static func join(_ s: UnsafeBufferPointer<UInt8>) -> MappedText? {
        var text: MappedText?
        var copied = 0
        var i = 0
        let n = s.count
        while i < n {
            let b = s[i]
            guard b == UInt8(ascii: "\\") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'"), i > 0,
                keyBytes.contains(s[i - 1]), let next = continuation(s, at: i)
            else {
                i += 1
                continue
            }
            if text == nil { text = MappedText() }
            for k in copied..<i { text!.append(s[k], from: k..<(k + 1)) }
            text!.markJoin()
            copied = next
            i = next
        }
        guard var joined = text else { return nil }
        for k in copied..<n { joined.append(s[k], from: k..<(k + 1)) }
        return joined
    }

    /// Where the next piece starts when a continuation begins at `i` (a `\` or a closing
    /// quote right after a key byte), else nil.
    private static func continuation(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = s.count
        var j = i + 1
        if s[i] == UInt8(ascii: "\\") {
            if j < n, s[j] == 0x0D { j += 1 }
            guard j < n, s[j] == 0x0A else { return nil }
            j += 1
            while j < n, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
            return j < n && keyBytes.contains(s[j]) ? j : nil
        }
        let quote = s[i]
        var sawOperator = false
        var sawNewline = false
        while j < n {
            let c = s[j]
            if c == 0x20 || c == 0x09 {
                j += 1
            } else if c == 0x0A || c == 0x0D {
                if sawNewline && c == 0x0A && s[j - 1] != 0x0D { return nil }
                sawNewline = true
                j += 1
            } else if !sawOperator, c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || c == UInt8(ascii: "&") {
                sawOperator = true
                j += 1
            } else {
                break
            }
        }
        // The next piece: the same quote, then a key byte.
        guard j + 1 < n, s[j] == quote, keyBytes.contains(s[j + 1]), j > i + 1 else { return nil }
        return j + 1
    }
}
