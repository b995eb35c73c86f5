import KnowledgeBase

/// Every question and answer on one page, grouped by guide. Each question has its own id, so
/// it can be linked to, and answers are plain sections, so printing shows all of them.
struct QuestionsPage {
    let context: SiteContext

    func render() -> (bytes: [UInt8], assets: [String]) {
        let plan = context.plan
        let page = SitePlan.questionsPage
        let layout = PageLayout(context: context, page: page)
        let withFAQs =
            (plan.order.filter { plan.guides[$0].type == "faq" }
            + plan.order.filter { plan.guides[$0].type != "faq" }).filter { !plan.guides[$0].faqs.isEmpty }
        let total = withFAQs.reduce(0) { $0 + plan.guides[$1].faqs.count }
        var out = HTMLBuffer(capacity: 16 * 1024)
        var assets: [String] = []
        let jsonLD = total > 0 ? FAQJSONLD.render(withFAQs.map { (plan.guides[$0], plan.guides[$0].faqs) }) : nil
        layout.open(
            &out,
            .init(
                title: "Frequently asked questions", description: "All \(total) questions and answers.", jsonLD: jsonLD)
        )
        layout.breadcrumbs(&out, trail: [("All questions", nil)])
        out.raw("<h1>Frequently asked questions</h1>\n")
        if total == 0 {
            out.raw(
                "<p>No questions yet. Guides add them under a heading named “FAQ”, or as a page of type <code>faq</code>.</p>\n"
            )
        } else {
            out.raw("<p class=\"section-intro\">")
            out.number(total)
            out.raw(total == 1 ? " question" : " questions")
            out.raw(" from ")
            out.number(withFAQs.count)
            out.raw(withFAQs.count == 1 ? " guide.</p>\n" : " guides.</p>\n")
        }
        var used: Set<String> = ["main", "sidebar"]
        func unique(_ base: String) -> String {
            var id = base
            var n = 1
            while used.contains(id) {
                id = "\(base)-\(n)"
                n += 1
            }
            used.insert(id)
            return id
        }
        for guide in withFAQs {
            let g = plan.guides[guide]
            let guidePage = layout.href(context.page(of: guide))
            out.raw("<h2 id=\"")
            out.text(unique("guide-" + SitePlan.idPart(g.slug)))
            out.raw("\"><a href=\"")
            out.text(guidePage)
            out.raw("\">")
            out.text(g.title)
            out.raw("</a></h2>\n")
            for faq in g.faqs {
                let id = unique(faq.anchor)
                out.raw("<section class=\"qa\" id=\"")
                out.text(id)
                out.raw("\">\n<h3><a href=\"#")
                out.text(URLPath.encodeFragment(id))
                out.raw("\">")
                out.text(faq.question)
                out.raw("</a></h3>\n")
                var rewriter = BodyRewriter(resolver: context.resolver, guide: guide, page: page)
                rewriter.keepHeadingIDs = false
                rewriter.rewrite(faq.answerHTML, into: &out)
                assets.append(contentsOf: rewriter.assets)
                out.raw("<p class=\"source\">From <a href=\"")
                out.text(guidePage)
                out.raw("#")
                out.text(URLPath.encodeFragment(faq.anchor))
                out.raw("\">")
                out.text(g.title)
                out.raw("</a></p>\n</section>\n")
            }
        }
        layout.close(&out)
        return (out.bytes, assets)
    }
}
