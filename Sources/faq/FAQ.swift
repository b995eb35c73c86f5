import ArgumentParser
import Platform
import SearchIndexReader
import TerminalUI

/// `faq QUERY...`: the best answer from the knowledge base, rendered for the terminal.
struct FAQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq",
        abstract: "Answer questions from the knowledge base.",
        discussion: """
            Looks in --guides DIR, else $FAQ_GUIDES, else a guides/ folder in the current \
            directory or a parent, else the guides built into faq. Exit status: 0 answered, \
            1 no answer, 2 usage or I/O error.
            """,
        version: FAQVersion.string
    )

    @Argument(help: "The question, in your own words.")
    var query: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Print the entry with this id (as shown by \"See also\").", valueName: "ID"))
    var show: String?

    @Flag(name: .long, help: "List every question, one per line.")
    var list = false

    @Option(
        name: [.short, .long],
        help: "How many results --json reports, and how many lines --list prints at most.")
    var limit: Int?

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The guides folder (default: $FAQ_GUIDES, ./guides or a parent's, built-in).",
            valueName: "DIR"))
    var guides: String?

    @Option(name: .long, help: "Colour: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        let modes = (show != nil ? 1 : 0) + (list ? 1 : 0) + (query.isEmpty ? 0 : 1)
        if modes == 0 {
            throw ValidationError("Ask a question, e.g. faq \"lose my key\", or use --list or --show ID.")
        }
        if modes > 1 { throw ValidationError("Give a question, --list or --show, not several.") }
    }

    func run() throws {
        try FAQRequest(
            query: query, show: show, list: list, limit: limit, json: json, guides: guides,
            color: ColorPolicy(rawValue: color.rawValue) ?? .auto
        ).run()
    }
}

enum FAQVersion {
    static let string = "0.1.0"
}

/// Entry point: ArgumentParser's usage errors exit with 2 here (its default is 64), as every
/// command of this project does.
@main
enum Main {
    static func main() {
        do {
            if let request = plainQuery() {
                try request.run()
            } else {
                var command = try FAQ.parseAsRoot()
                try command.run()
            }
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = FAQ.exitCode(for: error)
            if code == .success || error is ExitCode {
                FAQ.exit(withError: error)
            }
            Output.error(FAQ.fullMessage(for: error))
            exit(2)
        }
    }

    /// `faq some words` and `faq --guides DIR some words`, the common cases, without
    /// ArgumentParser: its reflection-driven setup costs a few milliseconds of
    /// protocol-conformance lookups, more than the whole search. Anything else (another option,
    /// `--guides` twice or without a folder, `--`, the word `help`) goes through ArgumentParser
    /// as usual, which yields the same request for these.
    static func plainQuery() -> FAQRequest? {
        var words: [String] = []
        var guides: String?
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            if argument == "--guides" || argument.hasPrefix("--guides=") {
                guard guides == nil else { return nil }
                if argument == "--guides" {
                    guard let folder = arguments.popFirst(), !folder.hasPrefix("-") else { return nil }
                    guides = folder
                } else {
                    guides = String(argument.dropFirst("--guides=".count))
                }
                if guides!.isEmpty { return nil }
                continue
            }
            if argument.hasPrefix("-") || argument.isEmpty { return nil }
            words.append(argument)
        }
        guard !words.isEmpty, words[0] != "help" else { return nil }
        return FAQRequest(
            query: words, show: nil, list: false, limit: nil, json: false, guides: guides, color: .auto)
    }
}
