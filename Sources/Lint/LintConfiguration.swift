import KnowledgeBase

/// Settings from `kb.yaml` at the guides root (the `lint:` part), with defaults that suit a
/// knowledge base with no configuration at all.
public struct LintConfiguration: Sendable {
    /// Overrides of rule severities by rule id; `nil` value = rule turned off.
    public var severities: [String: Severity?] = [:]
    /// Terms to avoid and what to write instead (`"api-key": "API key"`). Empty by default:
    /// house style belongs to each knowledge base, in its `kb.yaml`.
    public var terms: [String: String] = [:]
    /// A `reviewed` date older than this many days draws a `stale-review` warning.
    public var reviewMaxAgeDays: Int = 365
    /// Strings that are known placeholders in this knowledge base and never secrets.
    public var allowedPlaceholders: [String] = []
    /// The day `stale-review` measures ages from: today (UTC) unless a test fixes it.
    public var today: CalendarDay = .today()

    public init() {}

    public static let `default` = LintConfiguration()

    /// True when the configuration turns the rule off.
    public func isDisabled(_ ruleID: String) -> Bool {
        if let override = severities[ruleID], override == nil { return true }
        return false
    }
}
