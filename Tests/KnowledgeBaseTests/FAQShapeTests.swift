import Testing

@testable import KnowledgeBase

@Suite("FAQ entries")
struct FAQShapeTests {
    @Test("A page titled FAQ: every heading one level below the title is a question")
    func faqPageByTitle() throws {
        let guide = try parse(
            """
            # Billing FAQ

            Intro text is not an answer.

            ## How am I billed?

            By tokens processed.

            ### Per model

            Prices depend on the model.

            ## Where is the usage page

            Under **Usage**.
            """)
        #expect(guide.faqs.map(\.question) == ["How am I billed?", "Where is the usage page"])
        #expect(guide.faqs[0].line == 5)
        #expect(guide.faqs[0].answer == "By tokens processed.\n\n### Per model\n\nPrices depend on the model.")
        #expect(guide.faqs[0].answerText.contains("Prices depend on the model."))
        #expect(guide.faqs[1].answerHTML == "<p>Under <strong>Usage</strong>.</p>\n")
        #expect(guide.faqs[1].anchor == "where-is-the-usage-page")
    }

    @Test("Front matter type: faq makes a FAQ page whatever its title")
    func faqPageByType() throws {
        let guide = try parse(
            """
            ---
            type: faq
            title: Questions people ask
            ---
            # Questions people ask

            ## Can I share a key?

            No.
            """)
        #expect(guide.faqs.count == 1)
        #expect(guide.faqs[0].line == 7)
    }

    @Test("A FAQ section inside a guide: its sub-headings are questions, and it ends at the next section")
    func faqSection() throws {
        let guide = try parse(
            """
            # Rotating keys

            ## Steps

            Do things.

            ## Frequently asked questions

            ### Does rotation break running jobs?

            Not if you deploy first.

            ### How often?

            Every 90 days.

            ## Related

            ### Not a question

            See also.
            """)
        #expect(guide.faqs.map(\.question) == ["Does rotation break running jobs?", "How often?"])
        #expect(guide.faqs[1].answer == "Every 90 days.")
    }

    @Test("A guide without a FAQ page title or section has no FAQ entries")
    func noFAQ() throws {
        let guide = try parse("# Guide\n\n## What is this?\n\nA question-shaped heading, not a FAQ.\n")
        #expect(guide.faqs.isEmpty)
    }
}
