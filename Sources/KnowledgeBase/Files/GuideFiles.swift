import Platform

/// Finds and reads the Markdown files below a guides root with POSIX calls: FileManager's
/// enumerator allocates per entry and follows symlinks in ways hard to bound, and this list must
/// be deterministic and safe against symlink loops and links out of the root.
public enum GuideFiles {
    /// Files larger than this are refused rather than parsed: a guide is text for people.
    public static let maximumFileBytes = 64 * 1024 * 1024

    /// Every `*.md` below `root`, as paths relative to it, sorted bytewise; hidden folders
    /// skipped (a file such as tldr's `..md` is a real page); symlinked folders not followed; symlinked files kept only when they
    /// resolve inside the root.
    public static func list(root: String) -> (paths: [String], problems: [LoadProblem]) {
        var paths: [String] = []
        var problems: [LoadProblem] = []
        guard let realRoot = realPath(root) else {
            return ([], [LoadProblem(path: root, line: nil, message: "cannot open the guides folder: \(errnoText())")])
        }
        var st = stat()
        guard stat(root, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            return ([], [LoadProblem(path: root, line: nil, message: "not a folder")])
        }
        var stack: [String] = [""]
        while let relative = stack.popLast() {
            let dirPath = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(dirPath) else {
                problems.append(
                    LoadProblem(
                        path: relative.isEmpty ? root : relative, line: nil,
                        message: "cannot read folder: \(errnoText())"))
                continue
            }
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let rel = relative.isEmpty ? name : relative + "/" + name
                let full = root + "/" + rel
                // The entry's type from readdir; a stat only where the file system gives none.
                var kind: mode_t
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): kind = S_IFDIR
                case Int32(DT_REG): kind = S_IFREG
                case Int32(DT_LNK): kind = S_IFLNK
                case Int32(DT_UNKNOWN):
                    var ls = stat()
                    guard lstat(full, &ls) == 0 else { continue }
                    kind = ls.st_mode & S_IFMT
                default: continue
                }
                if kind == S_IFDIR {
                    // Hidden folders (.git, .github) hold tooling, not guides.
                    if !name.hasPrefix(".") { stack.append(rel) }
                } else if kind == S_IFREG {
                    if name.hasSuffix(".md") { paths.append(rel) }
                } else if kind == S_IFLNK, name.hasSuffix(".md") {
                    guard let target = realPath(full), target.hasPrefix(realRoot + "/") else {
                        problems.append(
                            LoadProblem(
                                path: rel, line: nil, message: "skipped: symbolic link leads outside the guides folder",
                                severity: .warning))
                        continue
                    }
                    var ts = stat()
                    if stat(full, &ts) == 0, (ts.st_mode & S_IFMT) == S_IFREG { paths.append(rel) }
                }
            }
            closedir(dir)
        }
        paths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (paths, problems)
    }

    /// Reads a whole file with one `read` loop into a byte array.
    public static func read(_ path: String) throws(LoadProblem) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LoadProblem(path: path, line: nil, message: "cannot read: \(errnoText())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw LoadProblem(path: path, line: nil, message: "cannot read: \(errnoText())")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw LoadProblem(path: path, line: nil, message: "not a regular file")
        }
        let size = Int(st.st_size)
        guard size <= maximumFileBytes else {
            throw LoadProblem(path: path, line: nil, message: "file is larger than \(maximumFileBytes >> 20) MB")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        var failed = false
        bytes.withUnsafeMutableBytes { buf in
            while total < size {
                let n = Glibc.read(fd, buf.baseAddress! + total, size - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if n == 0 { break }
                total += n
            }
        }
        if failed { throw LoadProblem(path: path, line: nil, message: "cannot read: \(errnoText())") }
        if total < size { bytes.removeLast(size - total) }
        return bytes
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
