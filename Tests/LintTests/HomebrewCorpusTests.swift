import Foundation
import KnowledgeBase
import TestRequirements
import Testing

@testable import Lint

/// The linter on real documentation: Homebrew's docs folder, unpacked from the shared corpus.
@Suite(.requires(corpus: "homebrew-docs.tar.gz"))
struct HomebrewCorpusTests {
    let unpacked: URL
    var docs: String { unpacked.appendingPathComponent("homebrew-docs/docs").path }

    init() throws {
        unpacked = try TestPaths.unpack(
            try #require(TestPaths.corpus("homebrew-docs.tar.gz"), "shared/corpora/homebrew-docs.tar.gz not found"))
    }

    @Test func everyMissingFileFindingIsReallyMissing() throws {
        defer { try? FileManager.default.removeItem(at: unpacked) }
        let kb = KnowledgeBase.load(docs)
        #expect(kb.guides.count > 50)
        let findings = Linter(rules: [BrokenLinkRule()]).lint(kb)
        print("Homebrew docs: \(findings.count) broken-link findings in \(kb.guides.count) guides")
        for finding in findings where finding.message.hasSuffix("does not exist") {
            // The message names the target as written: check it independently on disk.
            let target = try #require(finding.message.split(separator: "`").dropFirst().first.map(String.init))
            let folder = (finding.path as NSString).deletingLastPathComponent
            let base = target.hasPrefix("/") ? docs : (docs as NSString).appendingPathComponent(folder)
            let onDisk =
                ((base as NSString).appendingPathComponent(target.removingPercentEncoding ?? target) as NSString)
                .standardizingPath
            #expect(!FileManager.default.fileExists(atPath: onDisk), "\(finding)")
        }
        // Anchor findings name anchors no heading of the target produces.
        for finding in findings where finding.message.contains("no anchor") {
            let guide = try #require(kb.guide(at: finding.path))
            let anchor = try #require(finding.message.split(separator: "#").last?.split(separator: "`").first)
            if finding.message.contains("in this guide") {
                #expect(!guide.sections.contains { $0.anchor == anchor }, "\(finding)")
            }
        }
    }

    @Test func plantedProblemsAreFound() throws {
        defer { try? FileManager.default.removeItem(at: unpacked) }
        let faqPath = docs + "/FAQ.md"
        let original = try String(contentsOfFile: faqPath, encoding: .utf8)
        let kbBefore = KnowledgeBase.load(docs)
        let faq = try #require(kbBefore.guide(at: "FAQ.md"))
        #expect(faq.faqs.count == 28)
        let firstQuestion = try #require(faq.faqs.first)
        let lineCount = original.split(separator: "\n", omittingEmptySubsequences: false).count
        // Appended: the first question again, reworded in case and punctuation, and a broken link.
        let planted =
            original + "\n## \(firstQuestion.question.uppercased().replacingOccurrences(of: "?", with: ""))!\n\n"
            + "See [the cookbook](Formula-Cookbook.md#no-such-section) and [a page](Not-A-Page.md).\n"
        try planted.write(toFile: faqPath, atomically: true, encoding: .utf8)

        let findings = Linter(rules: [BrokenLinkRule(), DuplicateQuestionRule()]).lint(KnowledgeBase.load(docs))
            .filter { $0.path == "FAQ.md" }
        let questionLine = lineCount + 1
        #expect(
            findings.contains {
                $0.ruleID == "duplicate-question" && $0.line == questionLine
                    && $0.message.hasSuffix("already asked at line \(firstQuestion.line)")
            }, "\(findings)")
        #expect(
            findings.contains {
                $0.ruleID == "broken-link" && $0.line == questionLine + 2
                    && $0.message == "broken link: `Formula-Cookbook.md` has no anchor `#no-such-section`"
            }, "\(findings)")
        #expect(
            findings.contains {
                $0.ruleID == "broken-link" && $0.line == questionLine + 2
                    && $0.message == "broken link: `Not-A-Page.md` does not exist"
            }, "\(findings)")
    }
}
