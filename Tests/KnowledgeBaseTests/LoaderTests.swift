import Foundation
import Testing

@testable import KnowledgeBase

@Suite("Loading a guides folder")
struct LoaderTests {
    @Test("Every .md below the root, hidden folders skipped, sorted; bad files named and skipped")
    func loadsFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("b.md", "# B\n")
        try folder.write("a/z.md", "# Z\n")
        try folder.write("a/..md", "# Dots are a real name\n")
        try folder.write(".git/hidden.md", "# Hidden\n")
        try folder.write("notes.txt", "not markdown")
        try folder.write("broken.md", bytes: [0x23, 0x20, 0xC3, 0x28, 0x0A])
        let kb = KnowledgeBase.load(folder.path)
        #expect(kb.guides.map(\.path) == ["a/..md", "a/z.md", "b.md"])
        #expect(kb.problems.count == 1)
        #expect(kb.problems.first?.path == "broken.md")
        #expect(kb.hasErrors)
    }

    @Test("Many files load in parallel and in order")
    func parallelOrder() throws {
        let folder = try TemporaryFolder()
        for i in 0..<300 { try folder.write(String(format: "g%03d.md", i), "# Guide \(i)\n") }
        let kb = KnowledgeBase.load(folder.path)
        #expect(kb.guides.count == 300)
        #expect(kb.guides.map(\.title) == (0..<300).map { "Guide \($0)" })
    }

    @Test("A missing folder is a problem, not a crash")
    func missingFolder() {
        let kb = KnowledgeBase.load("/nonexistent/guides")
        #expect(kb.guides.isEmpty)
        #expect(kb.hasErrors)
    }

    @Test("Symlinks out of the root are skipped with a warning")
    func symlinkOutOfRoot() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try outside.write("secret.md", "# Outside\n")
        try folder.write("in.md", "# In\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/out.md", withDestinationPath: outside.path + "/secret.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/loop", withDestinationPath: folder.path)
        let kb = KnowledgeBase.load(folder.path)
        #expect(kb.guides.map(\.path) == ["in.md"])
        #expect(kb.problems.map(\.severity) == [.warning])
        #expect(!kb.hasErrors)
    }

    @Test("The shipped guides: at least 8 guides and 15 FAQ entries, each with a question, an answer and a line")
    func shippedGuides() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("guides")
        let kb = KnowledgeBase.load(root.path)
        #expect(kb.problems.isEmpty)
        #expect(kb.guides.count >= 8)
        let faqs = kb.guides.flatMap(\.faqs)
        #expect(faqs.count >= 15)
        #expect(faqs.allSatisfy { !$0.question.isEmpty && !$0.answerText.isEmpty && $0.line > 0 })
        #expect(kb.guides.allSatisfy { $0.reviewed != nil && $0.titleSource == .frontMatter })
    }
}

@Suite(
    "Real corpora",
    .enabled(if: Corpora.available, "the corpora tarballs are not beside the package (../shared/corpora)"))
struct CorporaTests {
    @Test("Homebrew's docs: FAQ.md is a FAQ page with 28 questions, not all ending in '?'")
    func homebrew() throws {
        let root = try Corpora.unpack("homebrew-docs").appendingPathComponent("homebrew-docs/docs")
        let kb = KnowledgeBase.load(root.path)
        #expect(!kb.hasErrors)
        let faq = try #require(kb.guide(at: "FAQ.md"))
        #expect(faq.faqs.count == 28)
        #expect(faq.faqs.contains { !$0.question.hasSuffix("?") })
        #expect(faq.faqs.allSatisfy { !$0.answerText.isEmpty })
        #expect(faq.faqs[0].question == "Is there a glossary of terms around?")
        #expect(faq.faqs[0].line == 10)
    }

    @Test("tldr pages: all 7,425 load, each with a title and a summary")
    func tldr() throws {
        let root = try Corpora.unpack("tldr-pages").appendingPathComponent("tldr-pages/pages")
        let kb = KnowledgeBase.load(root.path)
        #expect(kb.problems.isEmpty)
        #expect(kb.guides.count == 7425)
        #expect(kb.guides.allSatisfy { !$0.title.isEmpty && $0.titleSource == .heading })
        let tar = try #require(kb.guide(at: "common/tar.md"))
        #expect(tar.title == "tar")
        #expect(tar.summary.hasPrefix("Archiving utility."))
        #expect(tar.sections[0].text.contains("tar xf"))
        #expect(tar.links.contains { $0.kind == .external && $0.target.hasPrefix("https://www.gnu.org/") })
    }
}
