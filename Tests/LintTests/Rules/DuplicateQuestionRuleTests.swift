import Testing

@testable import Lint

@Suite struct DuplicateQuestionRuleTests {
    @Test func reportsTheLaterQuestionNamingTheFirst() throws {
        try expectFindings(
            [DuplicateQuestionRule()],
            in: [
                "billing.md": """
                # Billing

                ## FAQ

                ### How am I billed?

                By the token.
                """,
                "faq.md": """
                # Keys FAQ

                ## How do I rotate my key?

                Create a new one, deploy it, revoke the old one.

                ## 1️⃣How to rotate keys

                The same answer, written again.

                ## 2️⃣how am I billed

                By the token, again.
                """,
            ],
            [
                "1️⃣": "question \"How to rotate keys\" was already asked at line 3",
                "2️⃣": "question \"how am I billed\" was already asked at billing.md:5",
            ])
    }

    /// "Also asked as:" phrases are questions too: one that repeats a question or another
    /// phrase elsewhere is reported where its words are, naming the first.
    @Test func reportsAnAliasThatRepeatsAQuestionOrAnotherAlias() throws {
        try expectFindings(
            [DuplicateQuestionRule()],
            in: [
                "billing.md": """
                # Billing

                ## FAQ

                ### How am I billed?

                By the token.

                ## Limits

                Also asked as: change my key; quota exceeded

                Raise them in the settings.
                """,
                "faq.md": """
                # Keys FAQ

                ## How do I rotate my key?

                Also asked as: 1️⃣changing my keys; swap a key; 2️⃣how am I billed

                Create a new one, deploy it, revoke the old one.
                """,
            ],
            [
                "1️⃣": "\"Also asked as\" phrase \"changing my keys\" was already asked at billing.md:11",
                "2️⃣": "\"Also asked as\" phrase \"how am I billed\" was already asked at billing.md:5",
            ])
    }

    @Test func differentQuestionsAboutOneTopicAreNotDuplicates() throws {
        try expectFindings(
            DuplicateQuestionRule(),
            in: """
                # Keys FAQ

                ## Why do I need a key?

                To authenticate.

                ## How do I get a key?

                From the dashboard.

                ## Can I move a key to a project?

                No.

                ## Can I move a project to a key?

                That is not a thing.
                """, [:])
    }

    @Test func normalisesCasePunctuationStopWordsAndStems() {
        #expect(QuestionKey("How do I rotate my keys?") == QuestionKey("how to rotate a key"))
        #expect(QuestionKey("Where are the usage limits?") == QuestionKey("Where is the usage limit"))
        #expect(QuestionKey("Why do I need a key?") != QuestionKey("How do I need a key?"))
        #expect(QuestionKey("Why?").isEmpty == false)
        #expect(QuestionKey("Is it?").isEmpty)
    }
}
