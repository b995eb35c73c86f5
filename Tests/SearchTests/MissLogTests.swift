import SearchIndexReader
import TestRequirements
import Testing

@testable import Search

/// The faq miss log: what counts as a weak answer (measured on the relevance suites), the
/// file format, and `kb gaps`' grouping of questions that mean the same thing.
@Suite struct MissLogTests {
    static func offTopic() throws -> [String] {
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/off-topic-shipped.txt"))
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
    }

    /// The thresholds in `MissLog` come from these distributions: right first answers are
    /// rarely weak, answers to questions the guides do not cover mostly are.
    @Test func weakSeparatesRightAnswersFromOffTopicQuestions() throws {
        let ranker = Ranker(index: TestSupport.shippedIndex)
        let suite = RelevanceSuite(
            text: try #require(TestSupport.read(TestSupport.fixtures + "/relevance-shipped.txt")))
        var right = 0
        var rightButWeak: [String] = []
        for c in suite.cases {
            guard let top = ranker.search(c.query, limit: 1).first, c.expected.contains(top.id) else { continue }
            right += 1
            if MissLog.isWeak(top) { rightButWeak.append("\(c.query) (\(top.coverage), \(top.score))") }
        }
        let off = try MissLogTests.offTopic()
        let offWeak = off.filter { MissLog.isWeak(ranker.search($0, limit: 1).first) }
        print(
            "miss log: \(rightButWeak.count) of \(right) right answers weak; \(offWeak.count) of \(off.count) off-topic weak"
        )
        // Measured: 3 of 78 right answers weak, 22 of 25 off-topic questions weak (1 of 47 and 21
        // of 25 before the cosine joined the ranking and the suite's content grew).
        #expect(right >= 40)
        #expect(rightButWeak.count * 20 <= right, "\(rightButWeak)")
        #expect(offWeak.count * 5 >= off.count * 4, "only \(offWeak.count) of \(off.count)")
        #expect(MissLog.isWeak(nil))
    }

    @Test(.requires(corpus: "tldr-pages.tar.gz")) func tldrRightAnswersAreNotWeak() throws {
        let index = try #require(TestSupport.tldrIndex, "../shared/corpora/tldr-pages.tar.gz is not there")
        let ranker = Ranker(index: index)
        let suite = RelevanceSuite(text: try #require(TestSupport.read(TestSupport.fixtures + "/relevance-tldr.txt")))
        let weak = suite.cases.filter { MissLog.isWeak(ranker.search($0.query, limit: 1).first) }
        #expect(weak.count * 20 <= suite.cases.count, "\(weak.map(\.query))")
    }

    @Test func linesRoundTripWhateverTheQueryHolds() {
        let entries = [
            MissLog.Entry(time: "2026-12-03T07:00:00Z", root: "/home/a/guides", bestScore: 0.734, query: "bake bread"),
            MissLog.Entry(
                time: "2026-12-03T07:00:01Z", root: "(built-in)", bestScore: nil, query: "tab\there\nnew \\ line"),
        ]
        let text = MissLog.header + "\n" + entries.map(\.line).joined()
        #expect(text.split(separator: "\n").count == 3, "one line per entry, whatever the query holds")
        let parsed = MissLog.parse(text + "garbage without tabs\n")
        #expect(parsed.entries.map(\.query) == ["bake bread", "tab\there\nnew \\ line"])
        #expect(parsed.entries.map(\.bestScore) == [0.73, nil])
        #expect(parsed.bad == [4])
    }

    @Test func theLogLivesUnderXDGStateHomeOrHome() {
        #expect(MissLog.path { ["XDG_STATE_HOME": "/s", "HOME": "/h"][$0] } == "/s/faq/misses.tsv")
        #expect(MissLog.path { ["XDG_STATE_HOME": "relative", "HOME": "/h"][$0] } == "/h/.local/state/faq/misses.tsv")
        #expect(MissLog.path { _ in nil } == nil)
        #expect(MissLog.isDisabled { ["FAQ_NO_LOG": "1"][$0] })
        #expect(!MissLog.isDisabled { ["FAQ_NO_LOG": "0"][$0] })
        #expect(!MissLog.isDisabled { _ in nil })
    }

    @Test func gapsGroupParaphrasesTyposAndSynonymsMostAskedFirst() {
        func entry(_ query: String) -> MissLog.Entry {
            MissLog.Entry(time: "2026-12-03T07:00:00Z", root: "(built-in)", bestScore: 1, query: query)
        }
        let queries = [
            "bake sourdough bread", "baking sourdough breads", "bake sourdouhg bread", "Bake  sourdough bread",
            "lose my key", "I lost my key", "lost my token", "I lsot my key",
            "how tall is mount everest",
        ]
        let groups = MissGroups(entries: queries.map(entry), index: TestSupport.shippedIndex).groups
        #expect(groups.map(\.count) == [4, 4, 1], "\(groups.map { $0.queries.map(\.query) })")
        let keyGroup = groups.first { $0.queries.contains { $0.query == "lose my key" } }
        #expect(keyGroup?.count == 4)
        #expect(keyGroup?.closest?.id == "faq#i-lost-my-api-key-what-should-i-do")
        #expect(keyGroup?.isWeak == false, "the guides answer it now")
        let bread = groups.first { $0.queries.contains { $0.query == "bake sourdough bread" } }
        #expect(bread?.queries.first?.count == 2, "the same wording twice, spaces and case aside")
        #expect(bread?.isWeak == true)
    }
}
