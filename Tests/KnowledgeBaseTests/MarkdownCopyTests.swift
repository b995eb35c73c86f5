import Testing

@testable import KnowledgeBase

@Suite("Markdown copies of guides")
struct MarkdownCopyTests {
    /// A long ordered list is written in pieces (cmark numbers items by walking back over the
    /// list, which is quadratic); the pieces must read as the one list they came from.
    @Test("A long ordered list keeps its numbers, and a following block stays apart", arguments: [false, true])
    func longOrderedList(loose: Bool) throws {
        let count = MarkdownCopy.orderedListPiece * 2 + 7
        var source = "# Steps\n\n"
        for i in 0..<count { source += "\(i + 3)) step \(i)\n" + (loose ? "\n" : "") }
        source += "\n- a bullet after\n"
        let copy = String(decoding: MarkdownCopy.render(try parse(source), rewrite: { url, _ in url }), as: UTF8.self)
        let numbered = copy.split(separator: "\n").filter { $0.first?.isNumber == true }
        #expect(numbered.count == count)
        #expect(numbered.first == "3)  step 0")
        #expect(numbered.last == "\(count + 2)) step \(count - 1)")
        #expect(!copy.contains("\n\n\n"))
        #expect(copy.contains(loose ? "step 1\n\n5)" : "step 1\n5)"))
        // The bullet list after is not read as part of the ordered list.
        #expect(
            copy.contains("<!-- end list -->\n\n  - a bullet after")
                || copy.contains("<!-- end list -->\n\n- a bullet after"))
    }
}
