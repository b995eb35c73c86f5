import ArgumentParser
import Search
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

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

    @Option(name: .long, help: ArgumentHelp("Print the entry with this id (as shown by \"See also\").", valueName: "ID"))
    var show: String?

    @Flag(name: .long, help: "List every question, one per line.")
    var list = false

    @Option(name: [.short, .long], help: "How many results --json reports, and how many lines --list prints at most.")
    var limit: Int?

    @Flag(name: .long, help: "Print the results as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("The guides folder (default: $FAQ_GUIDES, ./guides or a parent's, built-in).", valueName: "DIR"))
    var guides: String?

    @Option(name: .long, help: "Colour: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        let modes = (show != nil ? 1 : 0) + (list ? 1 : 0) + (query.isEmpty ? 0 : 1)
        if modes == 0 { throw ValidationError("Ask a question, e.g. faq \"lose my key\", or use --list or --show ID.") }
        if modes > 1 { throw ValidationError("Give a question, --list or --show, not several.") }
    }

    func run() throws {
        let source = GuidesSource.resolve(
            explicit: guides, environment: getenv("FAQ_GUIDES").map { String(cString: $0) }, directory: currentDirectory())
        let index: SearchIndex
        do {
            index = try IndexProvider().index(for: source)
        } catch {
            Output.error("faq: \(error.message)")
            throw ExitCode(2)
        }
        let policy = ColorPolicy(rawValue: color.rawValue) ?? .auto
        let printer = AnswerPrinter(
            renderer: TerminalRenderer(width: TerminalWidth.current(), color: policy.enabled(fd: 1)))

        if list {
            Output.write(printer.list(SearchHit.all(in: index), limit: limit, json: json))
            return
        }
        if let show {
            guard let hit = SearchHit.unit(withID: show, in: index) else {
                Output.error("faq: no entry with id \(show) (see faq --list)")
                throw ExitCode(1)
            }
            Output.write(json ? printer.json(query: show, hits: [hit]) : printer.answer(hit, seeAlso: []))
            return
        }
        let text = query.joined(separator: " ")
        let ranker = Ranker(index: index)
        let hits = ranker.search(text, limit: max(limit ?? 4, 4))
        if json {
            Output.write(printer.json(query: text, hits: Array(hits.prefix(limit ?? 10))))
            if hits.isEmpty { throw ExitCode(1) }
            return
        }
        guard let best = hits.first else {
            Output.error(printer.noAnswer(query: text, suggestions: Suggestions(ranker: ranker).forQuery(text)))
            throw ExitCode(1)
        }
        Output.write(printer.answer(best, seeAlso: Array(hits.dropFirst().prefix(3))))
    }

    func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(cString: buffer)
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
            var command = try FAQ.parseAsRoot()
            try command.run()
        } catch {
            let code = FAQ.exitCode(for: error)
            if code == .success || error is ExitCode {
                FAQ.exit(withError: error)
            }
            Output.error(FAQ.fullMessage(for: error))
            exit(2)
        }
    }
}
