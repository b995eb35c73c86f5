import Testing

@testable import Search

/// The relevance suites run in every `swift test` and print their metrics; the thresholds are
/// high so a ranking change that helps one query but hurts others shows up here.
@Suite struct RelevanceTests {
    @Test func shippedGuidesSuite() throws {
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/relevance-shipped.txt"))
        let suite = RelevanceSuite(text: text)
        #expect(suite.cases.count >= 40)
        let metrics = suite.evaluate(Ranker(index: TestSupport.shippedIndex)) { $0.id }
        print("relevance (shipped guides): \(metrics)")
        for miss in metrics.misses { print("  \(miss)") }
        #expect(metrics.hitAt1 >= 0.8, "\(metrics)")
        #expect(metrics.hitAt3 >= 0.94, "\(metrics)")
        #expect(metrics.mrr >= 0.87, "\(metrics)")
    }

    @Test func tldrIntentSuite() throws {
        guard let index = TestSupport.tldrIndex else {
            print("skipped: ../shared/corpora/tldr-pages.tar.gz is not there")
            return
        }
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/relevance-tldr.txt"))
        // tldr has the same command under several platforms (common/mkdir.md, windows/mkdir.md):
        // a hit is the right command, whichever platform's page it is.
        var suite = RelevanceSuite(text: text)
        let command = { (path: String) in String(path.split(separator: "/").last ?? Substring(path)) }
        suite.cases = suite.cases.map { RelevanceSuite.Case(query: $0.query, expected: Set($0.expected.map(command))) }
        #expect(suite.cases.count >= 30)
        let metrics = suite.evaluate(Ranker(index: index)) { command($0.path) }
        print("relevance (tldr pages): \(metrics)")
        for miss in metrics.misses { print("  \(miss)") }
        #expect(metrics.hitAt1 >= 0.45, "\(metrics)")
        #expect(metrics.hitAt3 >= 0.68, "\(metrics)")
        #expect(metrics.mrr >= 0.55, "\(metrics)")
    }
}
