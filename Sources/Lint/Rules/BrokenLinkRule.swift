import KnowledgeBase
import Platform

/// `broken-link`: a link to a guide or file that does not exist, or to an anchor its target
/// does not have. Paths resolve from the linking guide's folder as GitHub and the site resolve
/// them (`..` normalised, `%20` decoded; a leading `/` starts at the guides root); a link that
/// climbs out of the root is broken too, since the site cannot serve it. External and mail
/// links are not fetched: lint must work offline and give the same answer every time.
public struct BrokenLinkRule: Rule {
    public static let id = "broken-link"
    public static let defaultSeverity = Severity.error
    public static let summary = "Links and images must point at files and anchors that exist in the guides."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        guard !guide.links.isEmpty else { return [] }
        var findings: [Finding] = []
        var lines: GuideLines?
        var cursors: [String: GuideLines.SearchCursor] = [:]
        func report(_ link: Link, _ message: String) {
            if lines == nil { lines = GuideLines(guide) }
            var cursor = cursors[link.target] ?? GuideLines.SearchCursor()
            let at = lines!.locate(link.target, from: link.line, after: &cursor) ?? (link.line, 1)
            cursors[link.target] = cursor
            findings.append(finding(guide, line: at.line, column: at.column, message))
        }
        let what: (Link) -> String = { $0.isImage ? "missing image" : "broken link" }
        for link in guide.links {
            switch link.kind {
            case .external, .mail:
                continue
            case .anchor:
                if let message = anchorProblem(link.fragment, in: guide.path, context: context, sameGuide: true) {
                    report(link, message)
                }
            case .guide:
                let rawPath = link.path
                if rawPath.isEmpty {
                    if link.target.isEmpty {
                        report(link, "\(what(link)): the link has no target")
                    } else if let message = anchorProblem(
                        link.fragment, in: guide.path, context: context, sameGuide: true)
                    {
                        report(link, message)
                    }
                    continue
                }
                let decoded = BrokenLinkRule.percentDecode(rawPath)
                guard let resolved = BrokenLinkRule.resolve(decoded, from: guide.path) else {
                    report(link, "\(what(link)): `\(rawPath)` leads outside the guides folder")
                    continue
                }
                if context.anchorsByPath[resolved] != nil {
                    if let message = anchorProblem(link.fragment, in: resolved, context: context, sameGuide: false) {
                        report(link, message)
                    }
                    continue
                }
                let root = context.knowledgeBase.root
                if resolved.isEmpty || BrokenLinkRule.exists(root + "/" + resolved) { continue }
                var message = "\(what(link)): `\(rawPath)` does not exist"
                if !resolved.hasSuffix(".md"), context.anchorsByPath[resolved + ".md"] != nil {
                    message += "; did you mean `\(rawPath).md`?"
                }
                report(link, message)
            }
        }
        return findings
    }

    /// Nil when `fragment` names an anchor of the guide at `path` (or is empty).
    private func anchorProblem(_ fragment: String?, in path: String, context: LintContext, sameGuide: Bool)
        -> String?
    {
        guard let raw = fragment, !raw.isEmpty else { return nil }
        let anchor = BrokenLinkRule.percentDecode(raw)
        let anchors = context.anchorsByPath[path] ?? []
        if anchors.contains(anchor) { return nil }
        var message =
            sameGuide
            ? "broken link: no anchor `#\(raw)` in this guide" : "broken link: `\(path)` has no anchor `#\(raw)`"
        let lowered = anchor.lowercased()
        if lowered != anchor, anchors.contains(lowered) {
            message += "; anchors are lowercase: `#\(lowered)`"
        } else if anchors.contains(AnchorSlugger.slug(anchor)) {
            message += "; did you mean `#\(AnchorSlugger.slug(anchor))`?"
        }
        return message
    }

    /// `from`'s folder joined with `target`, with `.` and `..` resolved; nil when the result
    /// would lie above the root. A leading `/` means the root itself.
    static func resolve(_ target: String, from guidePath: String) -> String? {
        var parts: [Substring] = []
        if !target.hasPrefix("/") {
            parts = guidePath.split(separator: "/", omittingEmptySubsequences: true)
            if !parts.isEmpty { parts.removeLast() }
        }
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `%XX` sequences decoded as UTF-8 bytes; malformed ones left as written.
    static func percentDecode(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self) ?? s
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }
}
