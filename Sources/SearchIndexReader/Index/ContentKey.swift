import Dispatch

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
/// entries in, nor on which core stat'ed which file: the stats, the bulk of a warm lookup on a
/// large folder, run in parallel.
public enum ContentKey {
    public static func forFolder(_ root: String) -> UInt64 {
        // Pass 1: list the folders' entries (d_type tells folders from files without a stat).
        var work: [(dir: String, relative: String, names: [String])] = []
        var stack: [String] = [""]
        while let relative = stack.popLast() {
            let dirPath = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(dirPath) else { continue }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    guard lstat(dirPath + "/" + name, &st) == 0 else { continue }
                    type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    if !name.hasPrefix(".") { stack.append(relative.isEmpty ? name : relative + "/" + name) }
                } else if name.hasSuffix(".md") || (relative.isEmpty && name == "kb.yaml") {
                    names.append(name)
                }
            }
            closedir(dir)
            // Chunks of a few hundred files: the stat pass below runs them on all cores.
            var start = 0
            while start < names.count {
                let end = min(names.count, start + 256)
                work.append((dirPath, relative, Array(names[start..<end])))
                start = end
            }
        }
        // Pass 2: stat every file (following symbolic links) and sum the per-file hashes.
        let partial = UnsafeMutableBufferPointer<(UInt64, UInt64)>.allocate(
            capacity: max(1, work.count))
        partial.initialize(repeating: (0, 0))
        defer { partial.deallocate() }
        nonisolated(unsafe) let slots = partial
        let jobs = work
        let statChunk: @Sendable (Int) -> Void = { i in
            let job = jobs[i]
            let fd = open(job.dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { return }
            defer { close(fd) }
            var sum: UInt64 = 0
            var count: UInt64 = 0
            for name in job.names {
                var st = stat()
                guard fstatat(fd, name, &st, 0) == 0 else { continue }
                var h = fnv(job.relative.isEmpty ? name : job.relative + "/" + name)
                h = mix(h, UInt64(truncatingIfNeeded: st.st_size))
                h = mix(h, UInt64(truncatingIfNeeded: st.st_mtim.tv_sec))
                h = mix(h, UInt64(truncatingIfNeeded: st.st_mtim.tv_nsec))
                sum &+= h
                count += 1
            }
            slots[i] = (sum, count)
        }
        if jobs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: statChunk)
        } else if jobs.count == 1 {
            statChunk(0)
        }
        var sum: UInt64 = 0
        var count: UInt64 = 0
        for (s, c) in partial {
            sum &+= s
            count += c
        }
        return mix(mix(sum, count), toolFingerprint)
    }

    /// The index format version and the built-in tables (synonyms, stop words, irregular
    /// forms): a new `faq` with different tables never trusts an old cache.
    public static let toolFingerprint: UInt64 = {
        var h = mix(0, UInt64(IndexFormat.version))
        for group in Synonyms.builtIn.groups { h = mix(h, fnv(group.joined(separator: ","))) }
        for word in Analyzer.defaultStopWords.sorted() { h = mix(h, fnv(word)) }
        for (k, v) in Analyzer.defaultIrregularForms.sorted(by: { $0.key < $1.key }) {
            h = mix(h, fnv(k + ">" + v))
        }
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
