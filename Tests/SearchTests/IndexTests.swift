import Foundation
import KnowledgeBase
import Platform
import Testing

@testable import Search

@Suite struct IndexTests {
    @Test func unitsCoverFAQEntriesSectionsAndGuides() {
        let units = SearchUnit.units(of: KnowledgeBase.load(TestSupport.shippedGuides))
        #expect(units.filter { $0.kind == .faq }.count >= 15)
        #expect(units.filter { $0.kind == .guide }.count == 11)
        let section = units.first { $0.id == "rotating-keys#rotate-a-key-step-by-step" }
        #expect(section?.kind == .section)
        #expect(section?.guideTitle == "Rotating a key without downtime")
        // A question is one unit, not a FAQ entry and a section.
        #expect(units.filter { $0.id == "faq#i-lost-my-api-key-what-should-i-do" }.count == 1)
    }

    /// tldr's "More information: <https://…>" is not what a page is about: the summary joins
    /// the aliases field without its URLs, and the body keeps them.
    @Test func summaryJoinsTheAliasesWithoutURLs() throws {
        let folder = TestSupport.temporaryFolder("units")
        defer { TestSupport.remove(folder) }
        TestSupport.write(
            "# tar\n\n> Archiving utility.\n> More information: <https://www.gnu.org/software/tar>.\n\n- Extract:\n\n`tar xf a.tar`\n",
            to: folder + "/tar.md")
        let guide = try #require(SearchUnit.units(of: KnowledgeBase.load(folder)).first { $0.kind == .guide })
        let aliases = guide.fields[SearchUnit.Field.aliases.rawValue]
        #expect(aliases.contains("Archiving utility."))
        #expect(aliases.contains("More information:"))
        #expect(!aliases.contains("gnu.org"))
        #expect(guide.fields[SearchUnit.Field.body.rawValue].contains("gnu.org"))
    }

    @Test func roundTripsThroughTheBinaryFormat() throws {
        let index = TestSupport.shippedIndex
        #expect(index.unitCount > 50)
        let lost = try #require(index.unit(withID: "faq#i-lost-my-api-key-what-should-i-do"))
        let strings = index.strings(lost)
        #expect(strings.title == "I lost my API key. What should I do?")
        #expect(strings.path == "faq.md")
        let faqLines = try #require(TestSupport.read(TestSupport.shippedGuides + "/faq.md")).split(
            separator: "\n", omittingEmptySubsequences: false)
        let questionLine = try #require(faqLines.firstIndex { $0 == "## I lost my API key. What should I do?" })
        #expect(index.line(lost) == questionLine + 1)
        let key = try #require(index.termIndex(Array("key".utf8)))
        #expect(index.term(key) == "key")
        #expect(index.documentFrequency(key) > 20)
        #expect(index.surfaceTerm(Array("keys".utf8)) == key)
    }

    /// The builder inverts chunks of units in parallel and joins them; the join must give the
    /// very bytes of one sequential pass, whatever the chunk size (one unit per chunk is the
    /// hardest case: every posting list is rebased at every join).
    @Test func chunkedBuildsGiveTheSameBytesAsOnePass() throws {
        let units = SearchUnit.units(of: KnowledgeBase.load(TestSupport.shippedGuides))
        var builder = IndexBuilder()
        builder.unitsPerChunk = units.count
        let whole = builder.build(units: units, key: 7)
        for size in [1, 3, 64] {
            builder.unitsPerChunk = size
            #expect(builder.build(units: units, key: 7) == whole, "chunks of \(size)")
        }
        // And the joined postings are right, not just consistently wrong: a term that occurs in
        // many units lists exactly the units whose text has it.
        let index = try #require(SearchIndex(bytes: whole))
        let rotate = try #require(index.termIndex(Array("rotat".utf8)))
        let expected = units.indices.filter { u in
            units[u].fields.contains { field in
                var words: [String] = []
                Tokenizer().tokenize(field) { word, _, _ in words.append(String(decoding: word, as: UTF8.self)) }
                return words.contains { Analyzer().term(for: $0) == "rotat" }
            }
        }
        #expect(expected.count > 10)
        #expect(index.documentFrequency(rotate) == expected.count)
    }

    @Test func refusesCorruptBytesWithoutCrashing() {
        let good = TestSupport.shippedIndex.bytes
        #expect(SearchIndex(bytes: []) == nil)
        #expect(SearchIndex(bytes: Array(good.prefix(good.count / 2))) == nil)
        var wrongVersion = good
        wrongVersion[4] ^= 0xFF
        #expect(SearchIndex(bytes: wrongVersion) == nil)
        // Random damage inside the postings: lookups may find less, but never crash.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var damaged = good
            for _ in 0..<50 {
                damaged[Int.random(in: 64..<damaged.count, using: &rng)] = UInt8.random(
                    in: 0...255, using: &rng)
            }
            if let index = SearchIndex(bytes: damaged) {
                _ = Ranker(index: index).search("lose my key", limit: 3)
            }
        }
    }

    @Test func cachesPerFolderAndRebuildsWhenAGuideChanges() throws {
        let guides = TestSupport.temporaryFolder("guides")
        let cacheRoot = TestSupport.temporaryFolder("cache")
        defer {
            TestSupport.remove(guides)
            TestSupport.remove(cacheRoot)
        }
        let cache = IndexCache(directory: cacheRoot + "/faq")
        TestSupport.write(
            "# Rotating keys\n\nRotate keys every ninety days.\n", to: guides + "/rotate.md")
        let provider = IndexProvider(cache: cache)
        let first = try provider.index(for: .folder(guides), synonyms: SynonymsConfiguration())
        #expect(Ranker(index: first).search("rotate", limit: 1).first?.id == "rotate")
        let name = try GuidesSource.folder(guides).cacheIdentity().name
        #expect(access(cache.path(for: name), R_OK) == 0)
        // Warm: the cached index carries the same key.
        let warm = try #require(cache.load(source: name, key: ContentKey.forFolder(guides)))
        #expect(warm.bytes == first.bytes)
        // A new guide changes the key; the next lookup sees it.
        TestSupport.write("# Billing\n\nYou pay per token.\n", to: guides + "/billing.md")
        #expect(ContentKey.forFolder(guides) != first.key)
        let second = try provider.index(for: .folder(guides), synonyms: SynonymsConfiguration())
        #expect(Ranker(index: second).search("token price", limit: 1).first?.id == "billing")
    }

    /// A file that cannot be indexed is named by every lookup, warm or cold: the cached index
    /// carries the message.
    @Test func theIndexRemembersTheFilesItCouldNotIndex() throws {
        let guides = TestSupport.temporaryFolder("guides")
        defer { TestSupport.remove(guides) }
        TestSupport.write("# Rotating keys\n\nRotate keys every ninety days.\n", to: guides + "/rotate.md")
        let bad = guides + "/latin1.md"
        #expect(TestSupport.shell("printf '# Caf\\351\\n' > '\(bad)'") == 0)
        let bytes = try IndexProvider(cache: nil).build(.folder(guides), key: 1, synonyms: SynonymsConfiguration())
        let index = try #require(SearchIndex(bytes: bytes))
        #expect(index.problems.count == 1)
        #expect(index.problems.first?.contains("latin1.md") == true)
        #expect(TestSupport.shippedIndex.problems.isEmpty)
    }

    @Test func readsSynonymsFromTheGuidesFolder() throws {
        let guides = TestSupport.temporaryFolder("synonyms")
        defer { TestSupport.remove(guides) }
        TestSupport.write("# Single sign-on\n\nSet up SSO for your team.\n", to: guides + "/sso.md")
        TestSupport.write("synonyms:\n  sso: [federation]\n", to: guides + "/kb.yaml")
        let source = GuidesSource.folder(guides)
        let synonyms = try source.configuration(ruleIDs: nil).synonyms
        let index = try IndexProvider(cache: nil).index(for: source, synonyms: synonyms)
        #expect(Ranker(index: index).search("federation", limit: 1).first?.id == "sso")
        let without = try IndexProvider(cache: nil).index(for: source, synonyms: SynonymsConfiguration())
        #expect(Ranker(index: without).search("federation", limit: 1).isEmpty)
        TestSupport.write("synonyms: [broken\n", to: guides + "/kb.yaml")
        #expect(throws: ConfigurationError.self) { try source.configuration(ruleIDs: nil) }
    }

    @Test func findsTheGuidesFolderUpwards() {
        let root = TestSupport.temporaryFolder("resolve")
        defer { TestSupport.remove(root) }
        mkdir(root + "/guides", 0o755)
        mkdir(root + "/a", 0o755)
        mkdir(root + "/a/b", 0o755)
        #expect(
            GuidesSource.resolve(explicit: nil, environment: nil, directory: root + "/a/b")
                == .folder(root + "/guides"))
        #expect(
            GuidesSource.resolve(explicit: "/x", environment: "/y", directory: root) == .folder("/x"))
        #expect(
            GuidesSource.resolve(explicit: nil, environment: "/y", directory: root) == .folder("/y"))
        #expect(
            GuidesSource.resolve(explicit: nil, environment: nil, directory: "/proc/self") == .builtIn)
    }

    @Test func builtInGuidesMatchTheGuidesFolder() throws {
        // DefaultGuides.generated.swift must be regenerated (`make embed-guides`) when guides/ changes.
        let listed = GuideFiles.list(root: TestSupport.shippedGuides).paths
        #expect(DefaultGuides.files.filter { $0.path.hasSuffix(".md") }.map(\.path) == listed)
        for file in DefaultGuides.files {
            let onDisk = TestSupport.read(TestSupport.shippedGuides + "/" + file.path)
            #expect(onDisk == file.text, "\(file.path) is out of date: run make embed-guides")
        }
        let synonyms = try GuidesSource.builtIn.configuration(ruleIDs: nil).synonyms
        #expect(synonyms.groups.contains(["revoke", "disable", "delete"]), "the built-in kb.yaml is read")
        let index = try IndexProvider(cache: nil).index(for: .builtIn, synonyms: synonyms)
        #expect(
            Ranker(index: index).search("lose my key", limit: 1).first?.id
                == "faq#i-lost-my-api-key-what-should-i-do")
    }
}
