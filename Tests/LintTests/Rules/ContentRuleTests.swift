import Testing

@testable import Lint

@Suite struct TerminologyRuleTests {
    let terms = configuration { $0.terms = ["api-key": "API key", "Api Key": "API key", "e-mail": "email"] }

    @Test func flagsTermsInProse() throws {
        try expectFindings(
            TerminologyRule(),
            in: """
                # Creating an 1️⃣api-key

                Copy the 2️⃣Api Key into a password manager, then send an 3️⃣E-mail.
                Lower case 4️⃣api key counts too; the API key spelled right does not.
                """, configuration: terms,
            [
                "1️⃣": "use \"API key\" instead of \"api-key\"",
                "2️⃣": "use \"API key\" instead of \"Api Key\"",
                "3️⃣": "use \"email\" instead of \"E-mail\"",
                "4️⃣": "use \"API key\" instead of \"api key\"",
            ])
    }

    @Test func skipsCodeURLsAndLongerWords() throws {
        try expectFindings(
            TerminologyRule(),
            in: """
                ---
                title: The api-key guide
                ---

                # Keys

                Run `export api-key=...`, open https://example.com/api-key or [the page](https://example.com/api-key),
                see <https://example.com/e-mail>, and read the api-keys list and my-api-key-name.

                ```sh
                curl -H "api-key: $KEY"
                ```

                [ref]: https://example.com/api-key
                """, configuration: terms, [:])
    }

    @Test func noTermsConfiguredMeansNoFindings() throws {
        try expectFindings(TerminologyRule(), in: "# Keys\n\nThe api-key.\n", [:])
    }
}

@Suite struct StaleReviewRuleTests {
    @Test func oldMalformedAndFutureDates() throws {
        try expectFindings(
            [StaleReviewRule()],
            in: [
                "old.md": "---\ntitle: Old\nreviewed: 1️⃣2025-01-01\n---\n# Old\n",
                "bad.md": "---\ntitle: Bad\nreviewed: 2️⃣last spring\n---\n# Bad\n",
                "impossible.md": "---\ntitle: Impossible\nreviewed: 3️⃣2026-02-30\n---\n# Impossible\n",
                "future.md": "---\ntitle: Future\nreviewed: 4️⃣2027-06-01\n---\n# Future\n",
                "fresh.md": "---\ntitle: Fresh\nreviewed: 2026-03-01\n---\n# Fresh\n",
                "undated.md": "# Undated\n",
            ], today: "2026-11-27",
            [
                // 2025 has 365 days, and 2026-01-01 to 2026-11-27 is 330: 695 days.
                "1️⃣": "last reviewed 2025-01-01, 695 days ago (limit 365): check the guide and update `reviewed`",
                "2️⃣": "`reviewed` is not a date in YYYY-MM-DD form: \"last spring\"",
                "3️⃣": "`reviewed` is not a date in YYYY-MM-DD form: \"2026-02-30\"",
                "4️⃣": "`reviewed` date 2027-06-01 is in the future",
            ])
    }

    @Test func theLimitComesFromTheConfiguration() throws {
        let strict = configuration { $0.reviewMaxAgeDays = 30 }
        try expectFindings(
            StaleReviewRule(), in: "---\nreviewed: 1️⃣2026-10-01\n---\n# Keys\n", configuration: strict,
            ["1️⃣": "last reviewed 2026-10-01, 57 days ago (limit 30): check the guide and update `reviewed`"])
        try expectFindings(
            StaleReviewRule(), in: "---\nreviewed: 2026-10-01\n---\n# Keys\n", configuration: configuration(), [:])
    }

    @Test func calendarDaysRoundTrip() {
        for days in [-1, 0, 59, 365, 10_957, 20_000] {
            #expect(CalendarDay(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDay(parsing: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDay(parsing: "2024-02-29") != nil)
        #expect(CalendarDay(parsing: "2023-02-29") == nil)
    }
}

@Suite struct UnsafeHTMLRuleTests {
    @Test func rawHTMLAndScriptURLs() throws {
        try expectFindings(
            UnsafeHTMLRule(),
            in: """
                # Keys

                1️⃣<div align="center">
                A centered note.
                </div>

                Press 2️⃣<kbd>Ctrl</kbd> to copy, or [click](3️⃣javascript:copy()) here.
                An [HTML page](4️⃣data:text/html,hi) is emptied; ![a dot](data:image/png;base64,iVBORw0K) is kept.

                <!-- A note for writers: invisible everywhere, so not a finding. -->
                <!-- kb-ignore terminology -->
                Text.
                """,
            [
                "1️⃣": "HTML block <div> is dropped by the site; use Markdown instead",
                "2️⃣": "inline HTML <kbd> is dropped by the site; use Markdown instead",
                "3️⃣": "link with a `javascript:` URL is emptied by the site",
                "4️⃣": "link with a `data:` URL is emptied by the site",
            ])
    }

    @Test func markdownCommentsAndCodeAreFine() throws {
        try expectFindings(
            UnsafeHTMLRule(),
            in: """
                # Keys

                <!-- kb-ignore terminology -->
                Press **Ctrl+C** to copy, see [the docs](https://example.com) and ![a dot](data:image/gif;base64,R0lG).

                ```html
                <div>Code is shown, not rendered.</div>
                ```

                Inline `<kbd>` in code is fine too.
                """, [:])
    }
}
