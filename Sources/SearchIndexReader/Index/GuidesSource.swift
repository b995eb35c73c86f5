import Platform

/// Where the guides come from: a folder, or the knowledge base built into the binary.
public enum GuidesSource: Sendable, Hashable {
    case folder(String)
    case builtIn

    /// `--guides`, else `FAQ_GUIDES`, else a `guides/` folder in `directory` or one of its
    /// parents, else the built-in guides.
    public static func resolve(explicit: String?, environment: String?, directory: String)
        -> GuidesSource
    {
        if let explicit, !explicit.isEmpty { return .folder(explicit) }
        if let environment, !environment.isEmpty { return .folder(environment) }
        var dir = directory
        while true {
            let candidate = (dir == "/" ? "" : dir) + "/guides"
            var st = stat()
            if stat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return .folder(candidate) }
            guard let slash = dir.utf8.lastIndex(of: UInt8(ascii: "/")), dir != "/" else { break }
            dir = slash == dir.utf8.startIndex ? "/" : String(dir[..<slash])
        }
        return .builtIn
    }
}

extension GuidesSource {
    /// What names this source's cache file (a folder's real path, or a fixed name for the
    /// built-in guides) and the content key a cached index must carry to be used.
    ///
    /// Taking the key costs a stat per guide file and never reads one: it is the whole warm
    /// path before the index is mapped. With `cache`, the folder's listing is kept there too
    /// (see `FolderListing`): the same key, without reading the folders while they are unchanged.
    public func cacheIdentity(cache: IndexCache? = nil) throws(IndexProblem) -> (name: String, key: UInt64) {
        switch self {
        case .folder(let root):
            var st = stat()
            guard stat(root, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                throw IndexProblem(message: "\(root): not a guides folder")
            }
            var name = root
            if let real = realpath(root, nil) {
                name = String(cString: real)
                free(real)
            }
            return (name, ContentKey.forFolder(root, listingCache: cache?.listingPath(for: name)))
        case .builtIn:
            return ("built-in guides", ContentKey.forFiles(DefaultGuides.files))
        }
    }
}
