import ArgumentParser
import JSONText
import KnowledgeBase
import Lint
import Platform
import Search
import SearchIndexReader
import TerminalUI

/// `kb gaps [LOG...]`: what readers asked `faq` and did not get a good answer to, grouped and
/// counted, with the closest entry the guides have now: where to add an alias or a question.
struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Group the questions faq could not answer well, most asked first.",
        discussion: """
            Reads faq's miss logs (default: $XDG_STATE_HOME/faq/misses.tsv or \
            ~/.local/state/faq/misses.tsv; several people's logs may be given or concatenated) \
            and ranks each group of questions against the guides as they are now.
            """
    )

    @Argument(help: "Miss logs to read.")
    var logs: [String] = []

    @Option(help: ArgumentHelp("The guides folder.", valueName: "DIR"))
    var guides: String = "guides"

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Option(help: "Show at most this many groups.")
    var limit: Int?

    func validate() throws {
        guard format == "text" || format == "json" else {
            throw ValidationError("unknown format '\(format)': use text or json")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let environment = { (name: String) in getenv(name).map { String(cString: $0) } }
        var files = logs
        if files.isEmpty {
            guard let path = MissLog.path(environment: environment) else {
                Output.error("kb gaps: no log given and neither XDG_STATE_HOME nor HOME is set")
                throw ExitCode(2)
            }
            files = [path]
        }
        var entries: [MissLog.Entry] = []
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try GuideFiles.read(file)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
            let parsed = MissLog.parse(String(decoding: bytes, as: UTF8.self))
            for line in parsed.bad.prefix(5) { Output.error("\(file):\(line): not a miss-log line; skipped") }
            if parsed.bad.count > 5 { Output.error("\(file): \(parsed.bad.count - 5) more lines skipped") }
            entries += parsed.entries
        }
        let source = GuidesSource.folder(guides)
        let configuration: Configuration
        do {
            configuration = try source.configuration(ruleIDs: Linter.allRuleIDs)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        let index: SearchIndex
        do {
            index = try IndexProvider().index(for: source, synonyms: configuration.synonyms)
        } catch {
            Output.error("kb gaps: \(error.message)")
            throw ExitCode(2)
        }
        var groups = MissGroups(entries: entries, index: index).groups
        if let limit { groups = Array(groups.prefix(limit)) }
        Output.write(
            format == "json" ? json(groups, files: files, total: entries.count) : text(groups, total: entries.count))
    }

    func text(_ groups: [MissGroups.Group], total: Int) -> String {
        guard !groups.isEmpty else { return "No misses logged.\n" }
        var out = "\(total) logged questions in \(groups.count) groups, most asked first.\n"
        for group in groups {
            out += "\n\(group.count)× " + TerminalText.safe(group.queries[0].query) + "\n"
            for other in group.queries.dropFirst().prefix(4) {
                out +=
                    "     also: " + TerminalText.safe(other.query) + (other.count > 1 ? " (\(other.count)×)" : "")
                    + "\n"
            }
            if group.queries.count > 5 { out += "     and \(group.queries.count - 5) more wordings\n" }
            if let hit = group.closest {
                out +=
                    "   closest: " + TerminalText.safe(hit.title) + " (\(hit.path):\(hit.line), score "
                    + Gaps.twoDecimals(hit.score) + (group.isWeak ? ", weak" : "") + ")\n"
            } else {
                out += "   closest: nothing matches\n"
            }
        }
        return out
    }

    func json(_ groups: [MissGroups.Group], files: [String], total: Int) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.value("logs", files)
        w.value("questions", total)
        w.beginArray("groups")
        for group in groups {
            w.beginObject()
            w.value("count", group.count)
            w.value("lastSeen", group.lastSeen)
            w.beginArray("queries")
            for q in group.queries {
                w.beginObject()
                w.value("query", q.query)
                w.value("count", q.count)
                w.endObject()
            }
            w.endArray()
            if let hit = group.closest {
                w.beginObject("closest")
                w.value("id", hit.id)
                w.value("title", hit.title)
                w.value("path", hit.path)
                w.value("line", hit.line)
                w.value("score", hit.score)
                w.value("coverage", hit.coverage)
                w.value("weak", group.isWeak)
                w.endObject()
            } else {
                w.value("closest", nil as String?)
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string + "\n"
    }

    static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
