import Platform

/// The width to wrap to: the terminal's columns, else `COLUMNS`, else 80; clamped to 20…200
/// so answers stay readable on very narrow or very wide screens.
public enum TerminalWidth {
    public static func current(fd: Int32 = 1) -> Int {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return clamp(Int(size.ws_col))
        }
        if let columns = getenv("COLUMNS").map({ String(cString: $0) }), let n = Int(columns), n > 0 {
            return clamp(n)
        }
        return 80
    }

    static func clamp(_ n: Int) -> Int { min(200, max(20, n)) }
}
