import ArgumentParser
import KnowledgeBase
import Lint
import Platform
import Search
import TerminalUI

/// `kb index`: builds the search index of a guides folder (or of the guides built into the
/// tools) and prints its bytes to stdout.
///
/// This is `faq`'s cold path. `faq` links only the index reader, so it starts without the
/// Markdown model, YAML and Foundation; when its cache is missing or stale it runs the `kb`
/// installed beside it with this command and maps the result. Problems go to stderr as bare
/// messages (files it skipped, after the index, with exit 0; a failure, with exit 2), which
/// `faq` repeats under its own name.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Print the binary search index of a guides folder (used by faq).",
        shouldDisplay: false
    )

    @Option(help: ArgumentHelp("The guides folder.", valueName: "DIR"))
    var guides: String?

    @Flag(help: "Index the guides built into kb and faq instead of a folder.")
    var builtIn = false

    func validate() throws {
        if (guides == nil) == !builtIn {
            throw ValidationError("Give exactly one of --guides DIR and --built-in.")
        }
    }

    func run() throws {
        let source: GuidesSource = guides.map { .folder($0) } ?? .builtIn
        let configuration: Configuration
        do {
            configuration = try source.configuration(ruleIDs: Linter.allRuleIDs)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        do {
            let identity = try source.cacheIdentity()
            var problems: [LoadProblem] = []
            let bytes = try IndexProvider(cache: nil).build(
                source, key: identity.key, synonyms: configuration.synonyms,
                logsMisses: configuration.faq.logMisses, problems: &problems)
            Output.write(bytes)
            // faq reads stdout to its end before stderr: close stdout first, so a long list of
            // problems cannot fill the stderr pipe while faq still waits for the index.
            close(1)
            for problem in problems { Output.error(problem.description) }
        } catch {
            Output.error(error.message)
            throw ExitCode(2)
        }
    }
}
