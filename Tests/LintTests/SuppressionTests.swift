import Testing

@testable import Lint

@Suite struct SuppressionTests {
    let terms = configuration { $0.terms = ["api-key": "API key"] }

    @Test func aCommentSilencesItsRulesOnTheNextLineOnly() throws {
        try expectFindings(
            [TerminologyRule(), UnsafeHTMLRule()],
            in: [
                "guide.md": """
                # Keys

                <!-- kb-ignore terminology -->
                The api-key header is named by the vendor, and 1️⃣<kbd>Ctrl</kbd> is still reported.
                A second 2️⃣api-key on the next line is reported.
                <!-- kb-ignore -->
                Every rule is quiet here: api-key <b>bold</b>.
                <!-- kb-ignore unsafe-html, heading-increment -->
                The 3️⃣api-key is reported, the <i>italics</i> are not.
                """
            ], configuration: terms,
            [
                "1️⃣": "inline HTML <kbd> is dropped by the site; use Markdown instead",
                "2️⃣": "use \"API key\" instead of \"api-key\"",
                "3️⃣": "use \"API key\" instead of \"api-key\"",
            ])
    }

    @Test func aFileCommentSilencesTheWholeFile() throws {
        try expectFindings(
            [TerminologyRule(), MissingTitleRule()],
            in: [
                "legacy.md": """
                1️⃣<!-- kb-ignore-file terminology -->
                The api-key here and the api-key there are both fine.
                """
            ], configuration: terms,
            ["1️⃣": "guide has no title: add a `title` to the front matter or a `# Heading`"])
    }

    @Test func aCommentShownInACodeBlockSilencesNothing() throws {
        try expectFindings(
            [TerminologyRule()],
            in: [
                "guide.md": """
                # Suppressing a finding

                ```markdown
                <!-- kb-ignore terminology -->
                ```
                The 1️⃣api-key is still reported.
                """
            ], configuration: terms,
            ["1️⃣": "use \"API key\" instead of \"api-key\""])
    }

    @Test func parsesRuleLists() {
        let comments = Suppressions.comments(in: "<!-- kb-ignore a b,c -->\n<!-- kb-ignore-file -->")
        #expect(comments.count == 2)
        #expect(comments.first?.rules == ["a", "b", "c"])
        #expect(comments.first?.wholeFile == false)
        #expect(comments.last?.wholeFile == true && comments.last?.rules.isEmpty == true)
        #expect(comments.last?.endLineOffset == 1)
        #expect(Suppressions.comments(in: "<!-- an ordinary note -->").isEmpty)
    }
}

/// `unused-ignore`: a suppression that silences nothing, or names no rule, is reported where
/// it is written, so that suppressions do not outlive the text they excused.
@Suite struct UnusedIgnoreTests {
    let terms = configuration { $0.terms = ["api-key": "API key"] }

    @Test func commentsThatSilenceNothingOrNameUnknownRulesAreReported() throws {
        try expectFindings(
            [TerminologyRule(), UnsafeHTMLRule(), UnusedIgnoreRule()],
            in: [
                "guide.md": """
                # Keys

                <!-- kb-ignore terminology -->
                The api-key header is named by the vendor.
                1️⃣<!-- kb-ignore terminology -->
                This line was rewritten and says API key now.
                2️⃣<!-- kb-ignore terminolgy unsafe-html -->
                The <b>bold</b> is silenced; the misspelt rule is not a rule.
                """,
                "other.md": """
                4️⃣<!-- kb-ignore-file unsafe-html -->
                # Other

                Plain text only.
                """,
            ], configuration: terms,
            [
                "1️⃣": "kb-ignore terminology silences nothing here: remove it",
                "2️⃣": "kb-ignore names \"terminolgy\", which is not a rule (kb lint --list-rules)",
                "4️⃣": "kb-ignore-file unsafe-html silences nothing here: remove it",
            ])
    }

    @Test func aCommentForEveryRuleThatSilencesNothingIsReported() throws {
        try expectFindings(
            Linter.allRules,
            in: ["guide.md": "# Keys\n\n1️⃣<!-- kb-ignore -->\nNothing to silence here.\n"],
            ["1️⃣": "kb-ignore silences nothing here: remove it"])
    }

    @Test func aRuleThatDidNotRunMakesNoCommentUnused() throws {
        // heading-increment is not run here (as when kb.yaml turns it off), so the comment
        // naming it cannot be judged; a bare kb-ignore needs every rule to have run.
        try expectFindings(
            [TerminologyRule(), UnusedIgnoreRule()],
            in: [
                "guide.md": """
                # Keys

                <!-- kb-ignore heading-increment -->
                #### Deep
                <!-- kb-ignore -->
                Nothing here.
                """
            ], configuration: terms, [:])
    }

    @Test func unusedIgnoreCanBeTurnedOff() throws {
        var config = terms
        config.severities[UnusedIgnoreRule.id] = .some(nil)
        try expectFindings(
            Linter.allRules, in: ["guide.md": "# Keys\n\n<!-- kb-ignore terminology -->\nFine.\n"],
            configuration: config, [:])
    }

    @Test func aCommentInACodeBlockIsNotASuppressionAndSoNotUnused() throws {
        try expectFindings(
            Linter.allRules,
            in: ["guide.md": "# Keys\n\n```markdown\n<!-- kb-ignore terminology -->\n```\n"],
            configuration: terms, [:])
    }
}
