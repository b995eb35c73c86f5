import Testing

@testable import KnowledgeBase

@Suite("The guide model")
struct ModelTests {
    @Test("Front matter supplies metadata, and its lines still count")
    func frontMatter() throws {
        let guide = try parse(
            """
            ---
            title: "Rotating keys: a guide"
            summary: Replace a key without downtime.
            tags: [keys, security]
            aliases:
              - change my key
            reviewed: 2026-11-27
            owner: platform-docs
            ---
            # Heading title

            ## Step one
            """)
        #expect(guide.title == "Rotating keys: a guide")
        #expect(guide.titleSource == .frontMatter)
        #expect(guide.titleLine == 2)
        #expect(guide.summary == "Replace a key without downtime.")
        #expect(guide.tags == ["keys", "security"])
        #expect(guide.aliases == ["change my key"])
        #expect(guide.reviewed == "2026-11-27")
        #expect(guide.owner == "platform-docs")
        #expect(guide.frontMatterLines == 9)
        #expect(guide.sections.map(\.line) == [10, 12])
    }

    @Test("Without front matter the title is the first H1, else the file name; the summary is the first paragraph")
    func derivedTitle() throws {
        let withHeading = try parse("Lead paragraph.\n\n# The title\n\nBody.\n")
        #expect(withHeading.title == "The title")
        #expect(withHeading.titleSource == .heading)
        #expect(withHeading.summary == "Lead paragraph.")
        let bare = try parse("Just text.\n", path: "dir/some-guide.md")
        #expect(bare.title == "some-guide")
        #expect(bare.titleSource == .fileName)
        #expect(bare.slug == "dir/some-guide")
    }

    @Test("Malformed front matter is reported with its file line; the body still loads")
    func malformedFrontMatter() throws {
        let (guide, problems) = try GuideParser().parse(
            path: "bad.md", bytes: Array("---\ntitle: ok\ntags: [unclosed\n---\n# Body title\n".utf8))
        #expect(problems.count == 1)
        #expect(problems[0].line != nil && problems[0].line! >= 3)
        #expect(guide.title == "Body title")
        #expect(guide.sections.first?.line == 5)
    }

    @Test("CRLF line endings and a BOM keep line numbers and text exact")
    func crlfAndBOM() throws {
        let text = "\u{FEFF}---\r\ntitle: T\r\n---\r\n# T\r\n\r\n## Second\r\n\r\nBody line\r\n"
        let guide = try parse(text)
        #expect(guide.title == "T")
        #expect(guide.sections.map(\.line) == [4, 6])
        #expect(guide.sections[1].body == "Body line")
        #expect(!guide.source.hasPrefix("\u{FEFF}"))
    }

    @Test("Duplicate headings get -1, -2; {#custom-id} overrides and is hidden")
    func anchors() throws {
        let guide = try parse(
            """
            # Setup

            ## Install

            ## Install

            ## Install

            ## Configure it {#config}

            ## Café & crème: 2 steps!
            """, html: true)
        #expect(
            guide.sections.map(\.anchor) == [
                "setup", "install", "install-1", "install-2", "config", "café--crème-2-steps",
            ])
        #expect(guide.sections[4].heading == "Configure it")
        #expect(guide.html?.contains("<h2 id=\"config\">Configure it</h2>") == true)
        #expect(guide.html?.contains("{#") == false)
        #expect(guide.html?.contains("<h1") == false, "the title H1 is the page's, not the body's")
    }

    @Test("Ordered lists are procedures with the heading they belong to; nested lists stay inside their step")
    func procedures() throws {
        let guide = try parse(
            """
            # Guide

            ## Rotate a key

            1. Create a new key.
            2. Deploy it:
               1. staging first
               2. then production
            3. Revoke the old key.

            - not a procedure
            """)
        #expect(guide.procedures.count == 1)
        let procedure = guide.procedures[0]
        #expect(procedure.heading == "Rotate a key")
        #expect(procedure.anchor == "rotate-a-key")
        #expect(procedure.line == 5)
        #expect(procedure.steps.map(\.line) == [5, 6, 9])
        #expect(procedure.steps[0].text == "Create a new key.")
        #expect(procedure.steps[1].text.contains("staging first"))
    }

    @Test("Links are classified and carry their lines")
    func links() throws {
        let guide = try parse(
            """
            # Links

            See [rotation](rotating-keys.md#steps), [above](#links),
            [the site](https://example.com/docs) and [mail us](mailto:docs@example.com).

            ![diagram](images/flow.png)
            """)
        #expect(guide.links.map(\.kind) == [.guide, .anchor, .external, .mail, .guide])
        #expect(guide.links.map(\.line) == [3, 3, 4, 4, 6])
        #expect(guide.links[0].path == "rotating-keys.md")
        #expect(guide.links[0].fragment == "steps")
        #expect(guide.links[4].isImage)
    }

    @Test("Code blocks and raw HTML are recorded; the page HTML never carries raw HTML or javascript: URLs")
    func codeAndHTML() throws {
        let guide = try parse(
            """
            # Code

            ```bash
            export OPENAI_API_KEY=sk-...
            ```

                indented code

            <script>alert(1)</script>

            [click](javascript:alert(1)) <b onclick="x()">bold</b>
            """, html: true)
        #expect(guide.codeBlocks.map(\.language) == ["bash", ""])
        #expect(guide.codeBlocks.map(\.isFenced) == [true, false])
        #expect(guide.codeBlocks.map(\.line) == [3, 7])
        #expect(guide.rawHTML.count == 3)
        let html = try #require(guide.html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
    }

    @Test("Text that is not UTF-8 is refused with its line")
    func invalidUTF8() throws {
        var bytes = Array("# Title\n\nline two\n".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])
        #expect(throws: LoadProblem.self) { try GuideParser().parse(path: "x.md", bytes: bytes) }
        do {
            _ = try GuideParser().parse(path: "x.md", bytes: bytes)
        } catch {
            #expect(error.line == 4)
            #expect(error.message.contains("UTF-8"))
        }
    }
}
