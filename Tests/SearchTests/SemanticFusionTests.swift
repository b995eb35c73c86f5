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

    @Test func browserExportLeavesVectorsOut() throws {
        var builder = IndexBuilder(includeAnswers: false)
        builder.includeVectors = false
        let bytes = builder.build(KnowledgeBase.load(TestSupport.shippedGuides), key: 1)
        let index = try #require(SearchIndex(bytes: bytes), "the export without vectors does not read back")
        #expect(!index.hasVectors)
        #expect(index.unitCount == TestSupport.shippedIndex.unitCount)
    }

    @Test func fusionLiftsTheCloserMeaning() {
        var candidates: [(unit: Int, score: Double, coverage: Double)] = [(0, 10, 1), (1, 9, 1), (2, 2, 0.5)]
        let cosines = [0.1, 0.9, -0.5]
        SemanticFusion.fuse(&candidates, weight: 0.7) { cosines[$0] }
        #expect(candidates.map(\.unit) == [1, 0, 2])
        // 9 / 10 + 0.7 × 0.9, and a negative cosine adds nothing.
        #expect(abs(candidates[0].score - 1.53) < 1e-9)
        #expect(abs(candidates[2].score - 0.2) < 1e-9)
        var unchanged: [(unit: Int, score: Double, coverage: Double)] = [(0, 10, 1), (1, 9, 1)]
        SemanticFusion.fuse(&unchanged, weight: 0) { _ in 1 }
        #expect(unchanged.map(\.score) == [10, 9])
    }

    /// The shipped suite ranked with the weight tuned on the tuning halves (0.7) against words
    /// alone: printed for the README, and the fused ranking must not lose.
    @Test func fusedRankingOnTheShippedSuite() throws {
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/relevance-shipped.txt"))
        let suite = RelevanceSuite(text: text)
        var parameters = RankingParameters.standard
        let lexical = suite.evaluate(Ranker(index: TestSupport.shippedIndex, parameters: parameters)) { $0.id }
        parameters.semanticWeight = 0.7
        let fused = suite.evaluate(Ranker(index: TestSupport.shippedIndex, parameters: parameters)) { $0.id }
        print("relevance (shipped guides), words alone: \(lexical); fused with WordLlama at 0.7: \(fused)")
        #expect(fused.mrr >= lexical.mrr - 0.005, "\(fused) vs \(lexical)")
    }
}
