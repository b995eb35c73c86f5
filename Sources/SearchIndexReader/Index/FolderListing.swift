import Platform

/// Which files of a guides folder the content key covers: every Markdown file under the folder
/// (hidden folders excluded) and `kb.yaml` at its root, grouped by folder.
///
/// Listing a large folder costs almost a fifth of a warm lookup (7,400 tldr pages: 30
/// `getdents` calls that hash and sort every name in ext4's directory tree), so `faq` keeps the
/// listing beside its cached index and lists again only when a folder changed. A folder's entry
/// set cannot change without the kernel updating its status-change time (`ctime`, which no
/// user call can set back), so a stored listing is reused only while every listed folder has
/// the same device, inode, `ctime` and `mtime` as when it was read. A listing in which a folder
/// changed within the last two seconds is never stored: a change in the same timestamp tick as
/// the reading could leave `ctime` as it was (the "racy" case git's index guards against the
/// same way), nor one on a file system not known to keep `ctime` this way (NFS, FUSE: read
/// every time). Files are still stat'ed one by one on every run: this replaces `readdir`, not
/// the check that catches a guide edited in place.
struct FolderListing: Equatable {
    /// What identifies one state of a folder's entry set.
    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var changedSeconds: Int64
        var changedNanoseconds: Int64
        var modifiedSeconds: Int64
        var modifiedNanoseconds: Int64

        init(_ st: stat) {
            device = UInt64(truncatingIfNeeded: st.st_dev)
            inode = UInt64(truncatingIfNeeded: st.st_ino)
            changedSeconds = Int64(st.st_ctim.tv_sec)
            changedNanoseconds = Int64(st.st_ctim.tv_nsec)
            modifiedSeconds = Int64(st.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(st.st_mtim.tv_nsec)
        }

        init(device: UInt64, inode: UInt64, changed: (Int64, Int64), modified: (Int64, Int64)) {
            self.device = device
            self.inode = inode
            (changedSeconds, changedNanoseconds) = changed
            (modifiedSeconds, modifiedNanoseconds) = modified
        }
    }

    /// One listed folder and the names of the files in it that the key covers.
    struct Folder: Equatable {
        /// Path relative to the root, "" for the root itself.
        var relative: String
        var stamp: Stamp
        /// NUL-terminated names, back to back.
        var names: [UInt8] = []
        /// Where each name starts in `names`.
        var starts: [Int] = []
    }

    /// The folder as given by the caller (the stored listing is only used for the same string).
    var root: String
    var folders: [Folder] = []
    /// False when a folder could not be read or changed too recently to trust its `ctime` to
    /// move on the next change: such a listing is used for this run but not stored.
    var isSettled = true

    /// How long ago a folder must have last changed for its listing to be stored (see the
    /// type's comment), in nanoseconds.
    static let settleTime: Int64 = 2_000_000_000

    var fileCount: Int { folders.reduce(0) { $0 + $1.starts.count } }

    /// Lists `root` from the file system.
    init(walking root: String, settleTime: Int64 = FolderListing.settleTime) {
        self.root = root
        var stack: [String] = [""]
        var trustedDevice: UInt64?
        while let relative = stack.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else {
                isSettled = false
                continue
            }
            var st = stat()
            guard fstat(fd, &st) == 0, let dir = fdopendir(fd) else {
                close(fd)
                isSettled = false
                continue
            }
            defer { closedir(dir) }
            var folder = Folder(relative: relative, stamp: Stamp(st))
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let settled = (Int64(now.tv_sec) &* 1_000_000_000 &+ Int64(now.tv_nsec)) &- settleTime
            if folder.stamp.changedSeconds &* 1_000_000_000 &+ folder.stamp.changedNanoseconds >= settled
                || folder.stamp.modifiedSeconds &* 1_000_000_000 &+ folder.stamp.modifiedNanoseconds >= settled
            {
                isSettled = false
            }
            if isSettled && folder.stamp.device != trustedDevice {
                if FolderListing.keepsChangeTimes(device: folder.stamp.device) {
                    trustedDevice = folder.stamp.device
                } else {
                    isSettled = false
                }
            }
            while let entry = readdir(dir) {
                withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    let name = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
                    if name.elementsEqual(FolderListing.dot) || name.elementsEqual(FolderListing.dotDot) { return }
                    var type = entry.pointee.d_type
                    if type == UInt8(DT_UNKNOWN) {
                        var entryStat = stat()
                        let found = name.withMemoryRebound(to: CChar.self) { chars in
                            let terminated = Array(chars) + [0]
                            return fstatat(dirfd(dir), terminated, &entryStat, AT_SYMLINK_NOFOLLOW) == 0
                        }
                        guard found else { return }
                        type = (entryStat.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                    }
                    if type == UInt8(DT_DIR) {
                        if name.first != UInt8(ascii: ".") {
                            let child = String(decoding: name, as: UTF8.self)
                            stack.append(relative.isEmpty ? child : relative + "/" + child)
                        }
                    } else if name.count > 3 && name.suffix(3).elementsEqual(FolderListing.markdownSuffix)
                        || (relative.isEmpty && name.elementsEqual(FolderListing.kbYAML))
                    {
                        folder.starts.append(folder.names.count)
                        folder.names.append(contentsOf: name)
                        folder.names.append(0)
                    }
                }
            }
            folders.append(folder)
        }
    }

    /// True when every listed folder is still the one that was listed: same device, inode and
    /// change times. A stat per folder (a dozen for tldr), instead of reading them all.
    func isCurrent() -> Bool {
        for folder in folders {
            var st = stat()
            let path = folder.relative.isEmpty ? root : root + "/" + folder.relative
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, Stamp(st) == folder.stamp else {
                return false
            }
        }
        return !folders.isEmpty
    }

    /// File systems known to update a folder's ctime on every create, unlink and rename, as
    /// POSIX asks: ext2/3/4, XFS, Btrfs, F2FS, ZFS, tmpfs and overlayfs (containers). Network
    /// and FUSE file systems may serve cached or synthesised times, so folders there are read
    /// on every run, as before listings were stored.
    static func keepsChangeTimes(device: UInt64) -> Bool {
        #if os(Linux)
            // statfs(2) is not in Swift's Glibc module; /proc/self/mountinfo names the type of
            // the mount with this device ("36 35 8:1 / /home rw - ext4 /dev/sda1 rw").
            guard let table = readToEnd("/proc/self/mountinfo") else { return false }
            let major = ((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF)
            let minor = (device & 0xFF) | ((device >> 12) & ~0xFF)
            let wanted = Array("\(major):\(minor)".utf8)
            for line in table.split(separator: UInt8(ascii: "\n")) {
                let fields = line.split(separator: UInt8(ascii: " "))
                guard fields.count > 3, fields[2].elementsEqual(wanted),
                    let dash = fields.firstIndex(where: { $0.elementsEqual([UInt8(ascii: "-")]) }),
                    dash + 1 < fields.endIndex
                else { continue }
                switch String(decoding: fields[dash + 1], as: UTF8.self) {
                case "ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "tmpfs", "overlay": return true
                default: return false
                }
            }
            return false
        #else
            return false
        #endif
    }

    /// A file whose size `stat` does not tell (those under /proc), read until end of file.
    static func readToEnd(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    // MARK: Stored form

    private static let magic: [UInt8] = Array("KBLS".utf8)
    private static let formatVersion = 1

    /// The listing stored at `path` for `root`, or nil when there is none, it is damaged, or it
    /// lists another folder. Whether it is still current is `isCurrent()`'s question.
    init?(contentsOf path: String, root: String) {
        guard let bytes = IndexCache.readFile(path), bytes.count > 8, bytes.prefix(4).elementsEqual(FolderListing.magic)
        else { return nil }
        let parsed: FolderListing? = bytes.withUnsafeBytes { raw in
            var reader = ByteReader(bytes: raw, offset: 4, end: raw.count)
            guard reader.varint() == FolderListing.formatVersion, reader.string() == root else { return nil }
            var listing = FolderListing(root: root)
            let folderCount = reader.varint()
            guard !reader.failed, folderCount <= raw.count else { return nil }
            for _ in 0..<folderCount {
                let relative = reader.string()
                let stamp = Stamp(
                    device: reader.u64(), inode: reader.u64(),
                    changed: (Int64(bitPattern: reader.u64()), Int64(bitPattern: reader.u64())),
                    modified: (Int64(bitPattern: reader.u64()), Int64(bitPattern: reader.u64())))
                let length = reader.varint()
                guard !reader.failed, length >= 0, length <= reader.end - reader.offset else { return nil }
                var folder = Folder(relative: relative, stamp: stamp)
                let names = UnsafeRawBufferPointer(rebasing: raw[reader.offset..<(reader.offset + length)])
                reader.offset += length
                // Names are NUL-terminated and non-empty; anything else is damage.
                guard names.last.map({ $0 == 0 }) ?? true else { return nil }
                folder.names = Array(names)
                var start = 0
                while start < length {
                    guard let nul = memchr(names.baseAddress! + start, 0, length - start) else { return nil }
                    let end = names.baseAddress!.distance(to: UnsafeRawPointer(nul))
                    guard end > start else { return nil }
                    folder.starts.append(start)
                    start = end + 1
                }
                listing.folders.append(folder)
            }
            return reader.failed || reader.offset != raw.count ? nil : listing
        }
        guard let parsed else { return nil }
        self = parsed
    }

    private init(root: String) {
        self.root = root
    }

    /// The stored form: magic, version, root, then per folder its path, stamp and names.
    var bytes: [UInt8] {
        var out = ByteBuffer()
        out.bytes(FolderListing.magic)
        out.varint(FolderListing.formatVersion)
        out.string(root)
        out.varint(folders.count)
        for folder in folders {
            out.string(folder.relative)
            for v in [
                folder.stamp.device, folder.stamp.inode,
                UInt64(bitPattern: folder.stamp.changedSeconds), UInt64(bitPattern: folder.stamp.changedNanoseconds),
                UInt64(bitPattern: folder.stamp.modifiedSeconds), UInt64(bitPattern: folder.stamp.modifiedNanoseconds),
            ] {
                out.u32(UInt32(truncatingIfNeeded: v))
                out.u32(UInt32(truncatingIfNeeded: v >> 32))
            }
            out.varint(folder.names.count)
            out.bytes(folder.names)
        }
        return out.bytes
    }

    /// Stores the listing at `path` (through a temporary file and a rename, as the index is),
    /// unless it is not settled. False when nothing was stored.
    @discardableResult
    func store(at path: String) -> Bool {
        guard isSettled, !folders.isEmpty else { return false }
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "."
        return IndexCache(directory: slash).storeFile(at: path, bytes: bytes)
    }

    private static let dot: [UInt8] = [UInt8(ascii: ".")]
    private static let dotDot: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ".")]
    private static let markdownSuffix: [UInt8] = Array(".md".utf8)
    private static let kbYAML: [UInt8] = Array("kb.yaml".utf8)
}

extension ByteReader {
    /// A little-endian u64 (zero and `failed` past the end).
    mutating func u64() -> UInt64 {
        var v: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) {
            v |= UInt64(byte()) << UInt64(shift)
        }
        return v
    }
}
