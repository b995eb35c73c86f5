import KnowledgeBase

/// One guide's page: breadcrumbs, title, tags, the body with permalinks and rewritten links,
/// review date and edit link, previous and next, and the table of contents beside it.
struct GuidePage {
    let context: SiteContext
    let guide: Int

    /// The page's bytes, and the local files its body refers to.
    func render() -> (bytes: [UInt8], assets: [String]) {
        let plan = context.plan
        let g = plan.guides[guide]
        let page = context.page(of: guide)
        let layout = PageLayout(context: context, page: page)
        let toc = g.sections.filter { $0.level >= 2 && $0.level <= 3 }
        let showTOC = toc.count >= 2
        var out = HTMLBuffer(capacity: 8192 + (g.html?.utf8.count ?? 0) * 2)
        layout.open(
            &out,
            .init(
                title: g.title, description: g.summary, jsonLD: g.faqs.isEmpty ? nil : FAQJSONLD.render([(g, g.faqs)]),
                currentGuide: guide, currentGroup: plan.groupOf[guide], hasTOC: showTOC))

        let group = plan.groups[plan.groupOf[guide]]
        var trail: [(title: String, path: String?)] = [(group.title, group.landing)]
        if group.folder != nil, let lastSlash = g.slug.lastIndex(of: "/") {
            // Folders below the group's own, as plain steps.
            let inner = g.slug[..<lastSlash].split(separator: "/").dropFirst()
            for folder in inner { trail.append((String(folder), nil)) }
        }
        trail.append((g.title, nil))
        layout.breadcrumbs(&out, trail: trail)

        out.raw("<article class=\"guide\">\n<h1>")
        out.text(g.title)
        out.raw("</h1>\n")
        if !g.tags.isEmpty {
            out.raw("<div class=\"page-meta\"><ul class=\"tags\" aria-label=\"Tags\">")
            for tag in g.tags {
                out.raw("<li><a href=\"")
                out.text(layout.prefix)
                out.raw("search.html?q=")
                out.text(URLPath.encode(tag))
                out.raw("\">")
                out.text(tag)
                out.raw("</a></li>")
            }
            out.raw("</ul></div>\n")
        }
        var rewriter = BodyRewriter(resolver: context.resolver, guide: guide, page: page)
        rewriter.rewrite(g.html ?? "", into: &out)
        out.raw("</article>\n")
        GuidePage.footer(&out, g, context: context)
        pager(&out, layout)
        layout.close(&out, toc: showTOC ? toc : [])
        return (out.bytes, rewriter.assets)
    }

    /// "Last reviewed" and "Edit this page", when the guide and kb.yaml say so.
    static func footer(_ out: inout HTMLBuffer, _ g: Guide, context: SiteContext) {
        let edit = context.configuration.editURL
        guard g.reviewed != nil || edit != nil else { return }
        out.raw("<div class=\"page-footer\">")
        if let reviewed = g.reviewed {
            out.raw("<span>Last reviewed ")
            if isISODate(reviewed) {
                out.raw("<time datetime=\"")
                out.text(reviewed)
                out.raw("\">")
                out.text(reviewed)
                out.raw("</time>")
            } else {
                out.text(reviewed)
            }
            if let owner = g.owner {
                out.raw(" by ")
                out.text(owner)
            }
            out.raw("</span>")
        }
        if let edit {
            out.raw("<a href=\"")
            out.text(edit + URLPath.encode(g.path))
            out.raw("\" rel=\"nofollow\">Edit this page</a>")
        }
        out.raw("</div>\n")
    }

    private func pager(_ out: inout HTMLBuffer, _ layout: PageLayout) {
        let plan = context.plan
        let position = plan.positionInOrder[guide]
        let previous = position > 0 ? plan.order[position - 1] : nil
        let next = position + 1 < plan.order.count ? plan.order[position + 1] : nil
        guard previous != nil || next != nil else { return }
        out.raw("<nav class=\"pager\" aria-label=\"Previous and next\">")
        if let previous {
            layout.link(
                &out, to: previous, attributes: " class=\"prev\" rel=\"prev\"", label: "<small>Previous</small>")
        }
        if let next {
            layout.link(&out, to: next, attributes: " class=\"next\" rel=\"next\"", label: "<small>Next</small>")
        }
        out.raw("</nav>\n")
    }

    /// `YYYY-MM-DD`, the only form `<time datetime>` gets.
    static func isISODate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(b[i] >= 48 && b[i] <= 57) { return false }
        let month = Int(b[5] - 48) * 10 + Int(b[6] - 48)
        let day = Int(b[8] - 48) * 10 + Int(b[9] - 48)
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
