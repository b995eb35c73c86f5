import Foundation
import Testing

@testable import Lint

@Suite struct ReporterTests {
    let report = LintReport(
        findings: [
            Finding(
                ruleID: "broken-link", severity: .error, path: "guides/my faq.md", line: 12, column: 5,
                message: "broken link: `a.md` does not exist"),
            Finding(
                ruleID: "terminology", severity: .warning, path: "guides/keys.md", line: 3, column: 1,
                message: "use \"API key\" instead of \"api-key\"\n100%: done, really"),
        ], filesChecked: 11, rules: Linter.allRules.map(\.descriptor), toolVersion: "1.2.3")

    func text(_ reporter: some FindingReporter) -> String {
        String(decoding: reporter.render(report), as: UTF8.self)
    }

    func json(_ reporter: some FindingReporter) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(reporter.render(report)))
        return try #require(object as? [String: Any])
    }

    @Test func textIsCompilerStyleWithASummary() {
        let lines = text(TextReporter()).split(separator: "\n").map(String.init)
        #expect(lines.first == "guides/my faq.md:12:5: error: broken link: `a.md` does not exist [broken-link]")
        #expect(lines.last == "1 error, 1 warning in 11 files")
        #expect(!text(TextReporter()).contains("\u{1B}["))
        #expect(text(TextReporter(colored: true)).contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test func jsonHasFindingsAndSummary() throws {
        let root = try json(JSONReporter())
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(findings[0]["rule"] as? String == "broken-link")
        #expect(findings[0]["severity"] as? String == "error")
        #expect(findings[0]["path"] as? String == "guides/my faq.md")
        #expect(findings[0]["line"] as? Int == 12)
        #expect(findings[0]["column"] as? Int == 5)
        #expect(findings[1]["message"] as? String == report.findings[1].message)
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 1)
        #expect(summary["files"] as? Int == 11)
    }

    @Test func sarifIsVersion210WithRulesAndLocations() throws {
        let root = try json(SARIFReporter())
        #expect(root["version"] as? String == "2.1.0")
        #expect((root["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "kb")
        #expect(driver["version"] as? String == "1.2.3")
        #expect(driver["informationUri"] == nil, "no invented home page")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == Linter.allRules.map(\.descriptor.id))
        let brokenLink = try #require(rules.first { $0["id"] as? String == "broken-link" })
        #expect((brokenLink["shortDescription"] as? [String: Any])?["text"] as? String == BrokenLinkRule.summary)
        #expect(((brokenLink["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        #expect((brokenLink["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0]
        #expect(first["ruleId"] as? String == "broken-link")
        #expect(first["level"] as? String == "error")
        #expect((first["message"] as? [String: Any])?["text"] as? String == report.findings[0].message)
        let ruleIndex = try #require(first["ruleIndex"] as? Int)
        #expect(rules[ruleIndex]["id"] as? String == "broken-link")
        let physical = try #require(
            ((first["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "guides/my%20faq.md")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 12)
        #expect(region["startColumn"] as? Int == 5)
        #expect(results[1]["level"] as? String == "warning")
    }

    @Test func githubAnnotationsEscapeAsTheToolkitDoes() {
        let lines = text(GitHubAnnotationReporter()).split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "::error file=guides/my faq.md,line=12,col=5,title=kb lint%3A broken-link::broken link: `a.md` does not exist"
        )
        #expect(
            lines[1]
                == "::warning file=guides/keys.md,line=3,col=1,title=kb lint%3A terminology::use \"API key\" instead of \"api-key\"%0A100%25: done, really"
        )
        #expect(GitHubAnnotationReporter.escapeProperty("a,b:c%\r\n") == "a%2Cb%3Ac%25%0D%0A")
    }

    @Test func reportFilesAreReplacedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.sarif").path
        try ReportFile.write(Array("old".utf8), to: path)
        try ReportFile.write(SARIFReporter().render(report), to: path)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(written) == SARIFReporter().render(report))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.sarif"])
        #expect(throws: ReportFile.Failure.self) { try ReportFile.write([], to: folder.path + "/missing/x.json") }
    }
}
