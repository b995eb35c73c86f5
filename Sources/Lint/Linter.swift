import Dispatch
import KnowledgeBase

/// Runs every rule over every guide (guides in parallel: they are independent), then applies the
/// configuration's severities and inline suppressions, and sorts findings by file and line.
public struct Linter: Sendable {
    public var rules: [any Rule]
    public var configuration: LintConfiguration

    public init(rules: [any Rule] = Linter.allRules, configuration: LintConfiguration = .default) {
        self.rules = rules
        self.configuration = configuration
    }

    /// Every rule the tool ships, in the order `--list-rules` shows them.
    public static let allRules: [any Rule] = [RealisticSecretRule()]

    public func lint(_ kb: KnowledgeBase) -> [Finding] {
        let context = LintContext(knowledgeBase: kb, configuration: configuration)
        let guides = kb.guides
        let rules = self.rules
        let results = UnsafeMutableBufferPointer<[Finding]>.allocate(capacity: guides.count)
        results.initialize(repeating: [])
        defer { results.deallocate() }
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: guides.count) { i in
            var found: [Finding] = []
            for rule in rules { found.append(contentsOf: rule.check(guides[i], in: context)) }
            shared[i] = found
        }
        var findings: [Finding] = []
        for (i, guide) in guides.enumerated() {
            findings.append(contentsOf: applyConfiguration(results[i], in: guide))
        }
        return findings.sorted {
            ($0.path, $0.line, $0.column, $0.ruleID) < ($1.path, $1.line, $1.column, $1.ruleID)
        }
    }

    private func applyConfiguration(_ findings: [Finding], in guide: Guide) -> [Finding] {
        findings.compactMap { finding in
            var finding = finding
            if let override = configuration.severities[finding.ruleID] {
                guard let severity = override else { return nil }
                finding.severity = severity
            }
            return finding
        }
    }
}
