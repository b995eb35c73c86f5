import KnowledgeBase

/// `front-matter`: a guide whose front matter could not be read (invalid YAML, repeated keys,
/// not a mapping). The guide still loads, without its title, tags or review date, so the
/// problem is a finding at its line like any other rather than a load failure: it can be
/// reported in SARIF and annotated in a pull request.
///
/// Files that cannot be read at all (unreadable, not UTF-8) are not findings: there is no
/// guide to attach them to, and `kb lint` reports them as I/O errors.
public struct FrontMatterRule: Rule {
    public static let id = "front-matter"
    public static let defaultSeverity = Severity.error
    public static let summary = "Front matter must be valid YAML: a mapping of keys to values."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        guard let problems = context.problemsByPath[guide.path] else { return [] }
        return problems.map { finding(guide, line: $0.line ?? 1, $0.message) }
    }
}
