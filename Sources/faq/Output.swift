#if canImport(Glibc)
    import Glibc
#endif

/// Writes whole buffers to stdout and stderr with one `write` each.
enum Output {
    static func write(_ s: String) { writeAll(1, Array(s.utf8)) }
    static func error(_ s: String) { writeAll(2, Array((s.hasSuffix("\n") ? s : s + "\n").utf8)) }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}
