import ArgumentParser
import KnowledgeBase
import Lint
import Site
import TerminalUI

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish the guides as a self-contained static site with offline search.",
        discussion: """
            Lints first and writes nothing when there is an error; the new site replaces the old one \
            only once it is complete. Settings come from the `site:` section of kb.yaml in the guides \
            folder (base-url, edit-url, title).
            """
    )

    @Argument(help: "The guides folder.")
    var guides: String = "guides"

    @Option(name: .shortAndLong, help: "Where to write the site.")
    var output: String = "site"

    @Flag(help: "Print how long each phase took.")
    var timings = false

    func run() throws {
        let code = Build.build(guides: guides, output: output, timings: timings, quiet: false)
        if code != 0 { throw ExitCode(code) }
    }

    /// Builds and prints the outcome; returns the exit code (shared with `kb serve`).
    static func build(guides: String, output: String, timings: Bool, quiet: Bool) -> Int32 {
        let outcome: SiteBuilder.Outcome
        do {
            let configuration = try Configuration.forGuides(root: guides, ruleIDs: Linter.allRuleIDs)
            outcome = try SiteBuilder(guidesRoot: guides, output: output, configuration: configuration).build()
        } catch let error as ConfigurationError {
            Output.error(error.description)
            return 2
        } catch let error as SiteError {
            Output.error("kb build: \(error.message)")
            return error.exitCode
        } catch {
            Output.error("kb build: \(error)")
            return 2
        }
        switch outcome {
        case .rejected(let findings, let problems):
            for problem in problems { Output.error(problem.description) }
            for f in findings { Output.error(Build.describe(f)) }
            let errors =
                findings.filter { $0.severity == .error }.count + problems.filter { $0.severity == .error }.count
            Output.error("kb build: \(errors) error\(errors == 1 ? "" : "s"); nothing was written")
            return 1
        case .built(let report):
            for problem in report.problems { Output.error(problem.description) }
            for f in report.findings { Output.error(Build.describe(f)) }
            if !quiet {
                let kib = (report.bytes + 512) / 1024
                Output.write(
                    "Built \(report.pages) page\(report.pages == 1 ? "" : "s") (\(report.files) files\(report.unchanged > 0 ? ", \(report.unchanged) unchanged" : ""), \(kib) KiB; search index \(report.indexBytes / 1024) KiB\(report.wordVectorBytes > 0 ? ", word vectors \(report.wordVectorBytes / 1024) KiB" : "")) in \(output)/\n"
                )
            }
            if timings {
                for (phase, seconds) in report.timings {
                    Output.write("  \(phase): \(Int((seconds * 1000).rounded())) ms\n")
                }
            }
            return 0
        }
    }

    /// `path:line:col: severity: message [rule]`, the form editors and CI annotate.
    static func describe(_ f: Finding) -> String {
        "\(f.path):\(f.line):\(f.column): \(f.severity.rawValue): \(f.message) [\(f.ruleID)]"
    }
}
