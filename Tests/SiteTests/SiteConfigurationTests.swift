import Foundation
import KnowledgeBase
import Lint
import Testing

@testable import Site

/// The site takes its settings from the `Configuration` it is given (read once from `kb.yaml`
/// by `kb build`), and never reads `kb.yaml` itself.
@Suite struct SiteConfigurationTests {
    @Test func theSearchIndexUsesTheSynonymsItIsGiven() throws {
        let guides = TestSite.copyFixture("basic")
        let plain = TestSite.read(try TestSite.build(guides) + "/" + SitePlan.indexScript)
        try (TestSite.read(guides + "/kb.yaml") + "synonyms:\n  rotate: [cycle, churn]\n")
            .write(toFile: guides + "/kb.yaml", atomically: true, encoding: .utf8)
        let withSynonyms = TestSite.read(try TestSite.build(guides) + "/" + SitePlan.indexScript)
        #expect(!plain.isEmpty)
        #expect(withSynonyms != plain, "the synonyms of kb.yaml did not reach the site's index")
        // Given the defaults instead, the builder ignores the file: it has no reader of its own.
        let output = TestSite.temporaryFolder("kb-site") + "/site"
        let outcome = try SiteBuilder(guidesRoot: guides, output: output, linter: Linter(rules: [])).build()
        guard case .built = outcome else { throw TestFailure("build rejected: \(outcome)") }
        #expect(TestSite.read(output + "/" + SitePlan.indexScript) == plain)
    }

    @Test func theSiteSectionReachesThePages() throws {
        let site = try TestSite.build(TestSite.copyFixture("basic"))
        let home = TestSite.read(site + "/index.html")
        #expect(home.contains("Example &lt;Docs&gt;"), "site.title")
        #expect(home.contains("https://docs.example.com/kb/"), "site.base-url")
    }
}
