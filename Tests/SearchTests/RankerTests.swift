import KnowledgeBase
import Testing

@testable import Search

@Suite struct RankerTests {
    let ranker = Ranker(index: TestSupport.shippedIndex)

    @Test func answersTheLostKeyQuestion() throws {
        let best = try #require(ranker.search("lose my key", limit: 3).first)
        #expect(best.id == "faq#i-lost-my-api-key-what-should-i-do")
        #expect(best.kind == .faq)
        #expect(best.path == "faq.md")
        #expect(best.answer.contains("revoke"))
    }

    @Test func toleratesTyposInUnknownWords() throws {
        // Only the word missing from the guides is corrected; "a" is a stop word.
        let query = ranker.analyse("revokng a leaked key", forceTypos: false)
        #expect(query.words.map(\.corrected) == [true, false, false])
        #expect(query.words[0].candidates.contains { ranker.index.term($0.term) == "revok" })
        let best = try #require(ranker.search("revokng a comprimised key", limit: 1).first)
        #expect(
            best.id.hasPrefix("revoking-a-leaked-key")
                || best.id == "faq#what-should-i-do-if-my-key-might-be-compromised")
    }

    @Test func transpositionCountsAsOneEdit() {
        #expect(TypoMatcher.distance(Array("rotaet".utf8), Array("rotate".utf8), bound: 2) == 1)
        #expect(TypoMatcher.distance(Array("kye".utf8), Array("key".utf8), bound: 2) == 1)
        #expect(TypoMatcher.distance(Array("billing".utf8), Array("biling".utf8), bound: 2) == 1)
        #expect(TypoMatcher.distance(Array("abcdef".utf8), Array("uvwxyz".utf8), bound: 2) == 3)
        #expect(TypoMatcher.allowedEdits(3) == 0)
        #expect(TypoMatcher.allowedEdits(4) == 1)
        #expect(TypoMatcher.allowedEdits(8) == 2)
    }

    @Test func findsNothingForNonsenseAndSuggestsNearWords() {
        #expect(ranker.search("xyzzy plugh", limit: 5).isEmpty)
        let suggestions = Suggestions(ranker: ranker).forQuery("rotatoin skeys")
        #expect(!suggestions.isEmpty)
        for s in suggestions { #expect(!ranker.search(s, limit: 1).isEmpty, "\(s)") }
    }

    @Test func stopWordsAloneFindNothingAndDoNotDiluteAQuery() {
        #expect(ranker.search("what is it", limit: 5).isEmpty)
        let plain = ranker.search("rotate key", limit: 1).first?.id
        let wordy = ranker.search("how do I rotate my key", limit: 1).first?.id
        #expect(plain != nil)
        #expect(plain == wordy || wordy?.hasPrefix("faq#") == true)
    }

    @Test func prefersFAQEntriesForQuestions() throws {
        let query = ranker.analyse("how can I replace a key?", forceTypos: false)
        #expect(query.isQuestion)
        #expect(!ranker.analyse("replace key", forceTypos: false).isQuestion)
        let best = try #require(ranker.search("how can I replace a key?", limit: 1).first)
        #expect(best.kind == .faq)
    }

    @Test func usesSynonyms() throws {
        let best = try #require(ranker.search("misplaced my token", limit: 1).first)
        #expect(best.id == "faq#i-lost-my-api-key-what-should-i-do")
    }

    @Test func resultsAreOrderedAndLimited() {
        let hits = ranker.search("key", limit: 5)
        #expect(hits.count == 5)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }
}
