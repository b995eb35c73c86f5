import ArgumentParser

@main
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Parse, check and publish a Markdown knowledge base.",
        version: KBVersion.string,
        subcommands: [Inspect.self, Build.self, Serve.self]
    )
}
