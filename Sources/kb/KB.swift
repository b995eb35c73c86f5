import ArgumentParser
import Platform
import TerminalUI

@main
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Parse, check and publish a Markdown knowledge base.",
        version: KBVersion.string,
        subcommands: [Inspect.self, LintCommand.self, Build.self, Serve.self, Gaps.self, IndexCommand.self]
    )

    /// ArgumentParser exits with 64 (EX_USAGE) on bad arguments; kb promises 2 for usage errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Output.error(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum KBVersion {
    static let string = "0.1.0"
}
