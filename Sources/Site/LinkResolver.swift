import KnowledgeBase

/// Decides where a link written in a guide points on the site.
///
/// Links between guides (`other.md#x`) become links between pages (`other.html#x`); links to
/// local images and documents inside the root are kept and the files copied; anything that
/// climbs out of the root, names a missing file or a hidden one is dropped, so the published
/// site never reaches outside the guides folder and has no broken internal links.
public struct LinkResolver: Sendable {
    public let plan: SitePlan
    /// The guides root, and its real path for symlink checks.
    public let root: String
    let realRoot: String

    /// Extensions of files a guide may link to or show, copied as they are.
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp"]
    public static let documentExtensions: Set<String> = ["pdf", "txt", "csv", "zip"]

    public enum Target: Equatable, Sendable {
        /// A URL to write as is (external, `mailto:`, `data:image`).
        case external
        /// A root-relative page or file path, with an optional fragment.
        case site(path: String, fragment: String?)
        /// A local file to copy into the site, then link as `.site`.
        case asset(path: String, fragment: String?)
        /// Nothing to link to: the link becomes plain text.
        case none
    }

    public init(plan: SitePlan, root: String) {
        self.plan = plan
        self.root = root
        self.realRoot = SiteFiles.realPath(root) ?? root
    }

    /// Resolves `url` (as cmark wrote it, HTML entities already decoded) found in guide
    /// `guide`; `isImage` for an image source.
    public func resolve(_ url: String, inGuide guide: Int, isImage: Bool) -> Target {
        if url.isEmpty { return .none }  // cmark's safe mode empties javascript: and friends
        if url.hasPrefix("//") || URLPath.hasScheme(url) { return .external }
        var pathPart = Substring(url)
        var fragment: String?
        if let hash = pathPart.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = URLPath.percentDecode(String(pathPart[pathPart.utf8.index(after: hash)...]))
            pathPart = pathPart[..<hash]
        }
        if let question = pathPart.utf8.firstIndex(of: UInt8(ascii: "?")) { pathPart = pathPart[..<question] }
        let decoded = URLPath.percentDecode(String(pathPart))

        if decoded.isEmpty {
            if isImage { return .none }
            return page(guide, fragment: fragment)
        }
        guard let resolved = URLPath.resolve(decoded, from: URLPath.directory(of: plan.guides[guide].path)) else {
            return .none
        }
        if !isImage {
            if let target = plan.guideByPath[resolved] { return page(target, fragment: fragment) }
            if resolved.hasSuffix(".html"), let target = plan.guideByPath[String(resolved.dropLast(5)) + ".md"] {
                return page(target, fragment: fragment)
            }
            if let target = plan.guideByPath[resolved + ".md"] { return page(target, fragment: fragment) }
            if resolved.isEmpty { return .site(path: SitePlan.homePage, fragment: nil) }
            if let target = plan.guideByPath[resolved + "/index.md"] { return page(target, fragment: fragment) }
            if let group = plan.groups.first(where: { $0.folder == resolved }) {
                return .site(path: group.landing, fragment: nil)
            }
        }
        guard isCopyable(resolved, isImage: isImage) else { return .none }
        return .asset(path: resolved, fragment: isImage ? nil : fragment)
    }

    private func page(_ target: Int, fragment: String?) -> Target {
        let path = target == plan.homeGuide ? SitePlan.homePage : plan.pages[target]
        if let fragment, plan.anchors[target].contains(fragment) { return .site(path: path, fragment: fragment) }
        return .site(path: path, fragment: nil)
    }

    /// A file inside the root, of a kind worth publishing, not hidden, and not a symbolic link
    /// that leads out of the root.
    func isCopyable(_ path: String, isImage: Bool) -> Bool {
        if path.isEmpty || path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return false }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        let ext = path[path.index(after: dot)...].lowercased()
        let allowed =
            LinkResolver.imageExtensions.contains(ext) || (!isImage && LinkResolver.documentExtensions.contains(ext))
        guard allowed else { return false }
        let full = root + "/" + path
        guard SiteFiles.kind(full) == .file, let real = SiteFiles.realPath(full) else { return false }
        return real.hasPrefix(realRoot + "/")
    }
}
