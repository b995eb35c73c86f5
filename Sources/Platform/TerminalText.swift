/// Text from guides, file names and queries made safe to print on a terminal: the one
/// sanitiser for `kb` and `faq` (answers, "did you mean" lines, errors that echo a query or a
/// path, inspect summaries, lint reports).
///
/// A guide or a query can hold, by accident or on purpose:
/// - C0 controls (ESC, BEL, backspace, carriage return) and DEL, which move the cursor,
///   ring, or rewrite what was printed before them;
/// - escape sequences, `ESC [ … m` (CSI) or `ESC ] … BEL` (OSC: set the title, write the
///   clipboard, make a link), and the same through C1 controls (U+009B, U+009D) on terminals
///   that take them;
/// - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make text
///   display in another order than it reads ("Trojan Source").
///
/// Each control, each whole escape sequence and each override becomes one U+FFFD, so the
/// reader sees that something was there but the terminal does nothing. Newline and tab stay.
/// Only the renderer's own styling, added after this, may emit escape sequences.
///
/// Hand-written over UTF-8 bytes: one pass, and no copy when there is nothing to replace
/// (the common case), where `Character` or `unicodeScalars` loops would cost a scalar decode
/// per character on every answer.
public enum TerminalText {
    /// `text` with every control, escape sequence and bidi override replaced by U+FFFD.
    public static func safe(_ text: String) -> String {
        var text = text
        let unchanged = text.withUTF8 { firstUnsafeOffset(in: $0) == nil }
        if unchanged { return text }
        return String(decoding: bytes(Array(text.utf8)), as: UTF8.self)
    }

    /// The same over UTF-8 bytes; returns `text` itself when nothing needs replacing.
    public static func bytes(_ text: [UInt8]) -> [UInt8] {
        text.withUnsafeBufferPointer { buf -> [UInt8] in
            guard var i = firstUnsafeOffset(in: buf) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(buf.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[..<i]))
            let n = buf.count
            while i < n {
                let width = unsafeWidth(buf, at: i)
                if width == 0 {
                    out.append(buf[i])
                    i += 1
                } else {
                    out.append(contentsOf: replacement)
                    i += width
                }
            }
            return out
        }
    }

    /// U+FFFD in UTF-8.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The offset of the first byte that starts something to replace, or nil.
    static func firstUnsafeOffset(in buf: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            // Only these bytes can start a control, a C1 control (0xC2) or an override (0xE2).
            if b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2, unsafeWidth(buf, at: i) > 0 { return i }
            i += 1
        }
        return nil
    }

    /// How many bytes from `i` form one thing to replace (a control, a whole escape sequence,
    /// an override), or 0 when the byte at `i` is safe.
    static func unsafeWidth(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = buf.count
        let b = buf[i]
        switch b {
        case 0x09, 0x0A:
            return 0
        case 0x1B:
            guard i + 1 < n else { return 1 }
            let next = buf[i + 1]
            switch next {
            case UInt8(ascii: "["): return 2 + controlSequenceLength(buf, from: i + 2)
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                return 2 + controlStringLength(buf, from: i + 2)
            case 0x20...0x2F:
                // nF escapes: intermediates, then one final byte.
                var j = i + 1
                while j < n, buf[j] >= 0x20, buf[j] <= 0x2F { j += 1 }
                if j < n, buf[j] >= 0x30, buf[j] <= 0x7E { j += 1 }
                return j - i
            case 0x30...0x7E:
                return 2  // ESC 7, ESC c (reset), ESC M, ...
            default:
                return 1
            }
        case 0x00...0x1F, 0x7F:
            return 1
        case 0xC2:
            guard i + 1 < n, buf[i + 1] >= 0x80, buf[i + 1] <= 0x9F else { return 0 }
            switch buf[i + 1] {
            case 0x9B: return 2 + controlSequenceLength(buf, from: i + 2)  // CSI
            // DCS, SOS, OSC, PM, APC: strings up to their terminator.
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: return 2 + controlStringLength(buf, from: i + 2)
            default: return 2
            }
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let b1 = buf[i + 1]
            let b2 = buf[i + 2]
            // U+202A–U+202E (E2 80 AA–AE) and U+2066–U+2069 (E2 81 A6–A9).
            if b1 == 0x80, b2 >= 0xAA, b2 <= 0xAE { return 3 }
            if b1 == 0x81, b2 >= 0xA6, b2 <= 0xA9 { return 3 }
            return 0
        default:
            return 0
        }
    }

    /// The parameter, intermediate and final bytes of a CSI sequence starting at `j`.
    static func controlSequenceLength(_ buf: UnsafeBufferPointer<UInt8>, from j: Int) -> Int {
        var k = j
        let n = buf.count
        while k < n, buf[k] >= 0x30, buf[k] <= 0x3F { k += 1 }
        while k < n, buf[k] >= 0x20, buf[k] <= 0x2F { k += 1 }
        if k < n, buf[k] >= 0x40, buf[k] <= 0x7E { k += 1 }
        return k - j
    }

    /// The body of an OSC, DCS, SOS, PM or APC string starting at `j`, with its terminator:
    /// BEL, ESC \ or ST (U+009C). A string a terminal would run on past the line stops at the
    /// newline here, so an unterminated one cannot hide the rest of the text.
    static func controlStringLength(_ buf: UnsafeBufferPointer<UInt8>, from j: Int) -> Int {
        var k = j
        let n = buf.count
        while k < n {
            let b = buf[k]
            if b == 0x07 { return k + 1 - j }
            if b == 0x1B, k + 1 < n, buf[k + 1] == UInt8(ascii: "\\") { return k + 2 - j }
            if b == 0xC2, k + 1 < n, buf[k + 1] == 0x9C { return k + 2 - j }
            if b == 0x0A || b == 0x1B { return k - j }
            k += 1
        }
        return k - j
    }
}
