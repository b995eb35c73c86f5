/// An old path of a guide, from `redirect-from:` in its front matter. The site writes a small
/// page there that sends readers (and their `#fragment`) on to the guide's page.
public struct Redirect: Sendable, Codable, Hashable {
    /// The path as written (`old-name.md`, `old/section.md`), relative to the guides root.
    public var from: String
    /// The page that path was published as, root-relative (`old/section.html`), or nil when
    /// the path is not one inside the guides folder (`../x.md`, `https://…`, a hidden name).
    public var page: String?
    /// The file line of the entry.
    public var line: Int

    public init(from: String, line: Int) {
        self.from = from
        self.line = line
        self.page = PublishedPaths.redirectPage(for: from)
    }
}

/// Where the site publishes things, for the parts that must agree on it without the site
/// itself: lint checks that a redirect lands on no page the build writes.
public enum PublishedPaths {
    public static let homePage = "index.html"
    public static let searchPage = "search.html"
    public static let questionsPage = "questions.html"
    public static let notFoundPage = "404.html"

    /// Pages the build always writes at the root, whatever the guides.
    public static let generatedPages: [(page: String, what: String)] = [
        (homePage, "the home page"), (searchPage, "the search page"), (questionsPage, "the all-questions page"),
        (notFoundPage, "the not-found page"),
    ]

    /// True when a relative path's `..` steps never climb above where it starts.
    public static func staysInside(_ path: String) -> Bool {
        var depth = 0
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." {
                depth -= 1
                if depth < 0 { return false }
            } else if part != "." {
                depth += 1
            }
        }
        return true
    }

    /// A guide's page: its slug plus `.html` (`common/tar.md` → `common/tar.html`).
    public static func page(forGuideSlug slug: String) -> String { slug + ".html" }

    /// The page an old path was published as: `old.md`, `old.html` and `old` are all
    /// `old.html`, a folder (`old/`) is `old/index.html`, a leading `/` is the guides root;
    /// nil when the path climbs out of the root, names a hidden file, or is a URL or has a
    /// query or fragment.
    public static func redirectPage(for path: String) -> String? {
        if path.isEmpty || path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return nil }
        for b in path.utf8
        where b == UInt8(ascii: ":") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#")
            || b == UInt8(ascii: "\\")
        {
            return nil
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
                continue
            }
            if part.hasPrefix(".") { return nil }
            parts.append(part)
        }
        if path.hasSuffix("/") || parts.isEmpty { parts.append("index") }
        var name = String(parts.removeLast())
        for ext in [".md", ".html", ".htm"] where name.lowercased().hasSuffix(ext) && name.count > ext.count {
            name = String(name.dropLast(ext.count))
            break
        }
        parts.append(Substring(name + ".html"))
        return parts.joined(separator: "/")
    }
}
