import KnowledgeBase

/// One problem found in one place.
public struct Finding: Sendable, Hashable {
    /// The stable rule id (`realistic-secret`), used in configuration and suppressions.
    public var ruleID: String
    public var severity: Severity
    /// Path relative to the guides root.
    public var path: String
    /// 1-based line and column (column in characters, 1 when unknown).
    public var line: Int
    public var column: Int
    /// What is wrong, for a person. Never contains a secret: rules redact before they speak.
    public var message: String

    public init(ruleID: String, severity: Severity, path: String, line: Int, column: Int = 1, message: String) {
        self.ruleID = ruleID
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }
}
