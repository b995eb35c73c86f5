/// How many terminal columns text takes: East Asian wide and fullwidth characters and most
/// emoji take two, combining marks and zero-width characters none, ANSI escape sequences none.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if inEscape {
                if (v >= 0x40 && v <= 0x7E) && v != 0x5B { inEscape = false }
                continue
            }
            if v == 0x1B {
                inEscape = true
                continue
            }
            width += of(scalar: v)
        }
        return width
    }

    public static func of(scalar v: UInt32) -> Int {
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if (v >= 0x300 && v <= 0x36F) || (v >= 0x200B && v <= 0x200F) || v == 0xFE0F
            || (v >= 0xFE00 && v <= 0xFE0F)
            || (v >= 0x1AB0 && v <= 0x1AFF) || (v >= 0x20D0 && v <= 0x20FF)
        {
            return 0
        }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
            || (v >= 0xA000 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6)
            || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD)
        {
            return 2
        }
        return 1
    }
}
