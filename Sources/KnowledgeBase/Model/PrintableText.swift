/// Text from guides made safe to print on a terminal: a guide can hold escape sequences (ESC,
/// CSI as U+009B, BEL, backspace, carriage return) that would recolour, retitle or clear the
/// reader's terminal, or rewrite what was printed before them. Each such control becomes U+FFFD;
/// newline and tab stay.
public enum PrintableText {
    public static func bytes(_ text: [UInt8]) -> [UInt8] {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var out: [UInt8] = []
        var copied = 0
        text.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            while i < n {
                let b = buf[i]
                var width = 0
                if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F {
                    width = 1
                } else if b == 0xC2, i + 1 < n, buf[i + 1] >= 0x80, buf[i + 1] <= 0x9F {
                    width = 2  // C1 controls, U+0080–U+009F
                }
                if width > 0 {
                    if out.isEmpty { out.reserveCapacity(n + 16) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[copied..<i]))
                    out.append(contentsOf: replacement)
                    i += width
                    copied = i
                } else {
                    i += 1
                }
            }
            if copied > 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[copied...])) }
        }
        return copied == 0 ? text : out
    }

    public static func string(_ text: String) -> String {
        String(decoding: bytes(Array(text.utf8)), as: UTF8.self)
    }
}
