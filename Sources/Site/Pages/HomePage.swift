import KnowledgeBase

/// The front page: the root `index.md` when there is one, the most asked questions first, then
/// the guides by group.
struct HomePage {
    let context: SiteContext
    /// How many questions the home page lists before linking to the rest.
    static let questionCount = 8
    /// Guides shown per group card before "All N".
    static let cardLength = 8

    func render() -> (bytes: [UInt8], assets: [String]) {
        let plan = context.plan
        let layout = PageLayout(context: context, page: SitePlan.homePage)
        var out = HTMLBuffer(capacity: 32 * 1024)
        var assets: [String] = []
        let home = plan.homeGuide.map { plan.guides[$0] }
        layout.open(
            &out,
            .init(
                title: context.configuration.title, description: home?.summary ?? "", currentGuide: plan.homeGuide,
                currentGroup: plan.homeGuide.map { plan.groupOf[$0] }, isHome: true))
        out.raw("<div class=\"hero\">\n<h1>")
        out.text(home.flatMap { $0.titleSource == .fileName ? nil : $0.title } ?? context.configuration.title)
        out.raw("</h1>\n")
        if home == nil {
            out.raw("<p>")
            out.number(plan.guides.count)
            out.raw(plan.guides.count == 1 ? " guide" : " guides")
            let questions = plan.guides.reduce(0) { $0 + $1.faqs.count }
            if questions > 0 {
                out.raw(" and ")
                out.number(questions)
                out.raw(questions == 1 ? " answered question" : " answered questions")
            }
            out.raw(". Press <kbd>/</kbd> to search.</p>\n")
        }
        out.raw("</div>\n")
        if let index = plan.homeGuide {
            out.raw("<article class=\"guide\">\n")
            var rewriter = BodyRewriter(resolver: context.resolver, guide: index, page: SitePlan.homePage)
            rewriter.rewrite(plan.guides[index].html ?? "", into: &out)
            assets = rewriter.assets
            out.raw("</article>\n")
        }

        let questions = HomePage.topQuestions(plan, limit: HomePage.questionCount)
        if !questions.isEmpty {
            out.raw("<h2 id=\"top-questions\">Frequently asked</h2>\n<ul class=\"question-list\">\n")
            for (guide, faq) in questions {
                out.raw("<li><a href=\"")
                out.text(layout.href(context.page(of: guide)))
                out.raw("#")
                out.text(URLPath.encodeFragment(faq.anchor))
                out.raw("\">")
                out.text(faq.question)
                out.raw("</a></li>\n")
            }
            out.raw("</ul>\n<p><a href=\"questions.html\">All ")
            out.number(plan.guides.reduce(0) { $0 + $1.faqs.count })
            out.raw(" questions and answers</a></p>\n")
        }

        out.raw("<h2 id=\"browse\">Browse</h2>\n<div class=\"cards\">\n")
        for group in plan.groups {
            out.raw("<section class=\"card\" id=\"")
            out.text(group.id)
            out.raw("\">\n<h3>")
            if group.folder != nil {
                out.raw("<a href=\"")
                out.text(layout.href(group.landing))
                out.raw("\">")
                out.text(group.title)
                out.raw("</a>")
            } else {
                out.text(group.title)
            }
            out.raw("</h3>\n<ul>\n")
            let shown = group.members.count <= HomePage.cardLength + 2 ? group.members.count : HomePage.cardLength
            for guide in group.members.prefix(shown) {
                out.raw("<li><a href=\"")
                out.text(layout.href(context.page(of: guide)))
                out.raw("\">")
                out.text(plan.guides[guide].title)
                out.raw("</a></li>\n")
            }
            out.raw("</ul>\n")
            if shown < group.members.count {
                out.raw("<p class=\"more\"><a href=\"")
                out.text(layout.href(group.landing))
                out.raw("\">All ")
                out.number(group.members.count)
                out.raw(" in ")
                out.text(group.title)
                out.raw("</a></p>\n")
            }
            out.raw("</section>\n")
        }
        out.raw("</div>\n")
        layout.close(&out)
        return (out.bytes, assets)
    }

    /// The questions readers ask most: FAQ pages first (their authors order them by demand),
    /// then FAQ sections of other guides, in reading order.
    static func topQuestions(_ plan: SitePlan, limit: Int) -> [(Int, FAQEntry)] {
        var result: [(Int, FAQEntry)] = []
        let faqPagesFirst =
            plan.order.filter { plan.guides[$0].type == "faq" }
            + plan.order.filter { plan.guides[$0].type != "faq" }
        for guide in faqPagesFirst {
            for faq in plan.guides[guide].faqs {
                if result.count == limit { return result }
                result.append((guide, faq))
            }
        }
        return result
    }
}
