import KnowledgeBase

/// A guide's source split into lines, for rules that point at a column or scan text.
///
/// Columns are 1-based and counted in Unicode scalars (SARIF's `unicodeCodePoints`), which is
/// what editors show for all but a few combined emoji.
public struct GuideLines: Sendable {
    public let text: SourceText

    public init(_ guide: Guide) {
        text = SourceText(bytes: Array(guide.source.utf8))
    }

    public var count: Int { text.lineCount }

    /// The bytes of 1-based `line`, without its terminator.
    public func bytes(ofLine line: Int) -> ArraySlice<UInt8> {
        text.bytes[text.range(ofLine: line)]
    }

    /// The column of byte `offset` within `line` (0 = the line's first byte).
    public func column(line: Int, byteOffset offset: Int) -> Int {
        let range = text.range(ofLine: line)
        var column = 1
        var i = range.lowerBound
        let end = min(range.lowerBound + offset, range.upperBound)
        while i < end {
            // Count bytes that start a scalar (everything but UTF-8 continuation bytes).
            if text.bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// Where `needle` first occurs on `line` or on one of the `following` lines after it, as a
    /// line and column. Used to point at a link target or HTML tag: cmark's positions inside
    /// paragraphs are not exact, but the source always holds the text.
    public func locate(_ needle: String, from line: Int, following: Int = 3) -> (line: Int, column: Int)? {
        var cursor = SearchCursor()
        return locate(needle, from: line, following: following, after: &cursor)
    }

    /// Where one search stopped, so that a second link with the same target on one line is
    /// found at its own place, not at the first one's.
    public struct SearchCursor: Sendable {
        var line = 0
        var byte = 0
        public init() {}
        init(line: Int, byte: Int) {
            self.line = line
            self.byte = byte
        }
    }

    /// Like `locate(_:from:following:)`, starting after the previous match recorded in `cursor`.
    public func locate(_ needle: String, from line: Int, following: Int = 3, after cursor: inout SearchCursor)
        -> (line: Int, column: Int)?
    {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return nil }
        var l = max(line, 1, cursor.line)
        let last = min(line + following, count)
        while l <= last {
            var bytes = bytes(ofLine: l)
            let skip = l == cursor.line ? cursor.byte : 0
            bytes = bytes.dropFirst(skip)
            if let offset = GuideLines.firstIndex(of: pattern, in: bytes) {
                cursor = SearchCursor(line: l, byte: skip + offset + pattern.count)
                return (l, column(line: l, byteOffset: skip + offset))
            }
            l += 1
        }
        return nil
    }

    /// The column where a heading's text starts (after `#` marks and spaces).
    public func headingTextColumn(line: Int) -> Int {
        let bytes = bytes(ofLine: line)
        var i = bytes.startIndex
        while i < bytes.endIndex, bytes[i] == 0x20 { i += 1 }
        let hashes = i
        while i < bytes.endIndex, bytes[i] == UInt8(ascii: "#") { i += 1 }
        if i == hashes { return column(line: line, byteOffset: hashes - bytes.startIndex) }
        while i < bytes.endIndex, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return column(line: line, byteOffset: i - bytes.startIndex)
    }

    /// Offset (from the slice's start) of the first occurrence of `pattern` in `bytes`.
    static func firstIndex(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        let first = pattern[0]
        var i = bytes.startIndex
        let end = bytes.endIndex - pattern.count
        while i <= end {
            if bytes[i] == first {
                var j = 1
                while j < pattern.count, bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return i - bytes.startIndex }
            }
            i += 1
        }
        return nil
    }
}
