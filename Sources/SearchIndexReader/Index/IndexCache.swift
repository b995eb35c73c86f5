import Platform

/// Where built indexes are kept between runs: `$XDG_CACHE_HOME/faq/` or `~/.cache/faq/`, one
/// file per guides folder (named by a hash of the folder's real path), validated by the
/// content key stored in its header.
///
/// Writes go to a temporary file in the same folder and are renamed into place, so a reader
/// sees the old index or the new one, never half of one, and concurrent runs are safe (the
/// last rename wins, and both wrote a complete, equal index).
public struct IndexCache: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The default location from the environment; nil when neither variable is usable.
    public static func fromEnvironment() -> IndexCache? {
        if let xdg = getenv("XDG_CACHE_HOME").map({ String(cString: $0) }), xdg.hasPrefix("/") {
            return IndexCache(directory: xdg + "/faq")
        }
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
            return IndexCache(directory: home + "/.cache/faq")
        }
        return nil
    }

    /// The cache file for a source (a folder's real path, or a name for built-in content).
    public func path(for source: String) -> String {
        let h = ContentKey.fnv(source)
        return directory + "/" + hex(h) + ".idx"
    }

    /// The cached index for `source` when its key is `key`.
    public func load(source: String, key: UInt64) -> SearchIndex? {
        guard let storage = IndexStorage(mapping: path(for: source)),
            let index = SearchIndex(storage: storage),
            index.key == key
        else { return nil }
        return index
    }

    /// Stores `bytes` for `source` atomically; false when the cache cannot be written (the
    /// caller just goes on with the index in memory).
    @discardableResult
    public func store(source: String, bytes: [UInt8]) -> Bool {
        storeFile(at: path(for: source), bytes: bytes)
    }

    /// Where the folder listing that goes with `source`'s index is kept (see `FolderListing`).
    public func listingPath(for source: String) -> String {
        directory + "/" + hex(ContentKey.fnv(source)) + ".lst"
    }

    /// Writes `bytes` to `final` (a file in this cache's folder) through a temporary file and a
    /// rename; false when the cache cannot be written.
    func storeFile(at final: String, bytes: [UInt8]) -> Bool {
        guard IndexCache.makeDirectories(directory) else { return false }
        do {
            try FileOutput.writeAtomically(bytes, to: final, durable: false)
            return true
        } catch {
            return false
        }
    }

    static func makeDirectories(_ path: String) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR }
        var prefix = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if stat(prefix, &st) == 0 { continue }
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    /// The whole file, or nil.
    public static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        guard size >= 0, size < 1 << 31 else { return nil }
        if size == 0 { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var total = 0
            while total < size {
                let n = read(fd, buf.baseAddress! + total, size - total)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                total += n
            }
            failed = total != size
            count = total
        }
        return failed ? nil : bytes
    }

    func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
