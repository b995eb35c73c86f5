import KnowledgeBase

/// A consistency check. Each rule lives in its own file under `Rules/`, named after it
/// (`RealisticSecretRule` for `realistic-secret`), as swift-format names its rules.
///
/// Rules see one guide at a time with the whole knowledge base beside it (for cross-guide
/// checks such as broken links), and return findings at their default severity; the linter
/// applies the configuration's severities and suppressions afterwards.
public protocol Rule: Sendable {
    /// Stable id used in output, configuration and `<!-- kb-ignore ID -->` comments.
    static var id: String { get }
    static var defaultSeverity: Severity { get }
    /// One sentence for SARIF's rule help and `kb lint --list-rules`.
    static var summary: String { get }

    /// Findings in `guide`. `context` gives the other guides and the configuration.
    func check(_ guide: Guide, in context: LintContext) -> [Finding]
}

extension Rule {
    /// A finding of this rule at its default severity.
    public func finding(_ guide: Guide, line: Int, column: Int = 1, _ message: String) -> Finding {
        Finding(
            ruleID: Self.id, severity: Self.defaultSeverity, path: guide.path, line: line, column: column,
            message: message)
    }
}

/// What a rule may read besides its guide.
public struct LintContext: Sendable {
    public var knowledgeBase: KnowledgeBase
    public var configuration: LintConfiguration
    /// Each guide's anchors by path, computed once for link checks.
    public var anchorsByPath: [String: Set<String>]

    public init(knowledgeBase: KnowledgeBase, configuration: LintConfiguration) {
        self.knowledgeBase = knowledgeBase
        self.configuration = configuration
        var anchors: [String: Set<String>] = [:]
        for g in knowledgeBase.guides { anchors[g.path] = g.anchors }
        self.anchorsByPath = anchors
    }
}
