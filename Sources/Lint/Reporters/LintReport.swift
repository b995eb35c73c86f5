/// Everything a reporter shows: findings with paths as the user should see them (joined to the
/// guides root they gave, so they open from the working directory), and what was checked.
public struct LintReport: Sendable {
    public var findings: [Finding]
    /// Number of guides checked, for the summary line.
    public var filesChecked: Int
    /// The rules that ran, for SARIF's rule metadata.
    public var rules: [RuleDescriptor]
    public var toolVersion: String

    public init(findings: [Finding], filesChecked: Int, rules: [RuleDescriptor], toolVersion: String) {
        self.findings = findings
        self.filesChecked = filesChecked
        self.rules = rules
        self.toolVersion = toolVersion
    }

    public var errorCount: Int { findings.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { findings.reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }
    public var filesWithFindings: Int { Set(findings.map(\.path)).count }

    /// `2 errors, 1 warning in 11 files`.
    public var summaryLine: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(errorCount, "error")), \(count(warningCount, "warning")) in \(count(filesChecked, "file"))"
    }
}
