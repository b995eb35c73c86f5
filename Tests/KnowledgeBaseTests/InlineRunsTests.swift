import Testing

@testable import KnowledgeBase

@Suite("Inline runs recorded during the loader's walk")
struct InlineRunsTests {
    /// Each literal's bytes, as text, with the source bytes at its recorded start.
    private func literals(_ guide: Guide) throws -> [(text: String, atStart: String, isCode: Bool)] {
        let runs = try #require(guide.inlineRuns)
        let source = Array(guide.source.utf8)
        return runs.events.compactMap { event in
            guard case .literal(let bytes, let start, let isCode) = event else { return nil }
            let text = String(decoding: runs.literals[bytes], as: UTF8.self)
            let end = min(source.count, start + bytes.count)
            return (text, String(decoding: source[start..<end], as: UTF8.self), isCode)
        }
    }

    @Test("Only a parser asked for them records them")
    func onlyWhenAsked() throws {
        let markdown = Array("# Title\n\nSome *text*.\n".utf8)
        #expect(try GuideParser().parse(path: "a.md", bytes: markdown).0.inlineRuns == nil)
        #expect(try GuideParser(inlineRuns: true).parse(path: "a.md", bytes: markdown).0.inlineRuns != nil)
    }

    @Test("Literals of text and code spans start where the file has them, after front matter too")
    func positions() throws {
        let markdown =
            "---\ntitle: T\n---\n# Use `sk_` keys\n\n"
            + "A **bold** word and [a link](https://x.test \"t\") <b>tag</b>\nnext line\\\nafter\n"
        let guide = try GuideParser(inlineRuns: true).parse(path: "a.md", bytes: Array(markdown.utf8)).0
        let found = try literals(guide)
        #expect(
            found.map(\.text) == [
                "Use ", "sk_", " keys", "A ", "bold", " word and ", "a link", " ", "tag", "next line", "after",
            ])
        #expect(found.allSatisfy { $0.text == $0.atStart })
        #expect(found.map(\.isCode) == [false, true, false, false, false, false, false, false, false, false, false])
        let events = try #require(guide.inlineRuns).events
        #expect(events.filter { $0 == .blockEnd }.count == 2)
        #expect(events.contains(.softBreak))
        #expect(events.contains(.lineBreak))
        // The link's destination and title, and each inline tag, are skipped past.
        let skips = events.compactMap { event -> Int? in
            if case .skip(let to) = event { return to } else { return nil }
        }
        let source = Array(markdown.utf8)
        #expect(skips.map { String(decoding: source[$0 - 1..<$0], as: UTF8.self) } == [")", ">", ">"])
    }

    @Test("A lazy continuation line's run starts at the line's start, where its text is")
    func lazyContinuation() throws {
        let guide = try GuideParser(inlineRuns: true).parse(path: "a.md", bytes: Array("> quoted\nlazy line\n".utf8)).0
        let found = try literals(guide)
        #expect(found.map(\.text) == ["quoted", "lazy line"])
        #expect(found.allSatisfy { $0.text == $0.atStart })
    }
}
