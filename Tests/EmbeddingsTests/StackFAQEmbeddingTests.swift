import Foundation
import TestRequirements
import Testing

@testable import Embeddings

/// Embedding-only retrieval on StackFAQ (../shared/corpora/stackfaq.tar.gz, CC BY-SA; see its
/// NOTICE.md): each rephrasing longer than three characters is a query, and the right answer is
/// its thread's question among all 125, ranked by cosine alone. The thresholds sit just under what
/// this measured (and under the Python package's own 0.782 / 0.922 / 0.856 on the same data).
@Suite struct StackFAQEmbeddingTests {
    struct Pair: Decodable {
        let question: String
        let rephr: [String?]
    }

    struct Root: Decodable {
        struct QAPairs: Decodable { let qapair: [Pair] }
        let root: QAPairs
    }

    static func pairs() throws -> [Pair] {
        let archive = try #require(
            TestRequirements.corpus("stackfaq.tar.gz"), "\(TestRequirements.corpusPath("stackfaq.tar.gz")) is missing")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kb-stackfaq-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", archive, "-C", folder.path, "stackfaq/stackExchange-FAQ.json"]
        try tar.run()
        tar.waitUntilExit()
        try #require(tar.terminationStatus == 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("stackfaq/stackExchange-FAQ.json"))
        return try JSONDecoder().decode(Root.self, from: data).root.qapair
    }

    @Test(.requires(corpus: "stackfaq.tar.gz"))
    func cosineAloneRanksTheRightQuestion() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count == 125)
        let model = WordLlama.builtIn
        let questions = try pairs.map { try #require(model.embed($0.question)) }
        var queries = 0
        var hitsAt1 = 0
        var hitsAt3 = 0
        var reciprocalRanks = 0.0
        for (answer, pair) in pairs.enumerated() {
            for case let text? in pair.rephr where text.count > 3 {
                let query = try #require(model.embed(text))
                let scores = questions.map { WordLlama.cosine(query, $0) }
                // Rank of the right question: how many score higher, ties going to the earlier one.
                let rank = scores.indices.filter {
                    scores[$0] > scores[answer] || (scores[$0] == scores[answer] && $0 < answer)
                }.count
                queries += 1
                if rank == 0 { hitsAt1 += 1 }
                if rank < 3 { hitsAt3 += 1 }
                if rank < 10 { reciprocalRanks += 1 / Double(rank + 1) }
            }
        }
        let hit1 = Double(hitsAt1) / Double(queries)
        let hit3 = Double(hitsAt3) / Double(queries)
        let mrr = reciprocalRanks / Double(queries)
        print(
            "StackFAQ, WordLlama cosine alone: \(queries) queries, hit@1 \(String(format: "%.3f", hit1)), "
                + "hit@3 \(String(format: "%.3f", hit3)), MRR@10 \(String(format: "%.3f", mrr))")
        #expect(queries >= 1_249)
        #expect(hit1 >= 0.77)
        #expect(hit3 >= 0.91)
        #expect(mrr >= 0.845)
    }
}
