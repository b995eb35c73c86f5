import ArgumentParser

@main
struct FAQ: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "faq", abstract: "Answer questions from the knowledge base.")
    @Argument var query: [String] = []
    func run() throws { print("faq: not yet") }
}
