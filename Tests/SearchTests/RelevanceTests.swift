import KnowledgeBase
import Platform
import TestRequirements
import Testing

@testable import Search

/// The relevance suites run in every `swift test` and print their metrics; the thresholds are
/// high so a ranking change that helps one query but hurts others shows up here.
@Suite struct RelevanceTests {
    @Test func shippedGuidesSuite() throws {
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/relevance-shipped.txt"))
        let suite = RelevanceSuite(text: text)
        #expect(suite.cases.count >= 75)
        let metrics = suite.evaluate(Ranker(index: TestSupport.shippedIndex)) { $0.id }
        print("relevance (shipped guides): \(metrics)")
        for miss in metrics.misses { print("  \(miss)") }
        // Measured: hit@1 0.975, hit@3 0.988, MRR 0.984. Before issue 11: 0.663, 0.788, 0.731;
        // its content (Windows, .env loaders, error strings, keys pushed to GitHub) made that
        // 0.788, 0.888, 0.842, "Also asked as:" phrases 0.838, 0.95, 0.89, the WordLlama
        // cosine 0.925, 0.95, 0.947, and three more phrases plus two expectations naming the
        // entries added since the queries were written (a key pushed to GitHub, password managers)
        // the rest.
        #expect(metrics.hitAt1 >= 0.97, "\(metrics)")
        #expect(metrics.hitAt3 >= 0.98, "\(metrics)")
        #expect(metrics.mrr >= 0.98, "\(metrics)")
        // The printed answer (a top-ranked guide gives way to a related section or entry): 0.975.
        #expect(metrics.answerAt1 >= 0.97, "\(metrics)")
    }

    /// Queries over the shipped guides written before the content and ranking work of issue 11
    /// and never tuned on: only their totals are printed, as for the tldr held-out suite.
    @Test func shippedGuidesHeldOutSuite() throws {
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/relevance-shipped-heldout.txt"))
        let suite = RelevanceSuite(text: text)
        #expect(suite.cases.count >= 75)
        let metrics = suite.evaluate(Ranker(index: TestSupport.shippedIndex)) { $0.id }
        print("relevance (shipped guides, held out): \(metrics)")
        // Measured: hit@1 0.863, hit@3 0.963, MRR 0.916; 0.5, 0.65, 0.592 when written, 0.663,
        // 0.825, 0.757 after the new content, 0.788, 0.913, 0.855 with "Also asked as:", 0.85,
        // 0.95, 0.907 with the WordLlama cosine.
        #expect(metrics.hitAt1 >= 0.86, "\(metrics)")
        #expect(metrics.hitAt3 >= 0.96, "\(metrics)")
        #expect(metrics.mrr >= 0.91, "\(metrics)")
        // The printed answer: 0.863.
        #expect(metrics.answerAt1 >= 0.86, "\(metrics)")
    }

    /// StackFAQ's 1,249 rephrasings against its 125 questions (see `StackFAQ`): paraphrases
    /// written by other people, sharing few words with the question. Totals only.
    @Test(.requires(corpus: "stackfaq.tar.gz")) func stackFAQSuite() throws {
        let corpus = try #require(StackFAQ.unpack(), "the StackFAQ corpus is missing or malformed")
        defer { TestSupport.remove(corpus.folder) }
        #expect(corpus.suite.cases.count == 1249)
        let kb = KnowledgeBase.load(corpus.root)
        #expect(kb.guides.first?.faqs.count == 125)
        let index = try #require(SearchIndex(bytes: IndexBuilder().build(kb, key: 1)))
        let metrics = corpus.suite.evaluate(Ranker(index: index)) { $0.id }
        print("relevance (StackFAQ): \(metrics)")
        // Measured: hit@1 0.827, hit@3 0.953, MRR 0.892 (odd threads, tuned on: 0.835, 0.893 MRR;
        // even threads, held out: 0.819, 0.892); 0.706, 0.884, 0.801 by words alone. Peers on
        // the same documents (Benchmarks/stackfaq_peers.py): bm25s 0.704, 0.878, 0.799; lunr
        // 0.650, 0.820, 0.744; the WordLlama cosine alone 0.781, 0.922, 0.855.
        #expect(metrics.hitAt1 >= 0.82, "\(metrics)")
        #expect(metrics.hitAt3 >= 0.95, "\(metrics)")
        #expect(metrics.mrr >= 0.89, "\(metrics)")
    }

    @Test(.requires(corpus: "tldr-pages.tar.gz")) func tldrIntentSuite() throws {
        let metrics = try tldrMetrics("relevance-tldr.txt", showMisses: true)
        // Measured: hit@1 0.553, hit@3 0.789, MRR 0.677 (0.474, 0.711, 0.587 before the mention
        // prior, the synonym IDF cap and the repeated-title step).
        #expect(metrics.hitAt1 >= 0.55, "\(metrics)")
        #expect(metrics.hitAt3 >= 0.78, "\(metrics)")
        #expect(metrics.mrr >= 0.67, "\(metrics)")
    }

    /// Intent queries written before the ranking was tuned on `relevance-tldr.txt` and never
    /// tuned on: only their totals are printed, so they keep measuring how the ranking does on
    /// queries nobody fitted it to.
    @Test(.requires(corpus: "tldr-pages.tar.gz")) func tldrHeldOutSuite() throws {
        let metrics = try tldrMetrics("relevance-tldr-heldout.txt", showMisses: false)
        #expect(metrics.count >= 30)
        // Measured: hit@1 0.521, hit@3 0.667, MRR 0.607 (0.458, 0.604, 0.552 when written).
        #expect(metrics.hitAt1 >= 0.52, "\(metrics)")
        #expect(metrics.hitAt3 >= 0.66, "\(metrics)")
        #expect(metrics.mrr >= 0.6, "\(metrics)")
    }

    /// Runs a tldr suite; fails when the corpus is not there (the tests skip first, outside CI). tldr has
    /// the same command under several platforms (common/mkdir.md, windows/mkdir.md): a hit is the
    /// right command, whichever platform's page it is.
    func tldrMetrics(_ fixture: String, showMisses: Bool) throws -> RelevanceSuite.Metrics {
        let index = try #require(TestSupport.tldrIndex, "../shared/corpora/tldr-pages.tar.gz is not there")
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/" + fixture))
        var suite = RelevanceSuite(text: text)
        let command = { (path: String) in String(path.split(separator: "/").last ?? Substring(path)) }
        suite.cases = suite.cases.map { RelevanceSuite.Case(query: $0.query, expected: Set($0.expected.map(command))) }
        #expect(suite.cases.count >= 30)
        let metrics = suite.evaluate(Ranker(index: index)) { command($0.path) }
        print("relevance (\(fixture)): \(metrics)")
        if showMisses {
            for miss in metrics.misses { print("  \(miss)") }
        }
        return metrics
    }
}
