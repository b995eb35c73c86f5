import CCmark
import KnowledgeBase
import SecretScanning

/// The words of a guide's paragraphs and headings as a reader sees them, each byte mapped back
/// to the source bytes it came from: what `realistic-secret` scans besides the file itself.
///
/// Inline markup cuts a word into several cmark nodes and hides it behind delimiters the file
/// scan cannot see past: `**sk_live_…**` (a trailing `*` reads as a mask), `sk_live_ab*cd*ef`,
/// `` `sk_` `live…` ``, `sk_<b>live</b>…`, a link's text. Joining the literal text of each
/// block's inline nodes (text and code spans; emphasis, links and inline HTML add nothing
/// between them) gives back the word; cmark's inline source positions, and a byte-by-byte
/// alignment that understands backslash escapes and character references, give its place.
///
/// Two texts are built in the same walk: `lines`, where a soft line break is a line break,
/// and `joined`, where it is nothing (a key wrapped over two lines of a paragraph), with the
/// join points marked so that only matches crossing one are taken from it.
struct InlineText {
    var lines = MappedText()
    var joined = MappedText()

    /// Nil when cmark cannot parse the text (never expected: cmark accepts any input).
    init?(_ guide: Guide, source: SourceText) {
        // The front matter, blanked to spaces so that offsets and line numbers stay the file's.
        var input = source.bytes
        if guide.frontMatterLines > 0, guide.frontMatterLines < source.lineStarts.count {
            for i in 0..<source.lineStarts[guide.frontMatterLines] where input[i] != 0x0A && input[i] != 0x0D {
                input[i] = 0x20
            }
        }
        let root: OpaquePointer? = input.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }
        guard let root else { return nil }
        defer { cmark_node_free(root) }
        source.bytes.withUnsafeBufferPointer { walk(root, source: $0, lineStarts: source.lineStarts) }
    }

    private mutating func walk(_ root: OpaquePointer, source: UnsafeBufferPointer<UInt8>, lineStarts: [Int]) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        /// The source offset of a 1-based line and byte column, clamped to the file.
        func offset(line: Int32, column: Int32) -> Int {
            guard line >= 1, Int(line) <= lineStarts.count else { return source.count }
            return min(source.count, lineStarts[Int(line) - 1] + max(0, Int(column) - 1))
        }
        var cursor = 0
        // Alignment may run to the end of the file: cmark does not extend a paragraph's end
        // line over lazy continuation lines (`> a` then `b`), and each node restarts the
        // alignment at its own position anyway.
        let blockEnd = source.count
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            let startLine = cmark_node_get_start_line(node)
            if event == CMARK_EVENT_EXIT {
                switch type {
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                    separate(at: min(cursor, max(source.count - 1, 0)))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    // Past the destination and title, which the file scan covers.
                    let end = offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node))
                    cursor = max(cursor, min(end + 1, blockEnd))
                default: break
                }
                continue
            }
            switch type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                cursor = offset(line: startLine, column: cmark_node_get_start_column(node))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    // cmark gives a lazy continuation line (`> a` then `b`) its container's
                    // indent as column: where the node's first bytes are not at its column,
                    // the alignment starts at the line's start instead.
                    var start = offset(line: startLine, column: cmark_node_get_start_column(node))
                    if !Self.startsAt(literal, source, start) { start = offset(line: startLine, column: 1) }
                    cursor = max(cursor, start)
                    append(literal, from: source, cursor: &cursor, end: blockEnd, escapes: type == CMARK_NODE_TEXT)
                }
            case CMARK_NODE_SOFTBREAK:
                lines.append(0x0A, from: cursor..<min(cursor + 1, source.count))
                joined.markJoin()
            case CMARK_NODE_LINEBREAK:
                separate(at: cursor)
            case CMARK_NODE_HTML_INLINE:
                // Tags show nothing: the text on either side meets, as on the page.
                let end = offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node))
                cursor = max(cursor, min(end + 1, blockEnd))
            default:
                break
            }
        }
    }

    /// True when the first bytes of `literal` (up to 8) are at `offset` as written.
    private static func startsAt(_ literal: UnsafePointer<CChar>, _ source: UnsafeBufferPointer<UInt8>, _ offset: Int)
        -> Bool
    {
        var k = 0
        while k < 8 {
            let c = UInt8(bitPattern: literal[k])
            if c == 0 { return true }
            guard offset + k < source.count, source[offset + k] == c else { return false }
            k += 1
        }
        return true
    }

    /// A line break in both texts.
    private mutating func separate(at offset: Int) {
        lines.append(0x0A, from: offset..<(offset + 1))
        joined.append(0x0A, from: offset..<(offset + 1))
    }

    /// Appends a node's literal, each byte aligned with the source from `cursor`: the same byte,
    /// an escape or reference that stands for it (in text, where cmark resolves them; a code
    /// span keeps them as written), or a line break that cmark turned into a space; markup in
    /// between is skipped. Stops at `end` if the literal cannot
    /// be found (then the rest of it is not mapped, and not scanned).
    private mutating func append(
        _ literal: UnsafePointer<CChar>, from source: UnsafeBufferPointer<UInt8>, cursor: inout Int, end: Int,
        escapes: Bool
    ) {
        var k = 0
        while true {
            let c = UInt8(bitPattern: literal[k])
            if c == 0 { return }
            var found = false
            while cursor < end {
                let s = source[cursor]
                if escapes, let (byte, length) = MarkdownEscapes.decode(source, at: cursor), byte == c {
                    emit(c, cursor..<(cursor + length))
                    cursor += length
                    found = true
                } else if s == c || (c == 0x20 && (s == 0x0A || s == 0x0D || s == 0x09)) {
                    emit(c, cursor..<(cursor + 1))
                    cursor += 1
                    found = true
                } else {
                    cursor += 1
                    continue
                }
                break
            }
            if !found { return }
            k += 1
        }
    }

    private mutating func emit(_ byte: UInt8, _ range: Range<Int>) {
        lines.append(byte, from: range)
        joined.append(byte, from: range)
    }
}
