import Platform

/// The readable summary `kb inspect` prints: one block per guide, then totals. Guide text in it
/// passes through `TerminalText`, so a guide cannot send escape sequences to the terminal.
public enum InspectSummary {
    public static func render(_ kb: KnowledgeBase, maximumGuidesInDetail: Int = 200) -> [UInt8] {
        var out = ""
        let detailed = kb.guides.count <= maximumGuidesInDetail
        for g in kb.guides where detailed {
            out += "\(g.path): \(g.title)\n"
            if !g.tags.isEmpty { out += "  tags: \(g.tags.joined(separator: ", "))\n" }
            if let reviewed = g.reviewed { out += "  reviewed: \(reviewed)\n" }
            out +=
                "  \(g.sections.count) sections, \(g.procedures.count) procedures, \(g.faqs.count) FAQ entries, \(g.links.count) links, \(g.codeBlocks.count) code blocks\n"
            for s in g.sections where s.level <= 2 {
                out +=
                    "  \(String(repeating: "  ", count: s.level - 1))§ \(s.heading)  #\(s.anchor)  (line \(s.line))\n"
            }
            for p in g.procedures {
                out +=
                    "  ▸ procedure \(p.heading.map { "under “\($0)” " } ?? ""): \(p.steps.count) steps (line \(p.line))\n"
            }
            for f in g.faqs {
                out += "  ? \(f.question)  (line \(f.line))\n"
            }
            out += "\n"
        }
        let sections = kb.guides.reduce(0) { $0 + $1.sections.count }
        let procedures = kb.guides.reduce(0) { $0 + $1.procedures.count }
        let links = kb.guides.reduce(0) { $0 + $1.links.count }
        out +=
            "\(kb.guides.count) guides, \(sections) sections, \(procedures) procedures, \(kb.faqCount) FAQ entries, \(links) links"
        if !kb.problems.isEmpty { out += ", \(kb.problems.count) problems" }
        out += "\n"
        return TerminalText.bytes(Array(out.utf8))
    }
}
