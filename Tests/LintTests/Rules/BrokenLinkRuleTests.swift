import Testing

@testable import Lint

@Suite struct BrokenLinkRuleTests {
    @Test func findsMissingFilesAnchorsImagesAndEscapes() throws {
        try expectFindings(
            [BrokenLinkRule()],
            in: [
                "setup/install.md": """
                # Install

                Start with [the overview](../overview.md), not [a missing page](1️⃣../missing.md).
                Jump to [usage](#usage), not to [nowhere](2️⃣#nowhere).
                The [FAQ](../overview.md#faq) has answers; [a lost anchor](3️⃣../overview.md#lost) has none.
                [Escaping](4️⃣../../outside.md) the guides folder is broken too.
                ![A diagram](5️⃣img/flow.png) is missing, but ![the logo](logo.png) is there.
                Anchors are lowercase: [Usage](6️⃣#Usage).
                [Notes with a space](../my%20notes.md) are found once decoded.
                [From the root](/overview.md#faq) works; [a slug without .md](7️⃣../overview) does not.

                ## Usage

                Run it.
                """,
                "overview.md": """
                # Overview

                ## Frequently asked {#faq}

                Answers.
                """,
                "my notes.md": "# Notes\n",
            ], binary: ["setup/logo.png": [0x89, 0x50, 0x4E, 0x47]],
            [
                "1️⃣": "broken link: `../missing.md` does not exist",
                "2️⃣": "broken link: no anchor `#nowhere` in this guide",
                "3️⃣": "broken link: `overview.md` has no anchor `#lost`",
                "4️⃣": "broken link: `../../outside.md` leads outside the guides folder",
                "5️⃣": "missing image: `img/flow.png` does not exist",
                "6️⃣": "broken link: no anchor `#Usage` in this guide; anchors are lowercase: `#usage`",
                "7️⃣": "broken link: `../overview` does not exist; did you mean `../overview.md`?",
            ])
    }

    @Test func leavesExternalMailAndExistingTargetsAlone() throws {
        let guides = try TemporaryGuides(
            [
                "guide.md": """
                # Guide

                See [the docs](https://example.com/missing.md#nowhere), write to [us](mailto:help@example.com),
                open [the other guide](other.md) at [its FAQ](other.md#frequently-asked-questions),
                or see ![the logo](images/logo.png) and [the folder](images/).
                """,
                "other.md": "# Other\n\n## Frequently asked questions\n\nNone yet.\n",
            ], binary: ["images/logo.png": [0x89, 0x50, 0x4E, 0x47]])
        let findings = Linter(rules: [BrokenLinkRule()]).lint(guides.load())
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func resolvesPathsLikeABrowser() {
        #expect(BrokenLinkRule.resolve("../b/./c.md", from: "a/x.md") == "b/c.md")
        #expect(BrokenLinkRule.resolve("/top.md", from: "a/b/x.md") == "top.md")
        #expect(BrokenLinkRule.resolve("../../c.md", from: "a/x.md") == nil)
        #expect(BrokenLinkRule.percentDecode("my%20file%2Emd") == "my file.md")
        #expect(BrokenLinkRule.percentDecode("100%") == "100%")
    }
}
