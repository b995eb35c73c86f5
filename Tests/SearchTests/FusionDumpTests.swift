import Embeddings
import Foundation
import JSONText
import KnowledgeBase
import Platform
import TestRequirements
import Testing

@testable import Search
@testable import SearchIndexReader

/// Writes, for every relevance suite, each query's lexical candidates with their scores and
/// cosines, one JSON object per line, into the folder named by `KB_FUSION_DUMP`; the
/// `SemanticFusion` rule and weight were chosen from these files (`Benchmarks/tune_fusion.py`),
/// on the tuning halves only. Skipped unless the variable is set: it is a tuning tool, not a
/// check.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KB_FUSION_DUMP"] != nil))
struct FusionDumpTests {
    let folder = ProcessInfo.processInfo.environment["KB_FUSION_DUMP"] ?? "/tmp"

    @Test func dumpShipped() throws {
        let kb = KnowledgeBase.load(TestSupport.shippedGuides)
        for (name, file) in [
            ("shipped", "relevance-shipped.txt"), ("shipped-heldout", "relevance-shipped-heldout.txt"),
        ] {
            let text = try #require(TestSupport.read(TestSupport.fixtures + "/" + file))
            dump(name, kb: kb, cases: RelevanceSuite(text: text).cases) { $0.id }
        }
    }

    @Test(.requires(corpus: "stackfaq.tar.gz")) func dumpStackFAQ() throws {
        let corpus = try #require(StackFAQ.unpack())
        defer { TestSupport.remove(corpus.folder) }
        dump("stackfaq", kb: KnowledgeBase.load(corpus.root), cases: corpus.suite.cases) { $0.id }
    }

    @Test(.requires(corpus: "tldr-pages.tar.gz")) func dumpTldr() throws {
        let root = try #require(TestSupport.tldrPages)
        let kb = KnowledgeBase.load(root)
        let command = { (path: String) in String(path.split(separator: "/").last ?? Substring(path)) }
        for (name, file) in [("tldr", "relevance-tldr.txt"), ("tldr-heldout", "relevance-tldr-heldout.txt")] {
            let text = try #require(TestSupport.read(TestSupport.fixtures + "/" + file))
            let cases = RelevanceSuite(text: text).cases.map {
                RelevanceSuite.Case(query: $0.query, expected: Set($0.expected.map(command)))
            }
            dump(name, kb: kb, cases: cases) { command($0.path) }
        }
    }

    func dump(_ name: String, kb: KnowledgeBase, cases: [RelevanceSuite.Case], key: (SearchUnit) -> String) {
        let index = SearchIndex(bytes: IndexBuilder().build(kb, key: 1))!
        let units = SearchUnit.units(of: kb)
        let model = WordLlama.builtIn
        // Alternative texts for a unit's vector, to compare with the stored one.
        let withGuide = units.map { unit in
            model.embed(IndexBuilder.vectorText(of: unit) + (unit.guideTitle.isEmpty ? "" : ". " + unit.guideTitle))
        }
        let withSnippet = units.map { unit in model.embed(IndexBuilder.vectorText(of: unit) + ". " + unit.snippet) }
        let body = units.map { unit in model.embed(unit.fields[SearchUnit.Field.body.rawValue]) }
        var parameters = RankingParameters.standard
        parameters.semanticWeight = 0
        let ranker = Ranker(index: index, parameters: parameters)
        var out = ""
        for c in cases {
            let query = ranker.analyse(c.query, forceTypos: false)
            var hits = ranker.rank(query, limit: 1_000_000)
            var forced = false
            if hits.isEmpty {
                hits = ranker.rank(ranker.analyse(c.query, forceTypos: true), limit: 1_000_000)
                forced = true
            }
            guard let vector = model.embed(c.query) else { continue }
            // One line per query: {q, question, forced, expected, c: [[key, score, coverage,
            // kind, stored cosine, with guide title, with snippet, body], …]}.
            var line = JSONWriter(pretty: false)
            line.beginObject()
            line.value("q", c.query)
            line.value("question", query.isQuestion)
            line.value("forced", forced)
            line.value("expected", c.expected.sorted())
            line.beginArray("c")
            for hit in hits.prefix(400) {
                let u = hit.unit
                line.beginArray()
                line.value(nil, key(units[u]))
                line.value(nil, exactly: hit.score)
                line.value(nil, exactly: hit.coverage)
                line.value(nil, Int(index.kind(u).rawValue))
                line.value(nil, exactly: Double(vector.withUnsafeBufferPointer { index.cosine(unit: u, query: $0) }))
                for alternative in [withGuide[u], withSnippet[u], body[u]] {
                    line.value(nil, exactly: Double(alternative.map { WordLlama.cosine(vector, $0) } ?? 0))
                }
                line.endArray()
            }
            line.endArray()
            line.endObject()
            out += line.string + "\n"
        }
        TestSupport.write(out, to: folder + "/" + name + ".jsonl")
    }
}
