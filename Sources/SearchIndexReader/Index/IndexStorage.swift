import Platform

/// The bytes of an index: a memory-mapped cache file, or a copy of a freshly built buffer.
///
/// Mapping means a lookup touches only the pages it reads (the header, a few term-table probes,
/// the query's postings, the strings of the answers shown), not the whole multi-megabyte file.
/// Cache files are replaced by rename, never rewritten in place, so a mapping stays valid.
public final class IndexStorage: @unchecked Sendable {
    public let raw: UnsafeRawBufferPointer
    private let mapped: Bool

    public init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0) }
        raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[0..<bytes.count])
        mapped = false
    }

    /// Maps the file at `path` read-only; nil when it cannot be opened or is empty.
    public init?(mapping path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return nil
        }
        raw = UnsafeRawBufferPointer(start: base, count: size)
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: raw.baseAddress), raw.count)
        } else {
            raw.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
        }
    }
}
