import Platform
import Site

/// Modification times of everything a build reads: guides, `kb.yaml`, theme overrides and
/// local images, so a change to any of them triggers a rebuild. The site folder is left out
/// when it lies inside the guides, or each build would trigger the next.
enum GuideWatch {
    struct Entry: Equatable {
        var path: String
        var modified: Int
        var size: Int
    }

    static func snapshot(root: String, excluding excluded: String) -> [Entry] {
        let excludedReal = SiteFiles.realPath(excluded)
        var entries: [Entry] = []
        var stack = [root]
        while let dir = stack.popLast() {
            if let real = SiteFiles.realPath(dir), real == excludedReal { continue }
            for name in SiteFiles.list(dir) where !name.hasPrefix(".") {
                let path = dir + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: stack.append(path)
                case S_IFREG, S_IFLNK:
                    entries.append(
                        Entry(
                            path: path, modified: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec),
                            size: Int(st.st_size)))
                default: break
                }
            }
        }
        return entries
    }
}
