import Foundation
import Testing
import Yams

/// The composite action in `action.yml`, run the way GitHub runs it: each step's `run` script
/// through `bash -eo pipefail`, with its `env`, `working-directory` and `if`, and the
/// `${{ … }}` expressions it uses filled in. The build step (a release build, minutes long) runs
/// only with `KB_TEST_ACTION_BUILD=1`; otherwise its output is the debug `kb` the tests use.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.kb.path), "run `swift build` first"))
struct ActionTests {
    struct Step {
        var name: String
        var id: String?
        var condition: String?
        var run: String
        var environment: [String: String]
        var workingDirectory: String?
    }

    static func steps() throws -> [Step] {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("action.yml"), encoding: .utf8)
        let action = try #require(try Yams.load(yaml: text) as? [String: Any])
        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        return try steps.map { step in
            #expect(step["shell"] as? String == "bash", "every step says its shell, as composite actions must")
            return Step(
                name: step["name"] as? String ?? "", id: step["id"] as? String, condition: step["if"] as? String,
                run: try #require(step["run"] as? String), environment: step["env"] as? [String: String] ?? [:],
                workingDirectory: step["working-directory"] as? String)
        }
    }

    /// Fills in the expressions the action uses; fails the test on any other.
    static func expand(_ text: String, inputs: [String: String], outputs: [String: String]) -> String {
        var out = text.replacingOccurrences(of: "${{ github.action_path }}", with: TestPaths.packageRoot.path)
        for (name, value) in inputs { out = out.replacingOccurrences(of: "${{ inputs.\(name) }}", with: value) }
        for (name, value) in outputs {
            out = out.replacingOccurrences(of: "${{ steps.build.outputs.\(name) }}", with: value)
        }
        #expect(!out.contains("${{"), "an expression the test does not know: \(out)")
        return out
    }

    /// Runs every step; returns each step's run, by name.
    static func runAction(inputs: [String: String], in workspace: String, build: Bool) throws -> [String: ProcessRun] {
        var outputs: [String: String] = [:]
        var results: [String: ProcessRun] = [:]
        let outputFile = workspace + "/github-output"
        for step in try steps() {
            if let condition = step.condition {
                // The one condition the action has: the SARIF input is set.
                #expect(condition.contains("inputs.sarif != ''"))
                if inputs["sarif", default: ""].isEmpty { continue }
            }
            if step.id == "build", !build {
                outputs["kb"] = TestPaths.kb.path
                continue
            }
            FileManager.default.createFile(atPath: outputFile, contents: nil)
            var environment = step.environment.mapValues { expand($0, inputs: inputs, outputs: outputs) }
            environment["GITHUB_OUTPUT"] = outputFile
            let folder = step.workingDirectory.map { expand($0, inputs: inputs, outputs: outputs) } ?? workspace
            let run = try ProcessRun.tool(
                "bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], in: folder,
                environment: environment)
            results[step.name] = run
            for line in try String(contentsOfFile: outputFile, encoding: .utf8).split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { outputs[parts[0]] = parts[1] }
            }
        }
        return results
    }

    @Test func theStepsAnnotateFindingsAndWriteSARIF() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n\nSee [rotation](rotation.md).\n"])
        let workspace = URL(fileURLWithPath: guides.root).deletingLastPathComponent().path
        let folder = URL(fileURLWithPath: guides.root).lastPathComponent
        let sarif = "kb-\(UUID().uuidString).sarif"
        defer { try? FileManager.default.removeItem(atPath: workspace + "/" + sarif) }
        let runs = try Self.runAction(
            inputs: ["path": folder, "sarif": sarif, "args": ""], in: workspace, build: false)

        let install = try #require(runs["Install libcmark"])
        #expect(install.status == 0, "\(install.output)")
        let lint = try #require(runs["kb lint"])
        #expect(lint.status == 1, "a finding fails the job: \(lint.output)")
        #expect(lint.stdout.contains("::error file=\(folder)/keys.md,line=3"), "\(lint.stdout)")
        let report = try #require(runs["kb lint (SARIF)"])
        #expect(report.status == 0, "findings still upload: \(report.output)")
        let data = try Data(contentsOf: URL(fileURLWithPath: workspace + "/" + sarif))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = (json["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
        #expect(results?.count == 1)
    }

    @Test func withoutSARIFTheReportStepIsSkippedAndCleanGuidesPass() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n\nFine.\n"])
        let workspace = URL(fileURLWithPath: guides.root).deletingLastPathComponent().path
        let folder = URL(fileURLWithPath: guides.root).lastPathComponent
        let runs = try Self.runAction(inputs: ["path": folder, "sarif": "", "args": ""], in: workspace, build: false)
        #expect(runs["kb lint (SARIF)"] == nil)
        #expect(runs["kb lint"]?.status == 0, "\(runs["kb lint"]?.output ?? "")")
    }

    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["KB_TEST_ACTION_BUILD"] == "1", "set KB_TEST_ACTION_BUILD=1"))
    func theBuildStepBuildsKb() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n\nFine.\n"])
        let workspace = URL(fileURLWithPath: guides.root).deletingLastPathComponent().path
        let folder = URL(fileURLWithPath: guides.root).lastPathComponent
        let runs = try Self.runAction(inputs: ["path": folder, "sarif": "", "args": ""], in: workspace, build: true)
        #expect(runs["Build kb"]?.status == 0, "\(runs["Build kb"]?.output ?? "")")
        #expect(runs["kb lint"]?.status == 0, "\(runs["kb lint"]?.output ?? "")")
    }
}
