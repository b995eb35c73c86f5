/// Text assembled from pieces of a source (the literal text of Markdown inline runs, or code
/// with its line continuations joined), with, for every byte, the source bytes it came from.
///
/// A key can be one word on the page and several pieces in the file: `sk_live_**ab**cd`,
/// `sk&#95;live…`, a string cut over two lines with `\` or `" +`. Scanning the assembled text
/// finds it; the map turns the match back into a range of the file as written.
public struct MappedText: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Source range of each byte: `starts[i]..<ends[i]` (longer than one byte for an escape).
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// Indices in `bytes` where two pieces that were apart in the source meet (a soft line
    /// break removed, a continuation joined). Empty unless the text was built with joins.
    public private(set) var joins: [Int] = []

    public init() {}

    public var isEmpty: Bool { bytes.isEmpty }

    /// Appends one byte that stands for `source` in the original.
    public mutating func append(_ byte: UInt8, from source: Range<Int>) {
        bytes.append(byte)
        starts.append(source.lowerBound)
        ends.append(source.upperBound)
    }

    /// Appends `source[range]` as it is, each byte standing for itself: the common case of a
    /// literal that is the file's own bytes, in one bulk copy per array rather than three
    /// appends per byte (a tenth of `kb lint`'s time on tldr went to those).
    public mutating func appendVerbatim(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
        starts.append(contentsOf: range)
        ends.append(contentsOf: (range.lowerBound + 1)...range.upperBound)
    }

    /// Marks the current end as the place where two separate pieces meet.
    public mutating func markJoin() {
        if joins.last != bytes.count { joins.append(bytes.count) }
    }

    /// The source range of bytes `range` of this text.
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        starts[range.lowerBound]..<ends[range.upperBound - 1]
    }

    /// True when bytes `range` are the source's bytes of `sourceRange(of:)`, one for one: no
    /// escape, no markup and no line break in between, so the span can be replaced as it is.
    public func isVerbatim(_ range: Range<Int>) -> Bool {
        var expected = starts[range.lowerBound]
        for i in range {
            guard starts[i] == expected, ends[i] == expected + 1 else { return false }
            expected += 1
        }
        return true
    }

    /// True when `range` crosses a join (a match that only the joining produced).
    func crossesJoin(_ range: Range<Int>) -> Bool {
        var lo = 0
        var hi = joins.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if joins[mid] <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < joins.count && joins[lo] < range.upperBound
    }
}

/// Markdown's ways of writing one ASCII character with several (`\_`, `&#95;`, `&lowbar;`),
/// exposed so that text assembled elsewhere can be aligned with the source it came from.
public enum MarkdownEscapes {
    /// The character an escape or character reference at `i` stands for, and its length.
    public static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (byte: UInt8, length: Int)? {
        let b = s[i]
        guard b == UInt8(ascii: "\\") || b == UInt8(ascii: "&") else { return nil }
        return UnescapedText.escape(in: s, at: i).map { (byte: $0.0, length: $0.1) }
    }
}
