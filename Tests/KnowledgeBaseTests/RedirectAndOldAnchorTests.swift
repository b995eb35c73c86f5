import Testing

@testable import KnowledgeBase

@Suite("Old paths and old anchors")
struct RedirectAndOldAnchorTests {
    @Test("redirect-from lists old paths with their lines and the pages they were published as")
    func redirectsFromFrontMatter() throws {
        let guide = try parse(
            """
            ---
            title: Rotating keys
            redirect-from:
              - old-name.md
              - old/section.md
              - /legacy/page.html
              - old/folder/
              - ../outside.md
            ---
            # Rotating keys
            """, path: "keys/rotate.md")
        #expect(
            guide.redirects.map(\.from) == [
                "old-name.md", "old/section.md", "/legacy/page.html", "old/folder/", "../outside.md",
            ])
        #expect(guide.redirects.map(\.line) == [4, 5, 6, 7, 8])
        #expect(
            guide.redirects.map(\.page) == [
                "old-name.html", "old/section.html", "legacy/page.html", "old/folder/index.html", nil,
            ])
        let scalar = try parse("---\nredirect-from: before.md\n---\n# After\n")
        #expect(scalar.redirects == [Redirect(from: "before.md", line: 2)])
    }

    @Test(
        "Paths that are not inside the guides folder have no page",
        arguments: [
            "../x.md", "a/../../x.md", "https://example.com/x.md", ".hidden/x.md", "x.md?y", "x.md#z", "a\\b.md", "",
        ])
    func pathsOutside(path: String) {
        #expect(PublishedPaths.redirectPage(for: path) == nil)
    }

    @Test("A heading keeps its old anchors: ids on the page, valid link targets, in the JSON")
    func oldAnchors() throws {
        let guide = try parse(
            """
            # Keys

            ## Rotate a key {#rotate #rotating-keys #rotate-a-key-old}

            Text.

            ## Rotating keys

            The old id is taken above, so this heading is de-duplicated around it.
            """, html: true)
        let section = try #require(guide.sections.first { $0.anchor == "rotate" })
        #expect(section.heading == "Rotate a key")
        #expect(section.oldAnchors == ["rotating-keys", "rotate-a-key-old"])
        #expect(guide.sections.last?.anchor == "rotating-keys-1")
        #expect(guide.anchors.isSuperset(of: ["rotate", "rotating-keys", "rotate-a-key-old", "rotating-keys-1"]))
        let html = guide.html ?? ""
        #expect(
            html.contains(
                "<h2 id=\"rotate\"><span id=\"rotating-keys\"></span><span id=\"rotate-a-key-old\"></span>Rotate a key</h2>"
            ),
            "\(html)")
        let json = String(
            decoding: ModelJSON.render(KnowledgeBase(root: "g", guides: [guide], problems: []), pretty: false),
            as: UTF8.self)
        #expect(
            json.contains("\"anchor\":\"rotate\",\"oldAnchors\":[\"rotating-keys\",\"rotate-a-key-old\"]"), "\(json)")
    }

    @Test(
        "The heading id syntax: the first id is the anchor, the rest are old ones",
        arguments: [
            ("Install {#setup #install}", "Install", "setup", ["install"]),
            ("Install {#setup  #a\t#b}", "Install", "setup", ["a", "b"]),
            ("Install {#setup}", "Install", "setup", []),
        ])
    func syntax(heading: String, text: String, id: String, old: [String]) {
        let found = AnchorSlugger.customID(in: heading)
        #expect(found?.text == text)
        #expect(found?.id == id)
        #expect(found?.oldIDs == old)
    }

    @Test(
        "Not an id list: a word without # inside, a trailing space, an empty id",
        arguments: ["a {#b c}", "a {#b }", "a {#b #}"])
    func notIDLists(heading: String) {
        #expect(AnchorSlugger.customID(in: heading) == nil)
    }
}
