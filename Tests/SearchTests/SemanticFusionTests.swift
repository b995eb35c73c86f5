import Embeddings
import KnowledgeBase
import Testing

@testable import Search
@testable import SearchIndexReader

/// Units' vectors in the index and their fusion with BM25F (`SemanticFusion`).
@Suite struct SemanticFusionTests {
    @Test func indexHoldsEachUnitsVector() throws {
        let index = TestSupport.shippedIndex
        #expect(index.hasVectors)
        let units = SearchUnit.units(of: KnowledgeBase.load(TestSupport.shippedGuides))
        try #require(units.count == index.unitCount)
        for (u, unit) in units.enumerated() {
            if unit.kind == .guide { continue }
            let vector = try #require(WordLlama.builtIn.embed(IndexBuilder.vectorText(of: unit)))
            let cosine = vector.withUnsafeBufferPointer { index.cosine(unit: u, query: $0) }
            // int8 storage keeps the vector's direction.
            #expect(cosine > 0.995, "\(unit.id): \(cosine)")
        }
        // Out of range, or a query of the wrong length: no similarity, no crash.
        let query = [Float](repeating: 0.0625, count: 256)
        #expect(query.withUnsafeBufferPointer { index.cosine(unit: index.unitCount, query: $0) } == 0)
        #expect([Float](repeating: 1, count: 3).withUnsafeBufferPointer { index.cosine(unit: 0, query: $0) } == 0)
    }

    @Test func indexWithoutVectorsReadsBack() throws {
        var builder = IndexBuilder(includeAnswers: false)
        builder.includeVectors = false
        let bytes = builder.build(KnowledgeBase.load(TestSupport.shippedGuides), key: 1)
        let index = try #require(SearchIndex(bytes: bytes), "the export without vectors does not read back")
        #expect(!index.hasVectors)
        #expect(index.unitCount == TestSupport.shippedIndex.unitCount)
    }

    @Test func fusionLiftsTheCloserMeaning() {
        var candidates: [Ranker.Candidate] = [(0, 10, 1, 10), (1, 9, 1, 9), (2, 2, 0.5, 2)]
        let cosines = [0.1, 0.9, -0.5]
        SemanticFusion.fuse(&candidates, weight: 0.7) { cosines[$0] }
        #expect(candidates.map(\.unit) == [1, 0, 2])
        // (9 / 10 + 0.7 × 0.9) × 10, and a negative cosine adds nothing; the words' score stays.
        #expect(abs(candidates[0].score - 15.3) < 1e-9)
        #expect(abs(candidates[2].score - 2) < 1e-9)
        #expect(candidates.map(\.wordScore) == [9, 10, 2])
        var unchanged: [Ranker.Candidate] = [(0, 10, 1, 10), (1, 9, 1, 9)]
        SemanticFusion.fuse(&unchanged, weight: 0) { _ in 1 }
        #expect(unchanged.map(\.score) == [10, 9])
    }

    /// A fused hit keeps its words' own score (`wordScore`, what `MissLog` judges): the score the
    /// same unit gets when the ranking does not fuse.
    @Test func fusedHitsKeepTheirWordsScore() throws {
        var words = RankingParameters.standard
        words.semanticWeight = 0
        for query in ["lose my key", "someone pushed our key to github", "rotaet key"] {
            let fused = Ranker(index: TestSupport.shippedIndex).search(query, limit: 50)
            let alone = Ranker(index: TestSupport.shippedIndex, parameters: words).search(query, limit: 50)
            try #require(!fused.isEmpty)
            #expect(fused.allSatisfy(\.fused) && !alone.contains(where: \.fused))
            let scores = Dictionary(uniqueKeysWithValues: alone.map { ($0.unit, $0.score) })
            for hit in fused {
                if let score = scores[hit.unit] { #expect(abs(hit.wordScore - score) < 1e-9, "\(query): \(hit.id)") }
            }
            #expect(alone.allSatisfy { $0.wordScore == $0.score })
        }
    }

    /// Whole guides have no vector, and an index whose units are all guides (tldr) has no
    /// vectors section at all.
    @Test func guidesHaveNoVector() throws {
        let index = TestSupport.shippedIndex
        let query = try #require(WordLlama.builtIn.embed("how do I rotate an api key"))
        var guides = 0
        for u in 0..<index.unitCount where index.kind(u) == .guide {
            guides += 1
            #expect(query.withUnsafeBufferPointer { index.cosine(unit: u, query: $0) } == 0)
        }
        #expect(guides > 0)
        let folder = TestSupport.temporaryFolder("guides-only")
        defer { TestSupport.remove(folder) }
        TestSupport.write(
            "# Tar\n\nArchiving utility.\n\n- Extract an archive:\n\n`tar xf file.tar`\n", to: folder + "/tar.md")
        let only = try #require(SearchIndex(bytes: IndexBuilder().build(KnowledgeBase.load(folder), key: 1)))
        #expect(only.unitCount == 1)
        #expect(!only.hasVectors)
    }

    /// Both shipped suites ranked with the standard weight and with words alone: fusion must
    /// lose on no metric (it lifts hit@1 on both; RelevanceTests holds the numbers).
    @Test(arguments: ["relevance-shipped.txt", "relevance-shipped-heldout.txt"])
    func fusionLosesNothingOnTheShippedSuites(_ fixture: String) throws {
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/" + fixture))
        let suite = RelevanceSuite(text: text)
        var parameters = RankingParameters.standard
        #expect(parameters.semanticWeight > 0)
        let fused = suite.evaluate(Ranker(index: TestSupport.shippedIndex, parameters: parameters)) { $0.id }
        parameters.semanticWeight = 0
        let lexical = suite.evaluate(Ranker(index: TestSupport.shippedIndex, parameters: parameters)) { $0.id }
        print("relevance (\(fixture)), words alone: \(lexical); fused with WordLlama: \(fused)")
        #expect(fused.hitAt1 > lexical.hitAt1, "\(fused) vs \(lexical)")
        #expect(fused.hitAt3 >= lexical.hitAt3, "\(fused) vs \(lexical)")
        #expect(fused.mrr >= lexical.mrr, "\(fused) vs \(lexical)")
    }
}
