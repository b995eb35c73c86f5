import Platform

/// A 64-bit fingerprint of a guides folder taken from file metadata alone: each Markdown
/// file's relative path, size and modification time, plus `kb.yaml`, plus the index format
/// version. A warm `faq` run stats the files and compares this with the cached index's key;
/// it never reads a guide.
///
/// Per-file hashes are summed, so the result does not depend on the order `readdir` returns
/// entries in, nor on which core stat'ed which file: the stats, the bulk of a warm lookup on a
/// large folder, run in parallel.
public enum ContentKey {
    /// Up to 128 files of one folder, their names packed into one byte buffer: the
    /// unit the stat pass hands to a core. Packing keeps the per-file work of a warm lookup
    /// (7,400 files for tldr) at a `stat` and a short hash, with no string built per file.
    private struct StatBatch {
        /// The folder, opened once for all its batches.
        var directory: Int32
        /// FNV-1a state after hashing the folder's relative path and "/" (nothing at the root),
        /// so hashing a name continues it: the same value as hashing "relative/name".
        var prefixHash: UInt64
        /// NUL-terminated names, back to back.
        var names: ArraySlice<UInt8>
        var starts: ArraySlice<Int>
    }

    /// The key of the folder `root` as it is now.
    ///
    /// With `listingCache` (a path in the index cache), the list of files comes from the
    /// listing stored there while none of its folders changed (a stat per folder instead of
    /// reading them; see `FolderListing`), and a fresh listing is stored there for next time
    /// once its folders have been still for a few seconds. Either way every file is stat'ed and
    /// the key is the same: the listing only saves the `readdir` pass.
    public static func forFolder(_ root: String, listingCache: String? = nil) -> UInt64 {
        if let listingCache, let stored = FolderListing(contentsOf: listingCache, root: root), stored.isCurrent() {
            return forListing(stored)
        }
        let listing = FolderListing(walking: root)
        if let listingCache { listing.store(at: listingCache) }
        return forListing(listing)
    }

    /// Stats every file of `listing` (following symbolic links) and sums the per-file hashes.
    static func forListing(_ listing: FolderListing) -> UInt64 {
        var batches: [StatBatch] = []
        var opened: [Int32] = []
        defer { for fd in opened { close(fd) } }
        for folder in listing.folders where !folder.starts.isEmpty {
            let path = folder.relative.isEmpty ? listing.root : listing.root + "/" + folder.relative
            let directory = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard directory >= 0 else { continue }
            opened.append(directory)
            let prefixHash = folder.relative.isEmpty ? fnvBasis : fnv(folder.relative + "/")
            // Batches of a hundred-odd files: the stat pass hands them to the cores as they
            // finish, so the last one leaves a core idle for a fraction of a millisecond.
            var first = 0
            while first < folder.starts.count {
                let last = min(first + 128, folder.starts.count)
                batches.append(
                    StatBatch(
                        directory: directory, prefixHash: prefixHash, names: folder.names[...],
                        starts: folder.starts[first..<last]))
                first = last
            }
        }
        let jobs = batches
        let statBatch: @Sendable (Int) -> (sum: UInt64, count: UInt64) = { i in
            // Job 0 settles the tool fingerprint (building the synonym and stop-word tables
            // takes a few hundred microseconds) while the other cores stat.
            guard i > 0 else {
                _ = toolFingerprint
                return (0, 0)
            }
            let job = jobs[i - 1]
            let fd = job.directory
            var sum: UInt64 = 0
            var count: UInt64 = 0
            job.names.withUnsafeBytes { names in
                for start in job.starts {
                    let name = names.baseAddress!.advanced(by: start).assumingMemoryBound(to: CChar.self)
                    var st = stat()
                    guard fstatat(fd, name, &st, 0) == 0 else { continue }
                    var h = job.prefixHash
                    var i = start
                    while names[i] != 0 {
                        h ^= UInt64(names[i])
                        h = h &* fnvPrime
                        i += 1
                    }
                    h = mix(h, UInt64(truncatingIfNeeded: st.st_size))
                    h = mix(h, UInt64(truncatingIfNeeded: st.st_mtim.tv_sec))
                    h = mix(h, UInt64(truncatingIfNeeded: st.st_mtim.tv_nsec))
                    sum &+= h
                    count += 1
                }
            }
            return (sum, count)
        }
        let partial: [(sum: UInt64, count: UInt64)]
        if jobs.count > 1 {
            partial = Parallel.map(jobs.count + 1, statBatch)
        } else {
            partial = jobs.isEmpty ? [] : [statBatch(1)]
        }
        var sum: UInt64 = 0
        var count: UInt64 = 0
        for (s, c) in partial {
            sum &+= s
            count += c
        }
        return mix(mix(sum, count), toolFingerprint)
    }

    private static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// The index format version and the built-in tables (synonyms, stop words, irregular
    /// forms): a new `faq` with different tables never trusts an old cache.
    public static let toolFingerprint: UInt64 = {
        var h = mix(0, UInt64(IndexFormat.version))
        // The same value as hashing `group.joined(separator: ",")` and `key + ">" + value`,
        // without the generic joins and tuple arrays whose type metadata a fresh process would
        // have to build first.
        for group in Synonyms.builtIn.groups {
            var g = fnvBasis
            for (i, word) in group.enumerated() {
                if i > 0 { g = fnv(",", continuing: g) }
                g = fnv(word, continuing: g)
            }
            h = mix(h, g)
        }
        for word in Analyzer.defaultStopWords.sorted() { h = mix(h, fnv(word)) }
        let irregular = Analyzer.defaultIrregularForms
        for key in irregular.keys.sorted() {
            h = mix(h, fnv(irregular[key]!, continuing: fnv(">", continuing: fnv(key))))
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
        fnv(s, continuing: fnvBasis)
    }

    /// FNV-1a over the UTF-8 bytes of `s`, continuing from state `h`: the hash of a
    /// concatenation without building it.
    static func fnv(_ s: String, continuing h: UInt64) -> UInt64 {
        var h = h
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* fnvPrime
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
