import Foundation
import Testing

/// `kb lint` as a user runs it: the built binary, in a temporary folder, checked by exit code
/// and output.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.kb.path), "run `swift build` first"))
struct LintCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `kb lint ARGS` with the guides' parent folder as working directory.
    func lint(_ arguments: [String], in guides: TemporaryGuides, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = TestPaths.kb
        process.arguments = ["lint"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: guides.root).deletingLastPathComponent()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func name(_ guides: TemporaryGuides) -> String { URL(fileURLWithPath: guides.root).lastPathComponent }

    @Test func cleanGuidesExitZero() throws {
        let guides = try TemporaryGuides([
            "keys.md": "# Keys\n\nSee [rotation](rotation.md).\n", "rotation.md": "# Rotation\n",
        ])
        let run = try lint([name(guides)], in: guides)
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings in 2 files\n")
    }

    @Test func warningsAloneStillExitZero() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n\n## A\n\n#### B\n"])
        let run = try lint([name(guides)], in: guides)
        #expect(run.status == 0)
        #expect(run.stdout.contains("\(name(guides))/keys.md:5:6: warning: heading level jumps from H2 to H4"))
    }

    @Test func anErrorFindingExitsOneWithRootJoinedPaths() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n\nSee [rotation](rotation.md).\n"])
        let run = try lint([name(guides)], in: guides, environment: ["NO_COLOR": "1"])
        #expect(run.status == 1)
        #expect(
            run.stdout
                == "\(name(guides))/keys.md:3:16: error: broken link: `rotation.md` does not exist [broken-link]\n1 error, 0 warnings in 1 file\n"
        )
    }

    @Test func aMissingPathOrBadFormatExitsTwo() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n"])
        let missing = try lint(["no-such-folder"], in: guides)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-folder: error:"))
        let format = try lint([name(guides), "--format", "xml"], in: guides)
        #expect(format.status == 2)
        #expect(format.stderr.contains("unknown format 'xml'"))
    }

    @Test func aBadConfigurationExitsTwoNamingFileAndLine() throws {
        let guides = try TemporaryGuides([
            "keys.md": "# Keys\n", "kb.yaml": "lint:\n  severities:\n    no-such-rule: off\n",
        ])
        let run = try lint([name(guides)], in: guides)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(name(guides))/kb.yaml:3:5: error: unknown rule `no-such-rule`"))
        #expect(run.stdout.isEmpty)
    }

    @Test func theConfigurationAtTheRootAndConfigOptionApply() throws {
        let guides = try TemporaryGuides([
            "keys.md": "# Keys\n\nThe api-key.\n",
            "kb.yaml": "lint:\n  terms: {api-key: API key}\n  severities: {terminology: error}\n",
            "other.yaml": "lint:\n  severities: {terminology: off}\n",
        ])
        let run = try lint([name(guides)], in: guides)
        #expect(run.status == 1)
        #expect(run.stdout.contains("keys.md:3:5: error: use \"API key\" instead of \"api-key\" [terminology]"))
        let overridden = try lint([name(guides), "--config", guides.root + "/other.yaml"], in: guides)
        #expect(overridden.status == 0)
        #expect(!overridden.stdout.contains("terminology"))
    }

    @Test func anUnreadableFileExitsTwoButTheRestIsStillReported() throws {
        let guides = try TemporaryGuides(
            ["keys.md": "# Keys\n\n[gone](gone.md)\n"], binary: ["latin1.md": Array("# Caf".utf8) + [0xE9, 0x0A]])
        let run = try lint([name(guides)], in: guides)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(name(guides))/latin1.md:1: error: not valid UTF-8"))
        #expect(run.stdout.contains("keys.md:3:8: error: broken link: `gone.md` does not exist"))
    }

    @Test func aSingleFileIsCheckedWithinItsKnowledgeBase() throws {
        let guides = try TemporaryGuides([
            "kb.yaml": "lint: {}\n",
            "sub/keys.md": "# Keys\n\nSee [the FAQ](../faq.md#billing).\n",
            "faq.md": "Untitled, with a [broken link](nowhere.md).\n\n## Billing\n",
        ])
        let run = try lint([name(guides) + "/sub/keys.md"], in: guides)
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings in 1 file\n")
    }

    @Test func jsonGoesToTheOutputFile() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n\n[gone](gone.md)\n"])
        let output = guides.root + "/report.json"
        let run = try lint([name(guides), "--format", "json", "--output", output], in: guides)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output)))
        let findings = (object as? [String: Any])?["findings"] as? [[String: Any]]
        #expect(findings?.first?["rule"] as? String == "broken-link")
        #expect(findings?.first?["path"] as? String == "\(name(guides))/keys.md")
    }

    @Test func listRulesNamesEveryRule() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n"])
        let run = try lint(["--list-rules"], in: guides)
        #expect(run.status == 0)
        for id in ["broken-link", "duplicate-question", "stale-review", "unsafe-html"] {
            #expect(run.stdout.contains(id))
        }
    }
}
