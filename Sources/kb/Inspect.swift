import ArgumentParser
import KnowledgeBase
import TerminalUI

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the model read from the guides: titles, sections, procedures, FAQ entries, links."
    )

    @Argument(help: "The guides folder.")
    var guides: String = "guides"

    @Flag(help: "Print the whole model as JSON with stable keys.")
    var json = false

    func run() throws {
        let kb = KnowledgeBase.load(guides)
        if json {
            Output.write(ModelJSON.render(kb))
        } else {
            Output.write(InspectSummary.render(kb))
        }
        for problem in kb.problems { Output.error(problem.description) }
        if kb.hasErrors { throw ExitCode(2) }
    }
}
