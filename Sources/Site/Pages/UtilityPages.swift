import KnowledgeBase

/// The search page, the not-found page and the sitemap: small pages every site has.
struct UtilityPages {
    let context: SiteContext

    /// `search.html`: the results for `?q=` are filled in by `site.js` from the index.
    func search() -> [UInt8] {
        let layout = PageLayout(context: context, page: SitePlan.searchPage)
        var out = HTMLBuffer(capacity: 8192)
        layout.open(&out, .init(title: "Search", description: "Search every guide and question."))
        layout.breadcrumbs(&out, trail: [("Search", nil)])
        out.raw(
            """
            <h1>Search</h1>
            <form class="search-page-form" role="search" action="search.html" method="get"><input id="search-query" \(PageLayout.liveSearchFieldAttributes) name="q" aria-label="Search the guides" placeholder="Ask a question or type a few words"><button type="submit">Search</button></form>
            <p id="search-status" class="search-status" role="status">Loading search…</p>
            <ul id="search-results" class="results"></ul>
            <noscript><p>Search runs in the browser and needs JavaScript. The <a href="index.html">home page</a> lists every guide.</p></noscript>

            """)
        layout.close(&out)
        return out.bytes
    }

    /// `404.html`, for hosts that serve it for missing pages.
    func notFound() -> [UInt8] {
        let layout = PageLayout(context: context, page: SitePlan.notFoundPage)
        var out = HTMLBuffer(capacity: 8192)
        layout.open(&out, .init(title: "Page not found"))
        out.raw(
            """
            <h1>Page not found</h1>
            <p>This page does not exist, or has moved. Try searching for it, or start from the <a href="index.html">home page</a>.</p>
            <form class="search-page-form" role="search" action="search.html" method="get"><input type="search" name="q" aria-label="Search the guides" placeholder="Search the guides"><button type="submit">Search</button></form>

            """)
        layout.close(&out)
        return out.bytes
    }

    /// `sitemap.xml` with absolute URLs under the configured base.
    func sitemap(base: String) -> [UInt8] {
        let plan = context.plan
        var out = HTMLBuffer(capacity: 128 + plan.guides.count * 96)
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        )
        func url(_ page: String, _ lastmod: String?) {
            out.raw("<url><loc>")
            out.text(base + URLPath.encode(page))
            out.raw("</loc>")
            if let lastmod, GuidePage.isISODate(lastmod) {
                out.raw("<lastmod>")
                out.text(lastmod)
                out.raw("</lastmod>")
            }
            out.raw("</url>\n")
        }
        url(SitePlan.homePage, nil)
        url(SitePlan.questionsPage, nil)
        for section in plan.sectionPages { url(section.folder + "/index.html", nil) }
        for i in plan.order where i != plan.homeGuide { url(plan.pages[i], plan.guides[i].reviewed) }
        out.raw("</urlset>\n")
        return out.bytes
    }
}
