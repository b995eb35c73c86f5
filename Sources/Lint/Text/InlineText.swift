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
/// Two texts are built in the same pass: `lines`, where a soft line break is a line break,
/// and `joined`, where it is nothing (a key wrapped over two lines of a paragraph), with the
/// join points marked so that only matches crossing one are taken from it.
struct InlineText {
    var lines = MappedText()
    var joined = MappedText()

    /// The texts of `guide`, from the literal runs its loader recorded (`Guide.inlineRuns`):
    /// lint reads each guide with cmark once. `source` is the guide's source as bytes. A guide
    /// loaded without runs (by a caller that did not ask for them) is parsed again, through the
    /// same parser, rather than scanned less.
    init(_ guide: Guide, source: SourceText) {
        let runs =
            guide.inlineRuns
            ?? (try? GuideParser(inlineRuns: true).parse(path: guide.path, bytes: source.bytes))?.0.inlineRuns
            ?? InlineRuns()
        source.bytes.withUnsafeBufferPointer { src in
            runs.literals.withUnsafeBufferPointer { literals in
                replay(runs.events, literals: literals, source: src)
            }
        }
    }

    private mutating func replay(
        _ events: [InlineRuns.Event], literals: UnsafeBufferPointer<UInt8>, source: UnsafeBufferPointer<UInt8>
    ) {
        var cursor = 0
        // Alignment may run to the end of the file: cmark does not extend a paragraph's end
        // line over lazy continuation lines (`> a` then `b`), and each run restarts the
        // alignment at its own position anyway.
        let blockEnd = source.count
        for event in events {
            switch event {
            case .blockStart(let offset):
                cursor = offset
            case .blockEnd:
                separate(at: min(cursor, max(source.count - 1, 0)))
            case .literal(let bytes, let start, let isCode):
                cursor = max(cursor, start)
                append(
                    UnsafeBufferPointer(rebasing: literals[bytes]), from: source, cursor: &cursor, end: blockEnd,
                    escapes: !isCode)
            case .softBreak:
                lines.append(0x0A, from: cursor..<min(cursor + 1, source.count))
                joined.markJoin()
            case .lineBreak:
                separate(at: cursor)
            case .skip(let end):
                // Past a link's destination and title (which the file scan covers), or an
                // inline tag (tags show nothing: the text on either side meets, as on the page).
                cursor = max(cursor, min(end, blockEnd))
            }
        }
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
        _ literal: UnsafeBufferPointer<UInt8>, from source: UnsafeBufferPointer<UInt8>, cursor: inout Int, end: Int,
        escapes: Bool
    ) {
        var i = 0
        while i < literal.count {
            // The bytes that are the source's own, one for one, go in one copy: no escape can
            // start among them (`MarkdownEscapes.decode` needs a `\` or `&`), so the loop below
            // would emit each as it is.
            var run = 0
            while i + run < literal.count, cursor + run < end, source[cursor + run] == literal[i + run] {
                let s = source[cursor + run]
                if escapes && (s == UInt8(ascii: "\\") || s == UInt8(ascii: "&")) { break }
                run += 1
            }
            if run > 0 {
                lines.appendVerbatim(source, cursor..<(cursor + run))
                joined.appendVerbatim(source, cursor..<(cursor + run))
                cursor += run
                i += run
                continue
            }
            let c = literal[i]
            i += 1
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
        }
    }

    private mutating func emit(_ byte: UInt8, _ range: Range<Int>) {
        lines.append(byte, from: range)
        joined.append(byte, from: range)
    }
}
