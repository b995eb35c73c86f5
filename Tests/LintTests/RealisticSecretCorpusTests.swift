import Foundation
import KnowledgeBase
import TestRequirements
import Testing

@testable import Lint
@testable import SecretScanning

/// Real documentation full of hashes, tokens in commands and placeholder keys: the rule must
/// not report a single false positive on it, nor on the guides this project ships.
@Suite("realistic-secret: real corpora")
struct RealisticSecretCorpusTests {
    /// The package root, from this file's path (`Tests/LintTests/…`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
    static func findings(in root: String) -> (guides: Int, findings: [Finding]) {
        let kb = KnowledgeBase.load(root)
        return (kb.guides.count, Linter(rules: [RealisticSecretRule()]).lint(kb))
    }

    /// Prints how long the rule alone takes over `root`, one guide after another on one thread
    /// (the figure to watch in CI; informational, not asserted).
    static func reportTime(in root: String) {
        let kb = KnowledgeBase.load(root)
        let context = LintContext(knowledgeBase: kb, configuration: .default)
        let rule = RealisticSecretRule()
        let bytes = kb.guides.reduce(0) { $0 + $1.source.utf8.count }
        var findings = 0
        // The best of five runs: the machine running the tests is often busy with other work.
        let elapsed = (0..<5).map { _ in
            ContinuousClock().measure {
                findings = 0
                for guide in kb.guides { findings += rule.check(guide, in: context).count }
            }
        }.min()!
        print("realistic-secret alone: \(kb.guides.count) guides, \(bytes) bytes, \(elapsed), \(findings) findings")
    }

    @Test(
        .requires(corpus: "tldr-pages.tar.gz"), .requires(corpus: "homebrew-docs.tar.gz"),
        arguments: [
            ("tldr-pages.tar.gz", "tldr-pages/pages", 7_000),
            ("homebrew-docs.tar.gz", "homebrew-docs/docs", 50),
        ])
    func corpusHasNoFindings(_ tarball: String, _ pages: String, _ minimumGuides: Int) throws {
        let archive = try #require(TestPaths.corpus(tarball), "\(TestRequirements.corpusPath(tarball)) is absent")
        let folder = try TestPaths.unpack(archive)
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent(pages).path
        let result = Self.findings(in: root)
        #expect(result.guides >= minimumGuides, "the corpus did not load")
        Self.reportTime(in: root)
        #expect(
            result.findings.isEmpty,
            "\(result.findings.prefix(10).map { "\($0.path):\($0.line): \($0.message)" })")
    }

    @Test func shippedGuidesHaveNoFindings() throws {
        let result = Self.findings(in: Self.packageRoot.appendingPathComponent("guides").path)
        #expect(result.guides >= 5)
        #expect(
            result.findings.isEmpty, "\(result.findings.map { "\($0.path):\($0.line): \($0.message)" })")
    }
}
