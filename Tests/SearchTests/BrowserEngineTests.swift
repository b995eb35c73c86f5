import Embeddings
import KnowledgeBase
import Platform
import TestRequirements
import Testing

@testable import Search

/// The browser engine must rank exactly as `Ranker` does: these tests run the generated
/// scripts under node (skipped, with a message, where node is not installed) on the relevance
/// queries and compare the results.
@Suite struct BrowserEngineTests {
    static let node: String? = TestRequirements.program("node")

    /// Runs `driver` (which sees `window.KBSearch`) under node with the index of `kb`; returns
    /// stdout lines.
    func runNode(kb: KnowledgeBase, driver: String, input: String) throws -> [String] {
        let node = try #require(BrowserEngineTests.node)
        let folder = TestSupport.temporaryFolder("engine")
        defer { TestSupport.remove(folder) }
        TestSupport.write(
            String(decoding: BrowserExport.indexScript(for: kb, synonyms: SynonymsConfiguration()), as: UTF8.self),
            to: folder + "/index.js")
        TestSupport.write(
            String(decoding: BrowserExport.engineScript, as: UTF8.self), to: folder + "/engine.js")
        TestSupport.write(input, to: folder + "/input.txt")
        TestSupport.write(
            """
            global.window = {};
            const fs = require("fs");
            (0, eval)(fs.readFileSync(__dirname + "/index.js", "utf8"));
            (0, eval)(fs.readFileSync(__dirname + "/engine.js", "utf8"));
            const lines = fs.readFileSync(__dirname + "/input.txt", "utf8").split("\\n").filter((l) => l.length > 0);
            const out = [];
            \(driver)
            fs.writeFileSync(__dirname + "/output.txt", out.join("\\n") + "\\n");
            """, to: folder + "/driver.js")
        let status = TestSupport.shell("'\(node)' '\(folder)/driver.js' 2> '\(folder)/stderr.txt'")
        #expect(status == 0, "node failed: \(TestSupport.read(folder + "/stderr.txt") ?? "")")
        let output = try #require(TestSupport.read(folder + "/output.txt"))
        return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
            String.init)
    }

    /// Each query with its WordLlama vector as Swift computes it, `query<TAB>x,y,…` (nothing
    /// after the tab for a query without tokens): the engine ranks with the very vector `Ranker`
    /// fuses, so scores agree to the last digit. (`BrowserWordLlamaTests` checks that the site's
    /// own `wordllama.js` gives that vector.)
    static func withVectors(_ queries: [String], _ ranker: Ranker) -> String {
        queries.map { query in
            query + "\t" + (vector(query, ranker)?.map { "\($0)" }.joined(separator: ",") ?? "")
        }.joined(separator: "\n") + "\n"
    }

    /// The vector `ranker.search(query)` fuses.
    static func vector(_ query: String, _ ranker: Ranker) -> [Float]? {
        ranker.analyse(query, forceTypos: false).vector
    }

    /// The driver's lines for `withVectors` input: `q` and `vector` for each.
    static let readVector = """
        const [q, v] = line.split("\\t");
        const vector = v ? new Float32Array(v.split(",").map(Number)) : null;
        """

    @Test(.requires(program: "node")) func ranksTheShippedSuiteLikeTheTerminal() throws {
        try #require(BrowserEngineTests.node != nil, "node is not installed")
        let kb = KnowledgeBase.load(TestSupport.shippedGuides)
        var queries = ["lose my key", "xyzzy plugh", "how do I rotate?"]
        for fixture in ["relevance-shipped.txt", "relevance-shipped-heldout.txt"] {
            let text = try #require(TestSupport.read(TestSupport.fixtures + "/" + fixture))
            queries += RelevanceSuite(text: text).cases.map(\.query)
        }
        let lines = try runNode(
            kb: kb,
            driver: """
                for (const line of lines) {
                  \(BrowserEngineTests.readVector)
                  const hits = window.KBSearch.search(q, 3, vector);
                  out.push(hits.map((h) => [h.id, h.kind, h.url, h.score.toFixed(6)].join(" ")).join("\\t"));
                }
                """,
            input: BrowserEngineTests.withVectors(queries, Ranker(index: TestSupport.shippedIndex)))
        try #require(lines.count == queries.count)
        let ranker = Ranker(index: TestSupport.shippedIndex)
        for (query, line) in zip(queries, lines) {
            let swift = ranker.search(query, limit: 3)
            let js =
                line.isEmpty
                ? [] : line.split(separator: "\t").map { $0.split(separator: " ").map(String.init) }
            #expect(js.map { $0[0] } == swift.map(\.id), "\(query)")
            for (j, s) in zip(js, swift) {
                #expect(j[1] == s.kind.name)
                let slug = s.id.split(separator: "#").first.map(String.init) ?? s.id
                #expect(j[2] == slug + ".html" + (s.anchor.isEmpty ? "" : "#" + s.anchor))
                #expect(abs((Double(j[3]) ?? -1) - s.score) < 1e-4, "\(query): \(j[3]) vs \(s.score)")
            }
        }
    }

    @Test(.requires(program: "node")) func stemsAndTokenizesLikeSwift() throws {
        try #require(BrowserEngineTests.node != nil, "node is not installed")
        let fixture = try #require(TestSupport.read(TestSupport.fixtures + "/porter2-sample.txt"))
        let words = fixture.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            String($0.split(separator: " ")[0])
        }
        let texts = [
            "E[x]tract a (compressed) archive [f]ile", "Node.js and x-api-key", "Café CRÈME straße Ωmega",
            "don't key's it’s", "tar.gz v1.2.3 4O4 ❤️ emoji", "naïve coöperate",
        ]
        let lines = try runNode(
            kb: KnowledgeBase.load(TestSupport.shippedGuides),
            driver: """
                for (const l of lines) {
                  if (l.startsWith("W ")) { out.push(window.KBSearch.stem(l.slice(2))); continue; }
                  const toks = [];
                  window.KBSearch.tokenize(l.slice(2), (w, p, c) => toks.push(w + "@" + p + (c ? "+" : "")));
                  out.push(toks.join(" "));
                }
                """,
            input: (words.map { "W " + $0 } + texts.map { "T " + $0 }).joined(separator: "\n") + "\n")
        try #require(lines.count == words.count + texts.count)
        for (word, js) in zip(words, lines) where js != EnglishStemmer.stem(word) {
            Issue.record("stem(\(word)): node \(js), Swift \(EnglishStemmer.stem(word))")
        }
        for (text, js) in zip(texts, lines.suffix(texts.count)) {
            var tokens: [String] = []
            Tokenizer().tokenize(text) { w, p, c in
                tokens.append(String(decoding: w, as: UTF8.self) + "@\(p)" + (c ? "+" : ""))
            }
            #expect(js == tokens.joined(separator: " "), "\(text)")
        }
    }

    @Test(.requires(program: "node"), .requires(corpus: "stackfaq.tar.gz"))
    func ranksStackFAQLikeTheTerminal() throws {
        try #require(BrowserEngineTests.node != nil, "node is not installed")
        let corpus = try #require(StackFAQ.unpack(), "the StackFAQ corpus is missing or malformed")
        defer { TestSupport.remove(corpus.folder) }
        let kb = KnowledgeBase.load(corpus.root)
        let queries = corpus.suite.cases.map(\.query)
        let stackRanker = Ranker(index: try #require(SearchIndex(bytes: IndexBuilder().build(kb, key: 1))))
        let lines = try runNode(
            kb: kb,
            driver: """
                for (const line of lines) {
                  \(BrowserEngineTests.readVector)
                  out.push(window.KBSearch.search(q, 3, vector).map((h) => h.id).join(" "));
                }
                """,
            input: BrowserEngineTests.withVectors(queries, stackRanker))
        try #require(lines.count == queries.count)
        for (query, line) in zip(queries, lines) {
            #expect(line == stackRanker.search(query, limit: 3).map(\.id).joined(separator: " "), "\(query)")
        }
    }

    @Test(.requires(program: "node"), .requires(corpus: "tldr-pages.tar.gz"))
    func ranksTheTldrSuiteLikeTheTerminalWithinFiveMegabytes() throws {
        try #require(BrowserEngineTests.node != nil, "node is not installed")
        let root = try #require(TestSupport.tldrPages, "the tldr corpus is missing")
        let index = try #require(TestSupport.tldrIndex, "the tldr corpus did not index")
        let kb = KnowledgeBase.load(root)
        let size = BrowserExport.indexScript(for: kb, synonyms: SynonymsConfiguration()).count
        print("browser index for \(kb.guides.count) tldr pages: \(size) bytes")
        #expect(size < 5 * 1024 * 1024)
        var queries: [String] = []
        for fixture in ["relevance-tldr.txt", "relevance-tldr-heldout.txt"] {
            let text = try #require(TestSupport.read(TestSupport.fixtures + "/" + fixture))
            queries += RelevanceSuite(text: text).cases.map(\.query)
        }
        queries += ["extrct archve", "gti comit"]
        let lines = try runNode(
            kb: kb,
            driver: """
                for (const line of lines) {
                  \(BrowserEngineTests.readVector)
                  out.push(window.KBSearch.search(q, 3, vector).map((h) => h.id).join(" "));
                }
                """,
            input: BrowserEngineTests.withVectors(queries, Ranker(index: index)))
        try #require(lines.count == queries.count)
        let ranker = Ranker(index: index)
        for (query, line) in zip(queries, lines) {
            #expect(line == ranker.search(query, limit: 3).map(\.id).joined(separator: " "), "\(query)")
        }
    }

    /// The script's `RANKING` object is `RankingParameters.standard`, property for property
    /// and value for value, as node reads it.
    @Test(.enabled(if: BrowserEngineTests.node != nil, "node is not installed"))
    func writesEveryRankingParameterIntoTheScript() throws {
        let node = try #require(BrowserEngineTests.node)
        let folder = TestSupport.temporaryFolder("ranking")
        defer { TestSupport.remove(folder) }
        TestSupport.write(
            """
            const o = \(JavaScriptLiteral.object(of: RankingParameters.standard));
            require("fs").writeFileSync(__dirname + "/output.txt",
              Object.keys(o).map((k) => k + " " + JSON.stringify(o[k])).join("\\n") + "\\n");
            """, to: folder + "/driver.js")
        #expect(TestSupport.shell("'\(node)' '\(folder)/driver.js'") == 0)
        let lines = try #require(TestSupport.read(folder + "/output.txt")).split(separator: "\n")
        let properties = Array(Mirror(reflecting: RankingParameters.standard).children)
        #expect(lines.map { String($0.split(separator: " ")[0]) } == properties.map { $0.label ?? "" })
        for (line, property) in zip(lines, properties) {
            let json = String(line.split(separator: " ", maxSplits: 1)[1])
            #expect(!json.contains("null"), "\(line)")
            switch property.value {
            case let d as Double: #expect(Double(json) == d, "\(line)")
            case let n as Int: #expect(Int(json) == n, "\(line)")
            case let list as [Double]:
                let values = json.dropFirst().dropLast().split(separator: ",").map { Double($0) }
                #expect(values == list.map { Optional($0) }, "\(line)")
            case let list as [String]:
                #expect(json == "[" + list.map { "\"" + $0 + "\"" }.joined(separator: ",") + "]", "\(line)")
            default: Issue.record("\(line): a parameter type the test does not know")
            }
        }
    }

    /// The scripts are real JavaScript files: node parses each as it is committed (the engine
    /// with its `__NAME__` placeholders unfilled, which are plain identifiers there).
    @Test(.enabled(if: BrowserEngineTests.node != nil, "node is not installed"))
    func theScriptFilesParse() throws {
        let node = try #require(BrowserEngineTests.node)
        for file in [
            "Sources/Search/Browser/search-engine.js", "Sources/Site/Theme/site.js",
            "Sources/Site/Theme/theme-bootstrap.js", "Sources/Site/Theme/live-reload.js",
        ] {
            #expect(TestSupport.shell("'\(node)' --check '\(TestSupport.packageRoot)/\(file)'") == 0, "\(file)")
        }
    }

    /// The site lists `related` hits: the same cut in both languages, fewer than the page's
    /// 50 for queries whose words are common, and never the best hit dropped.
    @Test(.requires(program: "node")) func keepsTheSameRelatedHitsAsSwift() throws {
        let kb = KnowledgeBase.load(TestSupport.shippedGuides)
        let queries = ["lost key", "lose my key", "rotate key", "key", "rotaet key", "api", "xyzzy plugh"]
        let lines = try runNode(
            kb: kb,
            driver: """
                for (const line of lines) {
                  \(BrowserEngineTests.readVector)
                  const all = window.KBSearch.search(q, 50, vector);
                  out.push(all.length + " " + window.KBSearch.related(all).map((h) => h.id).join(" "));
                }
                """,
            input: BrowserEngineTests.withVectors(queries, Ranker(index: TestSupport.shippedIndex)))
        try #require(lines.count == queries.count)
        let ranker = Ranker(index: TestSupport.shippedIndex)
        let parameters = RankingParameters.standard
        for (query, line) in zip(queries, lines) {
            let all = ranker.search(query, limit: 50)
            let kept = parameters.related(all)
            #expect(line == "\(all.count) " + kept.map(\.id).joined(separator: " "), "\(query)")
            #expect(kept.first?.id == all.first?.id)
            let fraction =
                all.first?.fused == true ? parameters.fusedRelatedScoreFraction : parameters.relatedScoreFraction
            let floor = (all.first?.score ?? 0) * fraction
            #expect(all.dropFirst(kept.count).allSatisfy { $0.score < floor }, "\(query)")
        }
        let lost = parameters.related(ranker.search("lost key", limit: 50))
        #expect(lost.count < 12, "\(lost.count) related hits for \"lost key\"")
    }

    /// "Did you mean" and highlighting: the browser suggests what `Suggestions` suggests, and
    /// marks the words whose terms the query matched (stems, so "Lost" for "lose").
    @Test(.requires(program: "node")) func suggestsAndHighlightsLikeSwift() throws {
        let kb = KnowledgeBase.load(TestSupport.shippedGuides)
        let queries = ["rotaet key", "lost key", "revokd a leaekd key", "xyzzy plugh"]
        let lines = try runNode(
            kb: kb,
            driver: """
                for (const q of lines) out.push(window.KBSearch.suggestions(q, 3).join("|"));
                const terms = window.KBSearch.queryTerms("lose my key");
                const text = "Lost your API keys? <b>Losing</b> a key-ring";
                out.push(window.KBSearch.highlights(text, terms).map((r) => text.slice(r[0], r[1])).join("|"));
                """,
            input: queries.joined(separator: "\n") + "\n")
        try #require(lines.count == queries.count + 1)
        let suggestions = Suggestions(ranker: Ranker(index: TestSupport.shippedIndex))
        for (query, line) in zip(queries, lines) {
            #expect(line == suggestions.forQuery(query).joined(separator: "|"), "\(query)")
        }
        #expect(lines[0].hasPrefix("rotate key"), "\(lines[0])")
        #expect(lines[queries.count] == "Lost|keys|Losing|key", "\(lines[queries.count])")
    }

    @Test func writesStringsThatNeitherBreakTheScriptNorCloseIt() {
        #expect(JavaScriptLiteral.string("a\"b\\c</script>\u{7}é") == #""a\"b\\c\u003c/script>\u0007\u00e9""#)
        #expect(JavaScriptLiteral.literal(Double.infinity) == nil)
        #expect(JavaScriptLiteral.literal([1.0, 0.1]) == "[1.0, 0.1]")
    }

    @Test func exportsTheIndexAsAScript() {
        let script = String(
            decoding: BrowserExport.indexScript(
                for: KnowledgeBase.load(TestSupport.shippedGuides), synonyms: SynonymsConfiguration()),
            as: UTF8.self)
        #expect(script.hasPrefix("window.KB_SEARCH_INDEX=\""))
        #expect(script.hasSuffix("\";\n"))
        let engine = String(decoding: BrowserExport.engineScript, as: UTF8.self)
        #expect(engine.contains("window.KBSearch"))
        #expect(!engine.contains("__FOLDING__"))
        // Every placeholder of search-engine.js (`__NAME__`) was spliced.
        #expect(engine.firstRange(of: /__[A-Z_]+__/) == nil)
    }
}
