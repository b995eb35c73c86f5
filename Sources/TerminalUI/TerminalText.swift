/// Text from guides made safe to print on a terminal.
///
/// A guide can hold ESC, BEL or C1 control characters (by accident or on purpose); printed raw
/// they could recolour, retitle or rewrite the reader's terminal. Only the renderer's own
/// styling may emit escape sequences, so every guide-derived string passes through here.
public enum TerminalText {
    /// Replaces C0 controls other than newline and tab, DEL and C1 controls with U+FFFD.
    public static func safe(_ text: String) -> String {
        var clean = true
        for scalar in text.unicodeScalars where isControl(scalar) {
            clean = false
            break
        }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isControl(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v <= 0x9F)
    }
}
