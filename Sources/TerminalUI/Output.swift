import Platform

/// Standard output and standard error for `kb` and `faq`: whole buffers with one `write` each
/// (no stdio buffering to flush before `exit`), and no Foundation.
public enum Output {
    public static func write(_ bytes: [UInt8]) { FileOutput.writeAll(1, bytes) }
    public static func write(_ s: String) { FileOutput.writeAll(1, Array(s.utf8)) }

    /// A message for standard error, ending in a newline. Messages name files, quote guides and
    /// echo the query, any of which can hold terminal controls (a file name with an ESC sequence
    /// in it, a query pasted with a bidi override): they are replaced before reaching the
    /// terminal, so an error never carries styling of its own.
    public static func error(_ s: String) {
        let safe = TerminalText.safe(s)
        FileOutput.writeAll(2, Array((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
    }
}
