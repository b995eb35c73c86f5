import Testing

@testable import Lint

@Suite struct ConfigurationTests {
    @Test func readsTheLintSectionAndIgnoresOtherTopLevelKeys() throws {
        let c = try LintConfiguration.parse(
            yaml: """
                lint:
                  severities: {stale-review: error, question-form: off, terminology: warning}
                  terms: {"api-key": "API key", "apikey": "API key"}
                  review-max-age-days: 180
                  allowed-placeholders: ["sk-proj-EXAMPLE"]
                synonyms:
                  key: [token, credential]
                """, knownRuleIDs: Linter.allRuleIDs)
        #expect(c.severities["stale-review"] == .some(.error))
        #expect(c.severities["terminology"] == .some(.warning))
        #expect(c.isDisabled("question-form"))
        #expect(!c.isDisabled("stale-review"))
        #expect(c.terms == ["api-key": "API key", "apikey": "API key"])
        #expect(c.reviewMaxAgeDays == 180)
        #expect(c.allowedPlaceholders == ["sk-proj-EXAMPLE"])
    }

    @Test func anEmptyFileOrNoLintSectionGivesDefaults() throws {
        let empty = try LintConfiguration.parse(yaml: "")
        #expect(empty.severities.isEmpty && empty.terms.isEmpty && empty.reviewMaxAgeDays == 365)
        let other = try LintConfiguration.parse(yaml: "synonyms:\n  key: [token]\n")
        #expect(other.terms.isEmpty)
    }

    @Test(arguments: [
        ("lint:\n  severities:\n    broken-links: off\n", 3, "unknown rule `broken-links`"),
        ("lint:\n  severities:\n    broken-link: loud\n", 3, "severity of `broken-link` must be error, warning or off"),
        ("lint:\n  review-max-age-days: soon\n", 2, "must be a whole number"),
        ("lint:\n  sevrities: {}\n", 2, "unknown setting `lint.sevrities`"),
        ("lint:\n  terms: [api-key]\n", 2, "`lint.terms` must map"),
        ("lint:\n  terms: {a: b\n", 3, "invalid YAML"),
        ("lint: [1, 2]\n", 1, "`lint` must be a mapping"),
    ])
    func badSettingsNameTheFileAndLine(yaml: String, line: Int, message: String) {
        do {
            _ = try LintConfiguration.parse(yaml: yaml, path: "guides/kb.yaml", knownRuleIDs: Linter.allRuleIDs)
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.path == "guides/kb.yaml")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.hasPrefix("guides/kb.yaml:\(line): error: "))
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

    @Test func aMissingFileIsAnError() {
        #expect(throws: ConfigurationError.self) {
            try LintConfiguration.load(path: "/nonexistent/kb.yaml")
        }
    }
}
