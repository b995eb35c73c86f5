import ArgumentParser
import Platform
import SearchIndexReader
import TerminalUI

/// What one `faq` run was asked to do, already validated: the work behind the command.
struct FAQRequest {
    var query: [String]
    var show: String?
    var list: Bool
    var limit: Int?
    var json: Bool
    var guides: String?
    var color: ColorPolicy

    func run() throws {
        let source = GuidesSource.resolve(
            explicit: guides, environment: getenv("FAQ_GUIDES").map { String(cString: $0) },
            directory: currentDirectory())
        let index: SearchIndex
        do {
            index = try IndexLoader().index(for: source)
        } catch {
            Output.error("faq: \(error.message)")
            throw ExitCode(2)
        }
        let printer = AnswerPrinter(
            renderer: TerminalRenderer(width: TerminalWidth.current(), color: color.enabled(fd: 1)))

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
        let hits = ranker.search(text, limit: max(limit ?? 10, AnswerSelection.depth))
        if json {
            Output.write(printer.json(query: text, hits: Array(hits.prefix(limit ?? 10))))
            if hits.isEmpty { throw ExitCode(1) }
            return
        }
        guard let selection = AnswerSelection(hits: hits) else {
            let examples = SearchHit.all(in: index).filter { $0.kind == .faq }.prefix(3).map(\.title)
            Output.error(
                printer.noAnswer(
                    query: text, suggestions: Suggestions(ranker: ranker).forQuery(text), examples: Array(examples)))
            throw ExitCode(1)
        }
        Output.write(printer.answer(selection.answer, seeAlso: selection.seeAlso))
    }

    func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(cString: buffer)
    }
}
