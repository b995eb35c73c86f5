import KnowledgeBase
import Platform

/// The few file-system calls the site needs, with POSIX: whole-file reads and writes with one
/// call each, folder creation, recursive removal and renames for the atomic swap.
public enum SiteFiles {
    public enum Kind: Sendable { case missing, file, directory, other }

    /// What is at `path`, following symbolic links.
    public static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Modification time in nanoseconds, or nil when absent.
    public static func modificationTime(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
    }

    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// True when `path`, symbolic links resolved, lies inside the folder `root`.
    public static func isInside(_ path: String, root: String) -> Bool {
        guard let real = realPath(path), let realRoot = realPath(root) else { return false }
        return real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    public static func read(_ path: String) throws(SiteError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SiteError(message: "\(path): cannot read: \(errnoText())") }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SiteError(message: "\(path): cannot read: \(errnoText())")
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Creates (or truncates) `path` and writes `bytes` to it.
    public static func write(_ bytes: [UInt8], to path: String) throws(SiteError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteError(message: "\(path): cannot write: \(errnoText())") }
        let failed = FileOutput.writeAll(fd, bytes) != 0
        let closed = close(fd) == 0
        if failed || !closed { throw SiteError(message: "\(path): cannot write: \(errnoText())") }
    }

    /// Writes `bytes` to `path`, unless `previous` (the same file in the site being replaced)
    /// already holds exactly these bytes: then `path` becomes a hard link to it. Returns true
    /// when it linked.
    ///
    /// A rebuild mostly writes what is already there. Linking skips the new inode, and the old
    /// site's removal then frees none: on this project's build machine (ext4 without a journal)
    /// creating thousands of files right after deleting thousands costs several times a plain
    /// create, because the allocator skips recently freed inodes one by one. Unchanged pages
    /// also keep their modification times, so rsync-style deploys send only what changed.
    /// Only a regular file of ours with the usual mode is reused; anything else is written anew.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, reusing previous: String?) throws(SiteError) -> Bool {
        try place(bytes, at: path, linking: previous.flatMap { holds($0, exactly: bytes) ? $0 : nil })
    }

    /// Hard-links `identical` (a file already checked to hold `bytes`) at `path`, or writes
    /// `bytes` there when there is none or the link fails. The check and the placing are
    /// separate so that the check (reads only) can run on every core while one thread changes
    /// the folders. Returns true when it linked.
    @discardableResult
    public static func place(_ bytes: [UInt8], at path: String, linking identical: String?) throws(SiteError) -> Bool {
        if let identical, link(identical, path) == 0 { return true }
        try write(bytes, to: path)
        return false
    }

    /// True when `path` is a regular file (not a link), owned by this user, mode 0644, whose
    /// contents are `bytes`.
    public static func holds(_ path: String, exactly bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_mode & 0o7777 == 0o644,
            st.st_uid == effectiveUser, Int(st.st_size) == bytes.count
        else { return false }
        // One byte more than expected, to notice a file that grew since the fstat.
        let capacity = bytes.count + 1
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        while total < capacity {
            let n = Glibc.read(fd, buffer.baseAddress! + total, capacity - total)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            total += n
        }
        guard total == bytes.count else { return false }
        return bytes.withUnsafeBytes { total == 0 || memcmp($0.baseAddress!, buffer.baseAddress!, total) == 0 }
    }

    private static let effectiveUser = geteuid()

    /// `mkdir -p`.
    public static func makeDirectories(_ path: String) throws(SiteError) {
        if kind(path) == .directory { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw SiteError(message: "\(path): cannot create folder: \(errnoText())")
        }
    }

    /// `rm -rf` without following symbolic links.
    public static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR { removeFolder(path) } else { unlink(path) }
    }

    /// Empties and removes a folder, telling files from folders by readdir's type (a stat
    /// only where the file system gives none): a site's old copy is thousands of files.
    private static func removeFolder(_ path: String) {
        if let dir = opendir(path) {
            var entries: [(name: String, isFolder: Bool?)] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let type = Int32(entry.pointee.d_type)
                entries.append((name, type == Int32(DT_UNKNOWN) ? nil : type == Int32(DT_DIR)))
            }
            closedir(dir)
            for entry in entries {
                switch entry.isFolder {
                case true?: removeFolder(path + "/" + entry.name)
                case false?: unlink(path + "/" + entry.name)
                case nil: removeTree(path + "/" + entry.name)
                }
            }
        }
        rmdir(path)
    }

    /// `rm -rf` with the top-level entries removed on all cores: a large old site goes in
    /// half the time.
    public static func removeTreeInParallel(_ path: String) {
        guard kind(path) == .directory else {
            removeTree(path)
            return
        }
        let names = list(path)
        Parallel.forEach(names.count) { i in removeTree(path + "/" + names[i]) }
        rmdir(path)
    }

    public static func rename(_ from: String, _ to: String) throws(SiteError) {
        if Glibc.rename(from, to) != 0 {
            throw SiteError(message: "cannot rename \(from) to \(to): \(errnoText())")
        }
    }

    /// Names in a folder (no `.`/`..`), empty when it cannot be read.
    public static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
