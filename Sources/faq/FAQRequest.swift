import ArgumentParser
import Platform
import SearchIndexReader
import SecretScanning
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
        // A key pasted into a question is neither searched for nor logged: the reader is told
        // to revoke it, and shown how.
        if SecretScanner().containsSecret(text) {
            Output.error(FAQRequest.pastedKeyWarning)
            if !json { Output.write(revokeSteps(ranker: ranker, printer: printer)) }
            throw ExitCode(1)
        }
        let hits = ranker.search(text, limit: max(limit ?? 10, AnswerSelection.depth))
        if index.logsMisses, MissLog.isWeak(hits.first) { logMiss(text, source: source, best: hits.first) }
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

    static let pastedKeyWarning = """
        faq: your question contains what looks like a real API key; it was not searched for and \
        not logged. Never paste a key into a question, a chat or a ticket. If this one was shared \
        anywhere, revoke it now and create a new one:
        """

    /// The guides' own answer on revoking a leaked key when they have one, else the steps
    /// every provider's dashboard follows.
    func revokeSteps(ranker: Ranker, printer: AnswerPrinter) -> String {
        let hits = ranker.search("revoke a leaked key", limit: AnswerSelection.depth)
        if let selection = AnswerSelection(hits: hits), !MissLog.isWeak(hits.first) {
            return printer.answer(selection.answer, seeAlso: [])
        }
        return """
            1. Open the API keys page of the provider's dashboard.
            2. Revoke (delete) the key you pasted; requests using it fail from then on.
            3. Create a new key and store it in a secret manager or environment variable.
            4. Check the usage page for requests you did not make.

            """
    }

    /// Appends a weak or missing answer to the miss log, unless `FAQ_NO_LOG` says not to. A
    /// log that cannot be written never stops the answer.
    func logMiss(_ text: String, source: GuidesSource, best: SearchHit?) {
        let environment = { (name: String) in getenv(name).map { String(cString: $0) } }
        guard !MissLog.isDisabled(environment: environment), let path = MissLog.path(environment: environment)
        else { return }
        let root: String
        switch source {
        case .builtIn: root = "(built-in)"
        case .folder(let folder):
            if let real = realpath(folder, nil) {
                root = String(cString: real)
                free(real)
            } else {
                root = folder
            }
        }
        _ = MissLog.append(
            MissLog.Entry(time: MissLog.now(), root: root, bestScore: best?.wordScore, query: text), to: path)
    }

    func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(cString: buffer)
    }
}
