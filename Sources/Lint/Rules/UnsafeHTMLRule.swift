import KnowledgeBase

/// `unsafe-html`: raw HTML, or a `javascript:`, `vbscript:`, `file:` or `data:` URL, that the
/// site drops. The site renders with cmark's safe mode, which removes raw HTML and empties such
/// URLs (`data:` images in PNG, GIF, JPEG or WebP excepted), so what the writer sees on GitHub
/// would silently vanish from the published page.
///
/// HTML comments are not findings: they are invisible everywhere, so dropping them loses
/// nothing, and `<!-- kb-ignore … -->` comments are how suppressions are written. An inline
/// closing tag is not reported apart from its opening tag.
public struct UnsafeHTMLRule: Rule {
    public static let id = "unsafe-html"
    public static let defaultSeverity = Severity.warning
    public static let summary = "Raw HTML and script or data URLs are dropped by the site; write Markdown instead."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var lines: GuideLines?
        var cursors: [String: GuideLines.SearchCursor] = [:]
        for html in guide.rawHTML where !Suppressions.isOnlyComments(html.html) {
            let tag = UnsafeHTMLRule.tagName(html.html)
            // A closing tag belongs to the opening one already reported.
            if !html.isBlock, tag?.hasPrefix("/") == true { continue }
            if lines == nil { lines = GuideLines(guide) }
            let firstLine = html.html.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? html.html
            let needle = String(firstLine.drop(while: { $0 == " " || $0 == "\t" }).prefix(40))
            var cursor = cursors[needle] ?? GuideLines.SearchCursor()
            let at = lines!.locate(needle, from: html.line, after: &cursor) ?? (html.line, 1)
            cursors[needle] = cursor
            let kind = (html.isBlock ? "HTML block" : "inline HTML") + (tag.map { " <\($0)>" } ?? "")
            findings.append(
                finding(
                    guide, line: at.line, column: at.column,
                    "\(kind) is dropped by the site; use Markdown instead"))
        }
        for link in guide.links where link.kind == .external {
            guard let scheme = UnsafeHTMLRule.dangerousScheme(link.target) else { continue }
            if lines == nil { lines = GuideLines(guide) }
            let at = lines!.locate(link.target, from: link.line) ?? (link.line, 1)
            findings.append(
                finding(
                    guide, line: at.line, column: at.column,
                    "\(link.isImage ? "image" : "link") with a `\(scheme):` URL is emptied by the site"))
        }
        return findings
    }

    /// The scheme when cmark's safe mode would drop `url` (one home: `Link.dangerousScheme`).
    static func dangerousScheme(_ url: String) -> String? { Link.dangerousScheme(url) }

    /// `div` for `<div class="x">`, `/details` for a closing tag; nil for other HTML.
    static func tagName(_ html: String) -> String? {
        var s = html.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard s.first == "<" else { return nil }
        s = s.dropFirst()
        var name = ""
        if s.first == "/" {
            name = "/"
            s = s.dropFirst()
        }
        let letters = s.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" })
        guard !letters.isEmpty else { return nil }
        return name + letters.lowercased()
    }
}
