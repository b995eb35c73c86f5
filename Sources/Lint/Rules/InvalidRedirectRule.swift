import KnowledgeBase

/// `invalid-redirect`: a `redirect-from:` path whose page the site could not write, because
/// it lies outside the guides folder, or would replace a real page (a guide's, a section's,
/// a generated one) or the redirect another entry already asked for. Names differing only in
/// case collide too: a case-insensitive disk holds one of them.
public struct InvalidRedirectRule: Rule {
    public static let id = "invalid-redirect"
    public static let defaultSeverity = Severity.error
    public static let summary =
        "A redirect-from path must lie inside the guides folder and land on no page or other redirect."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        guard !guide.redirects.isEmpty else { return [] }
        let targets = context.redirectTargets
        var findings: [Finding] = []
        for r in guide.redirects {
            guard let page = r.page else {
                findings.append(
                    finding(
                        guide, line: r.line,
                        "redirect-from `\(r.from)` is not a path inside the guides folder; write the old path relative to the guides root"
                    ))
                continue
            }
            let key = page.lowercased()
            if let owner = targets.pages[key] {
                findings.append(
                    finding(
                        guide, line: r.line, "redirect-from `\(r.from)` would replace \(owner) (\(page)); remove it"))
            } else if let first = targets.firstClaims[key], first.path != guide.path || first.line != r.line {
                findings.append(
                    finding(
                        guide, line: r.line,
                        "redirect-from `\(r.from)` is already a redirect at \(first) (\(page)); an old path can lead to one page only"
                    ))
            }
        }
        return findings
    }
}
