import Foundation
import Lint
import TestRequirements
import Testing

/// What the site's results page shows, in real headless Chromium: only hits related to the
/// query (`RankingParameters.relatedScoreFraction`), the query's words marked, "Did you mean"
/// for a typo, and hostile guide titles as text.
@Suite(.serialized) struct SearchDisplayTests {
    /// `search.html?q=query` of `site` after its script ran, as Chromium serialises it.
    func resultsPage(_ site: String, query: String) throws -> String {
        let chromium = try #require(TestRequirements.program("chromium"), "chromium not found")
        let profile = TestSite.temporaryFolder("kb-chromium")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let q = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        let result = try TestSite.run(
            chromium,
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile)",
                "--virtual-time-budget=5000", "--dump-dom", "file://\(site)/search.html?q=\(q)",
            ], timeout: 120)
        return result.output
    }

    /// The number in the status line ("7 results for …"), nil when it says nothing was found.
    func resultCount(_ dom: String) -> Int? {
        guard let start = dom.range(of: "id=\"search-status\""),
            let close = dom[start.upperBound...].firstIndex(of: ">")
        else { return nil }
        let digits = dom[dom.index(after: close)...].prefix { $0.isNumber }
        return Int(digits)
    }

    /// The results list only, so the page's own text (header, form) cannot satisfy a check.
    func resultsList(_ dom: String) throws -> Substring {
        let start = try #require(dom.range(of: "id=\"search-results\""), "no results list in: \(dom.prefix(300))")
        let end = dom[start.upperBound...].range(of: "</main>")?.lowerBound ?? dom.endIndex
        return dom[start.upperBound..<end]
    }

    @Test(.requires(program: "chromium"))
    func lostKeyListsOnlyRelatedHitsWithMarkedWords() throws {
        let site = try ShippedSiteTests.site.get()
        let dom = try resultsPage(site, query: "lost key")
        let count = try #require(resultCount(dom), "no result count in the status line")
        // Measured on the shipped guides: 50 hits (the page's limit) before the cut, 3 after.
        #expect(count >= 1 && count < 12, "\(count) results for \"lost key\"")
        let list = try resultsList(dom)
        #expect(list.contains("faq.html#i-lost-my-api-key-what-should-i-do"))
        #expect(list.contains("<mark>lost</mark>") || list.contains("<mark>Lost</mark>"), "\(list.prefix(600))")
        #expect(!dom.contains("Did you mean"), "every word of \"lost key\" is in the guides")
    }

    @Test(.requires(program: "chromium"))
    func aTypoGetsADidYouMeanLinkThatSearchesAgain() throws {
        let site = try ShippedSiteTests.site.get()
        let dom = try resultsPage(site, query: "rotaet key")
        let start = try #require(dom.range(of: "Did you mean "), "no \"Did you mean\" in: \(dom.prefix(2000))")
        let line = dom[start.upperBound...].prefix(300)
        #expect(line.contains("search.html?q=rotate%20key"), "\(line)")
        #expect(line.contains(">rotate key</a>"), "\(line)")
    }

    @Test(.requires(program: "chromium"))
    func aHostileGuideTitleIsShownAsText() throws {
        let guides = TestSite.temporaryFolder("kb-hostile-title") + "/guides"
        try FileManager.default.createDirectory(atPath: guides, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (guides as NSString).deletingLastPathComponent) }
        let title = "Lost key <img src=x onerror=\"document.title='pwned'\"> help"
        try """
        ---
        title: '\(title.replacingOccurrences(of: "'", with: "''"))'
        ---

        If you lost your key, revoke it and create a new key.

        """.write(toFile: guides + "/lost.md", atomically: true, encoding: .utf8)
        let site = try TestSite.build(guides)
        defer { try? FileManager.default.removeItem(atPath: (site as NSString).deletingLastPathComponent) }
        let dom = try resultsPage(site, query: "lost key")
        let list = try resultsList(dom)
        #expect(list.contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;"), "\(list.prefix(800))")
        #expect(!list.contains("<img"), "the title became markup: \(list.prefix(800))")
        #expect(!dom.contains("<title>pwned"), "the title's script ran")
    }
}
