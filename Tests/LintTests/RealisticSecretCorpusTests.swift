import Foundation
import KnowledgeBase
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
    /// `shared/corpora` beside the package (`../shared`), or beside a folder further up (a
    /// worktree nested one level deeper).
    static let corpora: URL = {
        var folder = packageRoot.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("shared/corpora")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    }()

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

    /// Unpacks `tarball` into a fresh temporary folder and returns the folder.
    static func unpack(_ tarball: URL) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kb-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", tarball.path, "-C", folder.path]
        try tar.run()
        tar.waitUntilExit()
        try #require(tar.terminationStatus == 0, "tar failed on \(tarball.path)")
        return folder
    }

    @Test(arguments: [
        ("tldr-pages.tar.gz", "tldr-pages/pages", 7_000),
        ("homebrew-docs.tar.gz", "homebrew-docs/docs", 50),
    ])
    func corpusHasNoFindings(_ tarball: String, _ pages: String, _ minimumGuides: Int) throws {
        let archive = Self.corpora.appendingPathComponent(tarball)
        guard FileManager.default.fileExists(atPath: archive.path) else {
            print("skipped: \(archive.path) is absent (the shared corpora are not on this machine)")
            return
        }
        let folder = try Self.unpack(archive)
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
