import KnowledgeBase
import TerminalUI

/// Writes whole buffers to stdout and stderr with one `write` each.
enum Output {
    static func write(_ bytes: [UInt8]) { FileOutput.writeAll(1, bytes) }
    static func write(_ s: String) { FileOutput.writeAll(1, Array(s.utf8)) }
    /// Messages name files and quote guides, either of which can hold terminal controls (a
    /// file name with an ESC sequence in it): they are replaced before reaching the terminal.
    static func error(_ s: String) { FileOutput.writeAll(2, Array((TerminalText.safe(s) + "\n").utf8)) }
}

enum KBVersion {
    static let string = "0.1.0"
}
