import Embeddings
import Foundation
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

    func dump(_ name: String, kb: KnowledgeBase, cases: [RelevanceSuite.Case], key: (SearchUnitView) -> String) {
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
            var candidates: [String] = []
            for hit in hits.prefix(400) {
                let u = hit.unit
                let stored = vector.withUnsafeBufferPointer { index.cosine(unit: u, query: $0) }
                let g = withGuide[u].map { WordLlama.cosine(vector, $0) } ?? 0
                let s = withSnippet[u].map { WordLlama.cosine(vector, $0) } ?? 0
                let b = body[u].map { WordLlama.cosine(vector, $0) } ?? 0
                let k = SearchUnitView(id: units[u].id, path: units[u].path)
                candidates.append(
                    "[\(DumpJSON.quoted(key(k))),\(hit.score),\(hit.coverage),\(index.kind(u).rawValue),\(stored),\(g),\(s),\(b)]"
                )
            }
            let expected = c.expected.sorted().map(DumpJSON.quoted).joined(separator: ",")
            out +=
                "{\"q\":\(DumpJSON.quoted(c.query)),\"question\":\(query.isQuestion),\"forced\":\(forced),\"expected\":[\(expected)],\"c\":[\(candidates.joined(separator: ","))]}\n"
        }
        TestSupport.write(out, to: folder + "/" + name + ".jsonl")
    }
}

/// What a suite compares hits by.
struct SearchUnitView {
    var id: String
    var path: String
}

enum DumpJSON {
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
