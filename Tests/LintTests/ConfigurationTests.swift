import KnowledgeBase
import Testing

@testable import Lint

/// The `lint:` section as the linter applies it. Reading `kb.yaml` is tested in
/// `KnowledgeBaseTests/ConfigurationTests`.
@Suite struct LintConfigurationTests {
    @Test func theShippedRuleIDsAreTheOnesSeveritiesMayName() throws {
        let yaml = "lint:\n  severities: {stale-review: error, question-form: off}\n"
        let c = try Configuration(yaml: yaml, ruleIDs: Linter.allRuleIDs).lint
        #expect(c.severities["stale-review"] == .some(.error))
        #expect(c.isDisabled("question-form"))
        #expect(throws: ConfigurationError.self) {
            try Configuration(yaml: "lint:\n  severities: {broken-links: off}\n", ruleIDs: Linter.allRuleIDs)
        }
    }

    @Test func severityOverridesApplyAndOffRemovesTheRule() throws {
        let guides = try TemporaryGuides(["notes.md": "No title here.\n\n## A\n\n#### B\n"])
        var c = LintConfiguration()
        c.severities["missing-title"] = .some(.warning)
        c.severities["heading-increment"] = .some(Severity?.none)
        let findings = Linter(rules: [MissingTitleRule(), HeadingIncrementRule()], configuration: c).lint(guides.load())
        #expect(findings.map(\.ruleID) == ["missing-title"])
        #expect(findings.first?.severity == .warning)
    }
}
