#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A 64-bit fingerprint of a guides folder taken from file metadata alone: each Markdown
/// file's relative path, size and modification time, plus `kb.yaml`, plus the index format
/// version. A warm `faq` run stats the files and compares this with the cached index's key;
/// it never reads a guide.
///
/// Per-file hashes are summed, so the result does not depend on the order `readdir` returns
/// entries in.
public enum ContentKey {
    public static func forFolder(_ root: String) -> UInt64 {
        var sum: UInt64 = 0
        var count: UInt64 = 0
        var stack: [String] = [""]
        while let relative = stack.popLast() {
            let dirPath = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(dirPath) else { continue }
            let fd = dirfd(dir)
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") && (name == "." || name == "..") { continue }
                var st = stat()
                guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let kind = st.st_mode & S_IFMT
                let rel = relative.isEmpty ? name : relative + "/" + name
                if kind == S_IFDIR {
                    if !name.hasPrefix(".") { stack.append(rel) }
                    continue
                }
                let isGuide = name.hasSuffix(".md")
                let isConfig = relative.isEmpty && name == "kb.yaml"
                guard isGuide || isConfig else { continue }
                if kind == S_IFLNK {
                    guard fstatat(fd, name, &st, 0) == 0 else { continue }
                }
                var h = fnv(rel)
                h = mix(h, UInt64(truncatingIfNeeded: st.st_size))
                h = mix(h, UInt64(truncatingIfNeeded: st.st_mtim.tv_sec))
                h = mix(h, UInt64(truncatingIfNeeded: st.st_mtim.tv_nsec))
                sum &+= h
                count += 1
            }
            closedir(dir)
        }
        return mix(mix(sum, count), toolFingerprint)
    }

    /// The index format version and the built-in tables (synonyms, stop words, irregular
    /// forms): a new `faq` with different tables never trusts an old cache.
    public static let toolFingerprint: UInt64 = {
        var h = mix(0, UInt64(IndexFormat.version))
        for group in Synonyms.builtIn.groups { h = mix(h, fnv(group.joined(separator: ","))) }
        for word in Analyzer.defaultStopWords.sorted() { h = mix(h, fnv(word)) }
        for (k, v) in Analyzer.defaultIrregularForms.sorted(by: { $0.key < $1.key }) { h = mix(h, fnv(k + ">" + v)) }
        return h
    }()

    /// Key of in-memory files (the guides built into the binary).
    public static func forFiles(_ files: [(path: String, text: String)]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            h = mix(h, fnv(file.path))
            h = mix(h, fnv(file.text))
        }
        return mix(h, toolFingerprint)
    }

    /// FNV-1a over the UTF-8 bytes.
    public static func fnv(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a ^ (b &+ 0x9e37_79b9_7f4a_7c15 &+ (a << 6) &+ (a >> 2))
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        return x
    }
}
