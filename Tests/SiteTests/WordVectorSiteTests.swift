import Embeddings
import Foundation
import Lint
import Platform
import SearchIndexReader
import Site
import Testing

/// The word-vector table on the static site: shipped, byte for byte, exactly when the search
/// index holds vectors for the browser engine to fuse (`KBSearch.hasVectors()`), and not at all
/// for a site of whole guides (tldr), which would carry 13 MB for nothing.
@Suite struct WordVectorSiteTests {
    /// `assets/wordllama/` as a site with vectors has it: the embedder and every part.
    static var expectedFiles: [String] {
        ([SitePlan.wordVectorScript] + (0..<WordLlama.builtIn.table.browserParts.count).map(SitePlan.wordVectorPart))
            .sorted()
    }

    static func wordVectorFiles(_ site: String) -> [String] {
        TestSite.files(site).filter { $0.hasPrefix("assets/wordllama/") }
    }

    @Test func theShippedSiteShipsTheTableAndTheEmbedder() throws {
        let site = try ShippedSiteTests.site.get()
        #expect(try TestSite.searchIndex(site).hasVectors)
        #expect(WordVectorSiteTests.wordVectorFiles(site) == WordVectorSiteTests.expectedFiles)
        // Each part script holds its part of the table, whole, under its own number.
        for (number, part) in WordLlama.builtIn.table.browserParts.enumerated() {
            let script = Array(TestSite.read(site + "/" + SitePlan.wordVectorPart(number)).utf8)
            let head = Array("(window.KB_WORDLLAMA_PARTS=window.KB_WORDLLAMA_PARTS||{})[\(number)]=\"".utf8)
            let tail = Array("\";\n".utf8)
            try #require(script.count > head.count + tail.count, "part \(number) is too short")
            #expect(Array(script.prefix(head.count)) == head, "part \(number)")
            #expect(Array(script.suffix(tail.count)) == tail, "part \(number)")
            let decoded = Base64.decode(script[head.count..<(script.count - tail.count)])
            #expect(decoded == Array(part), "part \(number) does not hold the table's bytes")
        }
        let source = TestSite.read(TestSite.packageRoot.path + "/Sources/Embeddings/Browser/wordllama.js")
        #expect(source.contains("__VECTOR_PART_ROWS__"))
        let served = TestSite.read(site + "/" + SitePlan.wordVectorScript)
        #expect(served == String(decoding: WordLlamaBrowser.script, as: UTF8.self))
        #expect(!served.contains("__VECTOR_PART_ROWS__") && served.contains("VECTOR_PART_ROWS = 2048;"))
    }

    /// The site decides from the guides, before the index exists; the index decides from its
    /// units. A guide whose only section below the title is empty has no unit besides itself.
    @Test(arguments: [
        ("# Tar\n\n> Archiving utility.\n\n- Create an archive:\n\n`tar cf target.tar file`\n", false),
        ("# Notes\n\nIntro.\n\n## Empty\n", false),
        ("# Notes\n\nIntro.\n\n## Details\n\nSome text.\n", true),
        ("# Key FAQ\n\n## How do I rotate a key?\n\nCreate a new one, then revoke the old.\n", true),
    ])
    func theTableShipsExactlyWhenTheIndexHasVectors(guide: String, hasVectors: Bool) throws {
        let guides = TestSite.temporaryFolder("kb-vectors") + "/guides"
        try FileManager.default.createDirectory(atPath: guides, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (guides as NSString).deletingLastPathComponent) }
        try guide.write(toFile: guides + "/guide.md", atomically: true, encoding: .utf8)
        try "# Ls\n\n> List files.\n\n- List all files:\n\n`ls -a`\n".write(
            toFile: guides + "/ls.md", atomically: true, encoding: .utf8)
        let site = try TestSite.build(guides)
        defer { try? FileManager.default.removeItem(atPath: (site as NSString).deletingLastPathComponent) }
        #expect(try TestSite.searchIndex(site).hasVectors == hasVectors)
        #expect(WordVectorSiteTests.wordVectorFiles(site) == (hasVectors ? WordVectorSiteTests.expectedFiles : []))
    }

    /// A rebuild after the last FAQ entry and section went leaves no table behind, and a
    /// rebuild that keeps them links the unchanged parts instead of writing 13 MB again.
    @Test func aRebuildLinksTheTableAndDropsItWhenItIsNoLongerNeeded() throws {
        let guides = TestSite.copyFixture("basic")
        let output = TestSite.temporaryFolder() + "/site"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        let builder = SiteBuilder(guidesRoot: guides, output: output, linter: Linter(rules: []))
        guard case .built(let first) = try builder.build() else {
            Issue.record("the first build failed")
            return
        }
        #expect(WordVectorSiteTests.wordVectorFiles(output) == WordVectorSiteTests.expectedFiles)
        #expect(first.wordVectorBytes > 10_000_000)
        guard case .built(let second) = try builder.build() else {
            Issue.record("the rebuild failed")
            return
        }
        #expect(second.unchanged >= WordVectorSiteTests.expectedFiles.count)

        for file in TestSite.files(guides) where file.hasSuffix(".md") {
            try FileManager.default.removeItem(atPath: guides + "/" + file)
        }
        try "# Tar\n\nArchiving utility.\n".write(toFile: guides + "/tar.md", atomically: true, encoding: .utf8)
        guard case .built(let third) = try builder.build() else {
            Issue.record("the last build failed")
            return
        }
        #expect(third.wordVectorBytes == 0)
        #expect(!FileManager.default.fileExists(atPath: output + "/assets/wordllama"))
    }
}

extension TestSite {
    /// The search index a built site ships in `search-index.js`, as the browser reads it.
    static func searchIndex(_ site: String) throws -> SearchIndex {
        let script = Array(read(site + "/search-index.js").utf8)
        let head = Array("window.KB_SEARCH_INDEX=\"".utf8)
        let tail = Array("\";\n".utf8)
        guard script.count > head.count + tail.count, Array(script.prefix(head.count)) == head,
            let bytes = Base64.decode(script[head.count..<(script.count - tail.count)]),
            let index = SearchIndex(bytes: bytes)
        else { throw TestFailure("\(site)/search-index.js holds no index") }
        return index
    }
}
