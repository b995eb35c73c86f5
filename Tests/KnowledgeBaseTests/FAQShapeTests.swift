import Foundation
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

    @Test("An 'Also asked as:' paragraph under a heading gives aliases and leaves the answer")
    func alsoAskedAs() throws {
        let guide = try parse(
            """
            # Keys FAQ

            ## How do I rotate a key?

            Also asked as: change my key; "Error: key expired";  ; swap keys.

            Create a new one first.

            # Troubleshooting

            ## 401 errors

            ALSO ASKED AS: Incorrect API key provided
            over two lines

            Check the key.

            ## Not aliases

            Text first.

            Also asked as: too late, not right under the heading
            """, html: true)
        #expect(guide.faqs[0].aliases == ["change my key", "Error: key expired", "swap keys"])
        #expect(guide.faqs[0].aliasesLine == 5)
        #expect(guide.faqs[0].answer == "Create a new one first.")
        #expect(guide.faqs[0].answerText == "Create a new one first.")
        #expect(guide.faqs[0].answerHTML == "<p>Create a new one first.</p>\n")
        let section = try #require(guide.sections.first { $0.heading == "401 errors" })
        #expect(section.aliases == ["Incorrect API key provided over two lines"])
        #expect(section.aliasesLine == 13)
        #expect(section.body == "Check the key.")
        #expect(section.text == "Check the key.")
        let late = try #require(guide.sections.first { $0.heading == "Not aliases" })
        #expect(late.aliases.isEmpty && late.aliasesLine == nil)
        #expect(late.text.contains("too late"))
        #expect(guide.summary == "Create a new one first.")
        // The page still shows the phrases: readers see the words they searched with.
        #expect(guide.html?.contains("Also asked as: change my key") == true)
    }

    @Test("kb inspect --json lists the aliases of sections and FAQ entries")
    func alsoAskedAsInJSON() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "faq.md",
            "# Keys FAQ\n\n## How do I rotate a key?\n\nAlso asked as: swap keys; change my key\n\nLike this.\n")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(ModelJSON.render(KnowledgeBase.load(folder.path))))
                as? [String: Any])
        let guide = try #require((json["guides"] as? [[String: Any]])?.first)
        let faq = try #require((guide["faqs"] as? [[String: Any]])?.first)
        #expect(faq["aliases"] as? [String] == ["swap keys", "change my key"])
        let section = try #require((guide["sections"] as? [[String: Any]])?.last)
        #expect(section["aliases"] as? [String] == ["swap keys", "change my key"])
        #expect(faq["answer"] as? String == "Like this.")
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
