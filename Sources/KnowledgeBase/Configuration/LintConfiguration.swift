/// The `lint:` section of `kb.yaml`: how `kb lint` (and the checks before `kb build`) judge the
/// guides, with defaults that suit a knowledge base with no configuration at all.
public struct LintConfiguration: Sendable, Hashable {
    enum Key: String, CaseIterable {
        case severities
        case terms
        case reviewMaxAgeDays = "review-max-age-days"
        case allowedPlaceholders = "allowed-placeholders"
    }

    /// Overrides of rule severities by rule id; a `nil` value turns the rule off.
    public var severities: [String: Severity?] = [:]
    /// Terms to avoid and what to write instead (`"api-key": "API key"`). Empty by default:
    /// house style belongs to each knowledge base, in its `kb.yaml`.
    public var terms: [String: String] = [:]
    /// A `reviewed` date older than this many days draws a `stale-review` warning.
    public var reviewMaxAgeDays: Int = 365
    /// Strings that are known placeholders in this knowledge base and never secrets.
    public var allowedPlaceholders: [String] = []

    public init() {}

    public static let `default` = LintConfiguration()

    /// True when the configuration turns the rule off.
    public func isDisabled(_ ruleID: String) -> Bool {
        if let override = severities[ruleID], override == nil { return true }
        return false
    }

    /// Reads the section; `ruleIDs` are the ids `severities` may name (nil: any).
    init(reading section: ConfigurationNode, ruleIDs: Set<String>?) throws(ConfigurationError) {
        for (key, value) in try section.settings(Key.self, "a mapping of lint settings") {
            switch key {
            case .severities:
                for (rule, ruleNode, level) in try value.entries("a mapping of rule ids to error, warning or off") {
                    if let ruleIDs, !ruleIDs.contains(rule) {
                        throw ruleNode.error("unknown rule `\(rule)` in `lint.severities` (see `kb lint --list-rules`)")
                    }
                    severities[rule] = try LintConfiguration.severity(level, rule: rule)
                }
            case .terms:
                for (term, termNode, replacement) in try value.entries(
                    "a mapping of terms to avoid to what to write instead")
                {
                    guard term.contains(where: { !$0.isWhitespace }) else {
                        throw termNode.error("a term in `lint.terms` is empty")
                    }
                    terms[term] = try replacement.text()
                }
            case .reviewMaxAgeDays:
                reviewMaxAgeDays = try value.positiveInteger("days")
            case .allowedPlaceholders:
                allowedPlaceholders = try value.texts()
            }
        }
    }

    /// `error`, `warning` (or `warn`), or `off`. YAML 1.1 reads a bare `off` as false; Yams keeps
    /// the text, but `false` and `none` are accepted as well.
    private static func severity(_ level: ConfigurationNode, rule: String) throws(ConfigurationError) -> Severity? {
        let text: String?
        if case .scalar(let scalar) = level.node { text = scalar.string.lowercased() } else { text = nil }
        switch text {
        case "error": return .error
        case "warning", "warn": return .warning
        case "off", "false", "none": return nil
        default: throw level.error("severity of `\(rule)` must be error, warning or off")
        }
    }
}
