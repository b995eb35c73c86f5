import Foundation
import KnowledgeBase
import Lint
import Testing

@testable import Site

/// A flagged guide stops the build before anything is written, and the previous site stays.
struct ForbiddenWordRule: Rule {
    static let id = "test-forbidden-word"
    static let defaultSeverity = Severity.error
    static let summary = "Fixture rule: the word FORBIDDEN may not appear."

    func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        guide.source.contains("FORBIDDEN") ? [finding(guide, line: 1, "the word FORBIDDEN")] : []
    }
}

@Suite struct BuildSafetyTests {
    let linter = Linter(rules: [ForbiddenWordRule()])

    func write(_ text: String, to path: String) {
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aGuideWithAnErrorWritesNothing() throws {
        let guides = TestSite.copyFixture("basic")
        write("# Bad\n\nFORBIDDEN\n", to: guides + "/bad.md")
        let output = TestSite.temporaryFolder() + "/site"
        let outcome = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build()
        guard case .rejected(let findings, _) = outcome else {
            Issue.record("the build went ahead")
            return
        }
        #expect(findings.map(\.path) == ["bad.md"])
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(
            !FileManager.default.fileExists(atPath: (output as NSString).deletingLastPathComponent + "/.site.kb-new"))
    }

    @Test func aFailedBuildKeepsThePreviousSite() throws {
        let guides = TestSite.copyFixture("basic")
        let output = TestSite.temporaryFolder() + "/site"
        guard case .built = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build() else {
            Issue.record("the first build failed")
            return
        }
        let before = TestSite.read(output + "/getting-started.html")
        write("# Getting started\n\nFORBIDDEN\n", to: guides + "/getting-started.md")
        guard case .rejected = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build() else {
            Issue.record("the second build went ahead")
            return
        }
        #expect(TestSite.read(output + "/getting-started.html") == before)
        #expect(!before.isEmpty)
    }

    @Test func aRebuildReplacesTheSiteWhole() throws {
        let guides = TestSite.copyFixture("basic")
        let output = TestSite.temporaryFolder() + "/site"
        _ = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build()
        try FileManager.default.removeItem(atPath: guides + "/tools/cli.md")
        _ = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build()
        #expect(!FileManager.default.fileExists(atPath: output + "/tools/cli.html"), "pages of removed guides go")
        #expect(FileManager.default.fileExists(atPath: output + "/getting-started.html"))
        let parent = (output as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"], "no staging folder is left")
    }

    /// A rebuild links the files that did not change to the previous site's, writes the ones
    /// that did, and never trusts a previous file it did not write as it is.
    @Test func aRebuildLinksUnchangedFilesAndWritesChangedOnes() throws {
        let guides = TestSite.copyFixture("basic")
        let output = TestSite.temporaryFolder() + "/site"
        guard case .built(let first) = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build()
        else {
            Issue.record("the first build failed")
            return
        }
        #expect(first.unchanged == 0)
        func inode(_ path: String) -> Int? {
            var st = stat()
            return lstat(output + "/" + path, &st) == 0 ? Int(st.st_ino) : nil
        }
        let unchangedPage = "tools/cli.html"
        let before = (page: inode(unchangedPage), faq: inode("faq.html"), css: inode("assets/kb.css"))
        // Someone edits a page of the built site by hand, and replaces another with a link.
        write("tampered", to: output + "/faq.html")
        try FileManager.default.removeItem(atPath: output + "/search.html")
        try FileManager.default.createSymbolicLink(
            atPath: output + "/search.html", withDestinationPath: "/etc/hostname")
        // And a guide changes.
        let changed = TestSite.read(guides + "/getting-started.md") + "\nOne more line.\n"
        write(changed, to: guides + "/getting-started.md")

        guard case .built(let second) = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build()
        else {
            Issue.record("the rebuild failed")
            return
        }
        #expect(inode(unchangedPage) == before.page, "an unchanged page is the same file")
        #expect(inode("assets/kb.css") == before.css)
        #expect(inode("faq.html") != before.faq, "a tampered file is written anew")
        #expect(TestSite.read(output + "/faq.html").contains("<html"))
        var st = stat()
        #expect(lstat(output + "/search.html", &st) == 0 && st.st_mode & S_IFMT == S_IFREG, "links are not kept")
        #expect(TestSite.read(output + "/getting-started.html").contains("One more line."))
        // At least four files are new: getting-started.html and the search index changed, and
        // faq.html and search.html had been replaced by hand.
        #expect(second.unchanged > 0 && second.unchanged <= second.files - 4)
        #expect(second.files == first.files)
    }

    @Test func anOutputThatIsAFileIsRefused() throws {
        let file = TestSite.temporaryFolder() + "/site"
        write("not a site", to: file)
        #expect(throws: SiteError.self) {
            _ = try SiteBuilder(guidesRoot: TestSite.fixtures + "/basic", output: file, linter: linter).build()
        }
        #expect(TestSite.read(file) == "not a site")
        do {
            _ = try SiteBuilder(guidesRoot: TestSite.fixtures + "/basic", output: file, linter: linter).build()
        } catch {
            #expect(error.exitCode == 2)
        }
    }

    @Test func theGuidesFolderOrOneContainingItIsRefused() throws {
        let guides = TestSite.copyFixture("basic")
        let parent = (guides as NSString).deletingLastPathComponent
        for output in [guides, parent, guides + "/."] {
            #expect(throws: SiteError.self, "\(output)") {
                _ = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build()
            }
        }
        #expect(FileManager.default.fileExists(atPath: guides + "/getting-started.md"))
    }

    @Test func aFolderNotBuiltByKbIsNeverReplaced() throws {
        let output = TestSite.temporaryFolder("kb-precious")
        write("keep me", to: output + "/notes.txt")
        #expect(throws: SiteError.self) {
            _ = try SiteBuilder(guidesRoot: TestSite.fixtures + "/basic", output: output, linter: linter).build()
        }
        #expect(TestSite.read(output + "/notes.txt") == "keep me")
    }

    @Test(arguments: [["search.md"], ["Guide.md", "guide.md"], ["tools/index.md", "tools/Index.md"]])
    func guidesLandingOnTheSamePageAreAnError(_ names: [String]) throws {
        let guides = TestSite.copyFixture("basic")
        for name in names { write("# \(name)\n\nText.\n", to: guides + "/" + name) }
        let output = TestSite.temporaryFolder() + "/site"
        do {
            _ = try SiteBuilder(guidesRoot: guides, output: output, linter: linter).build()
            Issue.record("built although \(names) collide")
        } catch {
            #expect(error.exitCode == 1)
            #expect(error.message.contains("would both be written to"))
            #expect(error.message.contains(names.last!))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
