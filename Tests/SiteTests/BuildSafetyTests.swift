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
