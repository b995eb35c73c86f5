/// How much a finding matters: errors fail CI (exit 1), warnings are shown but pass. It lives
/// beside the configuration because `lint.severities` in `kb.yaml` sets it per rule; the
/// linter's findings carry the same type.
public enum Severity: String, Sendable, Codable, Hashable, Comparable, CaseIterable {
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool {
        a == .warning && b == .error
    }
}
