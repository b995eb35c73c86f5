import JSONText
import Platform
import SearchIndexReader
import TerminalUI

/// Formats search results for the terminal and for `--json`.
struct AnswerPrinter {
    var renderer: TerminalRenderer

    /// The answer: its question or heading, where it comes from, the rendered Markdown, then
    /// up to three "See also" lines with ids for `--show`.
    func answer(_ hit: SearchHit, seeAlso: [SearchHit]) -> String {
        var out = renderer.styled(hit.title, .bold) + "\n"
        let origin = (hit.guideTitle.isEmpty ? "" : hit.guideTitle + " · ") + "\(hit.path):\(hit.line)"
        out += renderer.styled(origin, .dim) + "\n\n"
        let body = renderer.render(markdown: hit.answer)
        if !body.isEmpty { out += body + "\n" }
        if !seeAlso.isEmpty {
            out += "\n" + renderer.styled("See also", .bold) + "\n"
            for other in seeAlso {
                out += "  " + TerminalText.safe(other.title) + "  " + renderer.styled("(\(other.id))", .dim) + "\n"
            }
        }
        return out
    }

    /// One question (or guide title) per line; with colour on, the id follows dimmed.
    func list(_ hits: [SearchHit], limit: Int?, json: Bool) -> String {
        let shown = hits.filter { $0.kind != .section }.prefix(limit ?? Int.max)
        if json { return self.json(query: "", hits: Array(shown)) }
        var out = ""
        for hit in shown {
            out += TerminalText.safe(hit.title)
            if renderer.color { out += "  " + renderer.styled(hit.id, .dim) }
            out += "\n"
        }
        return out
    }

    func json(query: String, hits: [SearchHit]) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.value("query", query)
        w.beginArray("results")
        for hit in hits {
            w.beginObject()
            w.value("id", hit.id)
            w.value("kind", hit.kind.name)
            w.value("title", hit.title)
            w.value("guide", hit.guideTitle)
            w.value("path", hit.path)
            w.value("line", hit.line)
            w.value("anchor", hit.anchor)
            w.value("score", hit.score)
            w.value("answer", hit.answer)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string + "\n"
    }

    /// "No answer" for stderr: alternative queries built from near words when there are some,
    /// else a few of the questions the knowledge base does answer. The query is echoed, and
    /// the suggestions repeat its words: both go through `TerminalText`.
    func noAnswer(query: String, suggestions: [String], examples: [String]) -> String {
        var out = "faq: no answer for \"\(TerminalText.safe(query))\"."
        if !suggestions.isEmpty {
            out += " Did you mean:\n"
            for s in suggestions { out += "  faq \"\(TerminalText.safe(s))\"\n" }
        } else if !examples.isEmpty {
            out += " Questions it can answer (faq --list shows them all):\n"
            for e in examples { out += "  \(TerminalText.safe(e))\n" }
        } else {
            out += " Try other words, or faq --list to see every question."
        }
        return out
    }
}
