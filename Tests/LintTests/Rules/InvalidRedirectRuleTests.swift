import Testing

@testable import Lint

@Suite struct InvalidRedirectRuleTests {
    @Test func findsRedirectsOutsideTheFolderOnPagesAndOnEachOther() throws {
        try expectFindings(
            [InvalidRedirectRule()],
            in: [
                "keys/rotate.md": """
                ---
                title: Rotating keys
                redirect-from:
                5️⃣- rotating.md
                - old/rotation/
                1️⃣- ../outside.md
                2️⃣- faq.md
                3️⃣- search.html
                4️⃣- https://example.com/x.md
                ---
                # Rotating keys
                """,
                "faq.md": """
                ---
                redirect-from:
                - questions-old.md
                - Rotating.md
                6️⃣- keys/
                ---
                # FAQ
                """,
                "other.md": """
                ---
                7️⃣redirect-from: old/rotation/index.md
                ---
                # Other
                """,
            ],
            [
                "1️⃣":
                    "redirect-from `../outside.md` is not a path inside the guides folder; write the old path relative to the guides root",
                "2️⃣": "redirect-from `faq.md` would replace the page of faq.md (faq.html); remove it",
                "3️⃣": "redirect-from `search.html` would replace the search page (search.html); remove it",
                "4️⃣":
                    "redirect-from `https://example.com/x.md` is not a path inside the guides folder; write the old path relative to the guides root",
                "5️⃣":
                    "redirect-from `rotating.md` is already a redirect at faq.md:4 (rotating.html); an old path can lead to one page only",
                "6️⃣": "redirect-from `keys/` would replace the section page of keys/ (keys/index.html); remove it",
                "7️⃣":
                    "redirect-from `old/rotation/index.md` is already a redirect at keys/rotate.md:5 (old/rotation/index.html); an old path can lead to one page only",
            ])
    }

    @Test func guidesWithoutRedirectsCostNothingAndPass() throws {
        try expectFindings([InvalidRedirectRule()], in: ["a.md": "# A\n", "b/c.md": "# C\n"], [:])
    }
}
