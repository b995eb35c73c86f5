import KnowledgeBase

/// `missing-title`: a guide with neither a front-matter `title` nor a level-1 heading. Its
/// title would fall back to the file name, which is what navigation, search results and the
/// browser tab would show.
public struct MissingTitleRule: Rule {
    public static let id = "missing-title"
    public static let defaultSeverity = Severity.error
    public static let summary = "Every guide needs a title: a front-matter `title` or a level-1 heading."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        guard guide.titleSource == .fileName else { return [] }
        return [finding(guide, line: 1, "guide has no title: add a `title` to the front matter or a `# Heading`")]
    }
}
