/// The model as JSON for `kb inspect --json`: stable keys in a fixed order, so scripts and
/// diffs can rely on it.
public enum ModelJSON {
    public static func render(_ kb: KnowledgeBase, pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, capacity: kb.guides.reduce(4096) { $0 + $1.source.utf8.count * 2 })
        w.beginObject()
        w.value("root", kb.root)
        w.beginArray("guides")
        for g in kb.guides { write(g, to: &w) }
        w.endArray()
        w.beginArray("problems")
        for p in kb.problems {
            w.beginObject()
            w.value("path", p.path)
            w.value("line", p.line)
            w.value("severity", p.severity.rawValue)
            w.value("message", p.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }

    static func write(_ g: Guide, to w: inout JSONWriter) {
        w.beginObject()
        w.value("path", g.path)
        w.value("slug", g.slug)
        w.value("title", g.title)
        w.value("summary", g.summary)
        w.value("tags", g.tags)
        w.value("aliases", g.aliases)
        w.value("reviewed", g.reviewed)
        w.value("owner", g.owner)
        w.value("type", g.type)
        w.beginArray("redirects")
        for r in g.redirects {
            w.beginObject()
            w.value("from", r.from)
            w.value("page", r.page)
            w.value("line", r.line)
            w.endObject()
        }
        w.endArray()
        w.beginArray("sections")
        for s in g.sections {
            w.beginObject()
            w.value("heading", s.heading)
            w.value("level", s.level)
            w.value("anchor", s.anchor)
            w.value("oldAnchors", s.oldAnchors)
            w.value("line", s.line)
            w.value("body", s.body)
            w.value("aliases", s.aliases)
            w.endObject()
        }
        w.endArray()
        w.beginArray("procedures")
        for p in g.procedures {
            w.beginObject()
            w.value("heading", p.heading)
            w.value("anchor", p.anchor)
            w.value("line", p.line)
            w.beginArray("steps")
            for step in p.steps {
                w.beginObject()
                w.value("text", step.text)
                w.value("line", step.line)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.beginArray("faqs")
        for f in g.faqs {
            w.beginObject()
            w.value("question", f.question)
            w.value("answer", f.answer)
            w.value("anchor", f.anchor)
            w.value("line", f.line)
            w.value("tags", f.tags)
            w.value("aliases", f.aliases)
            w.endObject()
        }
        w.endArray()
        w.beginArray("links")
        for l in g.links {
            w.beginObject()
            w.value("target", l.target)
            w.value("text", l.text)
            w.value("line", l.line)
            w.value("kind", l.kind.rawValue)
            if l.isImage { w.value("image", true) }
            w.endObject()
        }
        w.endArray()
        w.beginArray("codeBlocks")
        for c in g.codeBlocks {
            w.beginObject()
            w.value("language", c.language)
            w.value("line", c.line)
            w.value("fenced", c.isFenced)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
