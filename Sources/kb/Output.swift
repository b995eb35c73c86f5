import KnowledgeBase

/// Writes whole buffers to stdout and stderr with one `write` each.
enum Output {
    static func write(_ bytes: [UInt8]) { FileOutput.writeAll(1, bytes) }
    static func write(_ s: String) { FileOutput.writeAll(1, Array(s.utf8)) }
    static func error(_ s: String) { FileOutput.writeAll(2, Array((s + "\n").utf8)) }
}

enum KBVersion {
    static let string = "0.1.0"
}
