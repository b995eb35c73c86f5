import KnowledgeBase

/// Which bytes of a guide are prose a reader sees as words, for rules about wording.
///
/// Excluded: the front matter, code blocks, HTML blocks, inline code spans, link and image
/// destinations, autolinks, bare URLs and inline HTML tags. Link text stays: it is read.
public struct ProseMask: Sendable {
    /// Per line (index 0 = line 1): nil when the whole line is not prose, else one flag per byte.
    private var lines: [[Bool]?]

    public init(_ guide: Guide, lines guideLines: GuideLines) {
        let count = guideLines.count
        var skip = [Bool](repeating: false, count: count + 2)
        func skipLines(_ range: ClosedRange<Int>) {
            for l in range where l >= 1 && l <= count { skip[l] = true }
        }
        if guide.frontMatterLines > 0 { skipLines(1...guide.frontMatterLines) }
        for block in guide.codeBlocks {
            let codeLines = ProseMask.lineCount(of: block.code)
            // A fence adds its opening and closing lines.
            let last = block.isFenced ? block.line + codeLines + 1 : block.line + max(codeLines, 1) - 1
            skipLines(block.line...max(block.line, last))
        }
        for html in guide.rawHTML where html.isBlock {
            skipLines(html.line...max(html.line, html.line + ProseMask.lineCount(of: html.html) - 1))
        }
        var masks: [[Bool]?] = []
        masks.reserveCapacity(count)
        for l in stride(from: 1, through: count, by: 1) {
            masks.append(skip[l] ? nil : ProseMask.inlineMask(Array(guideLines.bytes(ofLine: l))))
        }
        lines = masks
    }

    /// The prose flags of 1-based `line`, or nil when the line holds no prose.
    public func mask(line: Int) -> [Bool]? {
        guard line >= 1, line <= lines.count else { return nil }
        return lines[line - 1]
    }

    static func lineCount(of text: String) -> Int {
        var n = 0
        var last: UInt8 = 0x0A
        for b in text.utf8 {
            if b == 0x0A { n += 1 }
            last = b
        }
        return last == 0x0A ? n : n + 1
    }

    /// Marks the bytes of one line that are prose.
    static func inlineMask(_ b: [UInt8]) -> [Bool] {
        var prose = [Bool](repeating: true, count: b.count)
        func clear(_ r: Range<Int>) {
            for i in r where i < prose.count { prose[i] = false }
        }
        let backtick = UInt8(ascii: "`")
        var i = 0
        // A link reference definition: `[label]: destination "title"`.
        var lead = 0
        while lead < b.count, b[lead] == 0x20 { lead += 1 }
        if lead < b.count, b[lead] == UInt8(ascii: "["), let close = b[lead...].firstIndex(of: UInt8(ascii: "]")),
            close + 1 < b.count, b[close + 1] == UInt8(ascii: ":")
        {
            clear((close + 1)..<b.count)
            return prose
        }
        while i < b.count {
            let c = b[i]
            if c == backtick {
                // A code span: a run of n backticks up to the next run of exactly n.
                var n = 0
                while i + n < b.count, b[i + n] == backtick { n += 1 }
                var j = i + n
                var closed: Int?
                while j < b.count {
                    if b[j] == backtick {
                        var m = 0
                        while j + m < b.count, b[j + m] == backtick { m += 1 }
                        if m == n {
                            closed = j + m
                            break
                        }
                        j += m
                    } else {
                        j += 1
                    }
                }
                let end = closed ?? b.count
                clear(i..<end)
                i = end
            } else if c == UInt8(ascii: "]"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "(") {
                // A link destination, to its balancing parenthesis.
                var depth = 0
                var j = i + 1
                while j < b.count {
                    if b[j] == UInt8(ascii: "(") { depth += 1 }
                    if b[j] == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                clear((i + 1)..<min(j + 1, b.count))
                i = j + 1
            } else if c == UInt8(ascii: "<"), let close = b[i...].firstIndex(of: UInt8(ascii: ">")),
                close > i + 1, ProseMask.isTagStart(b[i + 1])
            {
                // An autolink or an inline HTML tag.
                clear(i..<(close + 1))
                i = close + 1
            } else if ProseMask.startsURL(b, at: i) {
                var j = i
                while j < b.count, b[j] != 0x20, b[j] != 0x09, b[j] != UInt8(ascii: ")") { j += 1 }
                clear(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return prose
    }

    private static func isTagStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "/") || c == UInt8(ascii: "!")
    }

    /// `scheme://…` or `www.` at `i`, at the start of a word.
    private static func startsURL(_ b: [UInt8], at i: Int) -> Bool {
        if i > 0, isWordByte(b[i - 1]) { return false }
        if b.count - i >= 4, b[i] | 0x20 == UInt8(ascii: "w"), b[i + 1] | 0x20 == UInt8(ascii: "w"),
            b[i + 2] | 0x20 == UInt8(ascii: "w"), b[i + 3] == UInt8(ascii: ".")
        {
            return true
        }
        var j = i
        while j < b.count, (b[j] | 0x20) >= 97, (b[j] | 0x20) <= 122 { j += 1 }
        return j > i && j + 2 < b.count && b[j] == UInt8(ascii: ":") && b[j + 1] == UInt8(ascii: "/")
            && b[j + 2] == UInt8(ascii: "/")
    }

    static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "_") || c >= 0x80
    }
}
