import KnowledgeBase
import Testing

@testable import Lint

/// The knowledge base the project ships must pass its own linter with no findings at all.
@Suite struct ShippedGuidesTests {
    @Test func guidesHaveNoFindings() throws {
        let root = TestPaths.packageRoot.appendingPathComponent("guides").path
        let configuration = try Configuration.forGuides(root: root, ruleIDs: Linter.allRuleIDs).lint
        #expect(!configuration.terms.isEmpty)
        let kb = KnowledgeBase.load(root)
        #expect(kb.problems.isEmpty)
        #expect(kb.guides.count > 5)
        let findings = Linter(configuration: configuration).lint(kb)
        #expect(findings.isEmpty, "\(findings.map { "\($0.path):\($0.line): \($0.message) [\($0.ruleID)]" })")
    }
}
