import Foundation
import Lint
import TestRequirements
import Testing

/// Real documentation from the shared corpora: Homebrew's docs (a root `index.md`, a
/// sub-folder, 28 FAQ questions) and the 7,425 tldr pages in folders.
@Suite(.serialized) struct CorpusSiteTests {
    /// Unpacks `name.tar.gz` into a new temporary folder; nil when the corpus is not there.
    static func unpack(_ name: String) throws -> String? {
        guard let archive = TestRequirements.corpus(name + ".tar.gz") else { return nil }
        let folder = TestSite.temporaryFolder("kb-corpus")
        let result = try TestSite.run("/bin/tar", ["-xzf", archive, "-C", folder])
        guard result.status == 0 else { throw TestFailure("tar: \(result.output)") }
        return folder
    }

    @Test(.requires(corpus: "homebrew-docs.tar.gz")) func homebrewDocsBuildWithNoBrokenLinks() throws {
        let folder = try #require(
            try CorpusSiteTests.unpack("homebrew-docs"),
            "\(TestRequirements.corpusPath("homebrew-docs.tar.gz")) is absent")
        // The corpus is someone else's text: rendering is under test here, not its lint findings.
        let site = try TestSite.build(folder + "/homebrew-docs/docs", linter: Linter(rules: []))
        defer { TestSite.remove(folder, site) }
        let home = TestSite.read(site + "/index.html")
        #expect(home.contains("<article class=\"guide\">"), "the root index.md is the home page's text")
        let governance = TestSite.files(site).filter { $0.hasPrefix("governance/") && $0.hasSuffix(".html") }
        #expect(!governance.isEmpty)
        for page in governance {
            #expect(TestSite.read(site + "/" + page).contains("href=\"../assets/kb.css\""))
        }
        let questions = TestSite.read(site + "/questions.html")
        #expect(questions.components(separatedBy: "<section class=\"qa\"").count - 1 >= 28)
        let result = LinkCrawler(site: site).check()
        #expect(result.broken.isEmpty, "\(result.broken.prefix(20).map(\.description).joined(separator: "\n"))")
    }

    @Test(.requires(corpus: "tldr-pages.tar.gz")) func tldrPagesBuildInFolders() throws {
        let folder = try #require(
            try CorpusSiteTests.unpack("tldr-pages"), "\(TestRequirements.corpusPath("tldr-pages.tar.gz")) is absent")
        let pages = folder + "/tldr-pages/pages"
        let site = try TestSite.build(pages, linter: Linter(rules: []))
        defer { TestSite.remove(folder, site) }
        let sources = TestSite.files(pages).filter { $0.hasSuffix(".md") }
        let built = TestSite.files(site).filter {
            $0.hasSuffix(".html") && $0 != "index.html" && !$0.hasSuffix("/index.html")
        }
        #expect(sources.count > 7000)
        #expect(built.count == sources.count + 3, "one page per guide, plus search, questions and 404")
        let tar = TestSite.read(site + "/common/tar.html")
        #expect(tar.contains("<h1>tar</h1>"))
        #expect(tar.contains("href=\"../assets/kb.css\""))
        #expect(tar.contains("href=\"../common/index.html\""), "breadcrumb to the folder's page")
        #expect(tar.utf8.count < 64 * 1024, "the sidebar shows a window, not all 4,000 pages")
        #expect(FileManager.default.fileExists(atPath: site + "/common/index.html"))
        // Whole guides only: the index holds no vectors, and the site no 13 MB table.
        #expect(!FileManager.default.fileExists(atPath: site + "/assets/wordllama"))
    }
}
