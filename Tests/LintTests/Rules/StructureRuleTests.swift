import Testing

@testable import Lint

@Suite struct MissingTitleRuleTests {
    @Test func aGuideWithoutTitleOrH1() throws {
        try expectFindings(
            MissingTitleRule(),
            in: """
                1️⃣Some notes without a heading.

                ## A section

                More.
                """,
            ["1️⃣": "guide has no title: add a `title` to the front matter or a `# Heading`"])
    }

    @Test func frontMatterTitleOrH1IsEnough() throws {
        try expectFindings(MissingTitleRule(), in: "---\ntitle: Rotating keys\n---\n\n## Steps\n", [:])
        try expectFindings(MissingTitleRule(), in: "Intro line.\n\n# Rotating keys\n", [:])
    }
}

@Suite struct EmptyAnswerRuleTests {
    @Test func aQuestionFollowedByTheNextQuestion() throws {
        try expectFindings(
            EmptyAnswerRule(),
            in: """
                # Keys FAQ

                ## 1️⃣How many keys can I create?

                ## Where do I store a key?

                In a secrets manager.

                ## 2️⃣Is this the last question?
                """,
            [
                "1️⃣": "question \"How many keys can I create?\" has no answer",
                "2️⃣": "question \"Is this the last question?\" has no answer",
            ])
    }

    @Test func aCodeOnlyAnswerHasText() throws {
        try expectFindings(
            EmptyAnswerRule(),
            in: """
                # Keys FAQ

                ## How do I read the key from the environment?

                ```sh
                echo "$OPENAI_API_KEY"
                ```
                """, [:])
    }
}

@Suite struct HeadingIncrementRuleTests {
    @Test func skippedLevels() throws {
        try expectFindings(
            HeadingIncrementRule(),
            in: """
                # Rotating keys

                ## Before you start

                #### 1️⃣A detail

                ## Steps

                ### Create the new key

                ## Afterwards
                """,
            ["1️⃣": "heading level jumps from H2 to H4; use H3"])
    }

    @Test func aFrontMatterTitleCountsAsH1() throws {
        try expectFindings(
            HeadingIncrementRule(),
            in: """
                ---
                title: Rotating keys
                ---

                ### 1️⃣Steps
                """,
            ["1️⃣": "heading level jumps from H1 to H3; use H2"])
        try expectFindings(HeadingIncrementRule(), in: "---\ntitle: Rotating keys\n---\n\n## Steps\n", [:])
    }
}

@Suite struct QuestionFormRuleTests {
    @Test func aStatementAmongQuestions() throws {
        try expectFindings(
            QuestionFormRule(),
            in: """
                # Keys FAQ

                ## Where do I find my key?

                On the API keys page.

                ## 1️⃣Billing

                By the token.

                ## Can I share a key?

                No.
                """,
            ["1️⃣": "\"Billing\" is not phrased as a question, unlike 2 of the 3 in this FAQ"])
    }

    @Test func aFAQWithoutAPatternIsLeftAlone() throws {
        try expectFindings(
            QuestionFormRule(),
            in: """
                # Keys FAQ

                ## Where do I find my key?

                On the API keys page.

                ## Billing

                By the token.

                ## Sharing

                Don't.
                """, [:])
    }
}

@Suite struct FrontMatterRuleTests {
    @Test func invalidYAMLIsAFindingAtItsLine() throws {
        let guides = try TemporaryGuides(["guide.md": "---\ntitle: Keys\ntags: [unclosed\n---\n\n# Keys\n"])
        let findings = Linter(rules: [FrontMatterRule()]).lint(guides.load())
        #expect(findings.count == 1)
        #expect(findings.first?.ruleID == "front-matter")
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.hasPrefix("invalid front matter") == true)
        #expect((2...4).contains(findings.first?.line ?? 0))
    }

    @Test func validFrontMatterIsFine() throws {
        try expectFindings(FrontMatterRule(), in: "---\ntitle: Keys\ntags: [a, b]\n---\n\n# Keys\n", [:])
    }
}
