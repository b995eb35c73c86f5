/// Writing whole buffers to files and descriptors, shared by every command that writes: the
/// terminal output of `kb` and `faq`, lint reports, site pages, `faq`'s index cache.
///
/// POSIX calls rather than FileHandle: one `write` loop per buffer (retrying partial writes and
/// EINTR), no Foundation on the path, and an errno to report when it fails.
public enum FileOutput {
    /// Writes all of `bytes` to `fd`; returns 0, or the errno of the failure.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { buf -> Int32 in
            var offset = 0
            while offset < buf.count {
                let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return 0
        }
    }

    /// Replaces `path` with `bytes` atomically: a temporary file in the same folder, flushed,
    /// then renamed over the target, so a reader never sees half a file and a failure leaves
    /// the old one. Throws the errno text. `durable: false` skips the `fsync`, for a cache that
    /// is rebuilt anyway when it is lost (a lookup should not wait for the disk).
    public static func writeAtomically(
        _ bytes: [UInt8], to path: String, mode: mode_t = 0o644, durable: Bool = true
    ) throws(FileOutputError) {
        let folder: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        var template = Array((folder + "/.kb-tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileOutputError(path: path, errno: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failed = writeAll(fd, bytes)
        if failed == 0, durable, fsync(fd) != 0 { failed = errno }
        // mkstemp creates the file 0600; outputs are for sharing.
        if failed == 0, fchmod(fd, mode) != 0 { failed = errno }
        if close(fd) != 0, failed == 0 { failed = errno }
        if failed == 0, rename(temporary, path) != 0 { failed = errno }
        if failed != 0 {
            unlink(temporary)
            throw FileOutputError(path: path, errno: failed)
        }
    }
}

/// A write that failed, with the path and the system's reason.
public struct FileOutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, errno code: Int32) {
        self.path = path
        self.reason = errnoText(code)
    }

    public var description: String { "\(path): cannot write: \(reason)" }
}
