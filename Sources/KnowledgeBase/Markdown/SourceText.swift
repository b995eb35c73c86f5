/// A file's bytes split into lines, on bytes rather than `Character`s: in Swift `"\r\n"` is one
/// `Character`, so a `Character` split silently fails on CRLF files, and byte loops are many
/// times faster.
///
/// Line numbers follow cmark's rules (`\n`, `\r\n` and a lone `\r` each end a line), so a
/// line number from cmark indexes this table directly.
public struct SourceText: Sendable {
    /// The text with any UTF-8 BOM removed.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(bytes input: [UInt8]) {
        var bytes = input
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n, buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        self.lineStarts = starts
    }

    public var lineCount: Int {
        // A final line terminator does not start another line.
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 {
            return lineStarts.count - 1
        }
        return lineStarts.count
    }

    /// Byte range of 1-based `line`, without its terminator.
    public func range(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The text of 1-based `line`, without its terminator.
    public func line(_ line: Int) -> String {
        String(decoding: bytes[range(ofLine: line)], as: UTF8.self)
    }

    /// Lines `first...last` (1-based, inclusive) with their terminators normalised to `\n`,
    /// blank lines at either end dropped.
    public func text(lines first: Int, through last: Int) -> String {
        var lo = max(first, 1)
        var hi = min(last, lineCount)
        while lo <= hi, isBlank(lo) { lo += 1 }
        while hi >= lo, isBlank(hi) { hi -= 1 }
        guard lo <= hi else { return "" }
        var out: [UInt8] = []
        for l in lo...hi {
            if l > lo { out.append(0x0A) }
            out.append(contentsOf: bytes[range(ofLine: l)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public func isBlank(_ line: Int) -> Bool {
        for b in bytes[range(ofLine: line)] where b != 0x20 && b != 0x09 { return false }
        return true
    }
}
