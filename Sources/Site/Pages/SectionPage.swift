import KnowledgeBase

/// A top-level folder's page (`common/index.html`): every guide in it with its summary.
struct SectionPage {
    let context: SiteContext
    let group: Int
    let folder: String

    func render() -> [UInt8] {
        let plan = context.plan
        let g = plan.groups[group]
        let page = folder + "/index.html"
        let layout = PageLayout(context: context, page: page)
        var out = HTMLBuffer(capacity: 4096 + g.members.count * 160)
        layout.open(
            &out, .init(title: g.title, description: "\(g.members.count) guides in \(g.title).", currentGroup: group))
        layout.breadcrumbs(&out, trail: [(g.title, nil)])
        out.raw("<h1>")
        out.text(g.title)
        out.raw("</h1>\n<p class=\"section-intro\">")
        out.number(g.members.count)
        out.raw(g.members.count == 1 ? " guide.</p>\n" : " guides.</p>\n")
        out.raw("<ul class=\"guide-list\">\n")
        for guide in g.members {
            let item = plan.guides[guide]
            out.raw("<li><a href=\"")
            out.text(layout.href(context.page(of: guide)))
            out.raw("\">")
            out.text(item.title)
            out.raw("</a>")
            if !item.summary.isEmpty {
                out.raw("<span class=\"summary\">")
                out.text(PageLayout.clip(SectionPage.firstLine(item.summary), 110))
                out.raw("</span>")
            }
            out.raw("</li>\n")
        }
        out.raw("</ul>\n")
        layout.close(&out)
        return out.bytes
    }

    static func firstLine(_ s: String) -> String {
        guard let newline = s.firstIndex(of: "\n") else { return s }
        return String(s[..<newline])
    }
}
