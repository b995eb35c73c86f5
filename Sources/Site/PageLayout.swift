import KnowledgeBase

/// The frame every page shares: head, header with search and theme toggle, the sidebar, and
/// the closing of the layout, with optional table of contents.
struct PageLayout {
    let context: SiteContext
    /// This page, root-relative.
    let page: String
    /// `../` back to the root.
    let prefix: String

    /// The attributes of a search field that shows live results as you type (the header's and
    /// the search page's). `autocomplete="off"` keeps the browser's own history list from
    /// covering those results; axe-core counts "off" as inappropriate on `type="search"`
    /// (autocomplete-valid, serious), so the field is a text input with the searchbox role,
    /// which assistive technology announces the same, and `inputmode` keeps the search key on touch
    /// keyboards (`enterkeyhint` would say so too, but the Nu checker does not know it yet).
    static let liveSearchFieldAttributes =
        #"type="text" role="searchbox" inputmode="search" autocomplete="off" spellcheck="false""#

    init(context: SiteContext, page: String) {
        self.context = context
        self.page = page
        self.prefix = URLPath.rootPrefix(forPage: page)
    }

    struct Head {
        var title: String
        var description: String = ""
        var jsonLD: [UInt8]? = nil
        var currentGuide: Int? = nil
        var currentGroup: Int? = nil
        var hasTOC = false
        /// The home page shows the site title alone.
        var isHome = false
    }

    /// A site-relative href to `path` (already a root-relative page path).
    func href(_ path: String) -> String {
        guard let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) else { return prefix + URLPath.encode(path) }
        return prefix + URLPath.encode(String(path[..<hash]))
            + "#" + URLPath.encodeFragment(String(path[path.utf8.index(after: hash)...]))
    }

    func open(_ out: inout HTMLBuffer, _ head: Head) {
        let config = context.configuration
        out.raw("<!DOCTYPE html>\n<html lang=\"en\" data-root=\"")
        out.text(prefix)
        out.raw(
            "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        )
        if head.isHome {
            out.text(config.title)
        } else {
            out.text(head.title)
            out.raw(" · ")
            out.text(config.title)
        }
        out.raw("</title>\n")
        if !head.description.isEmpty {
            out.raw("<meta name=\"description\" content=\"")
            out.text(PageLayout.clip(head.description, 300))
            out.raw("\">\n")
        }
        if let base = config.baseURL {
            out.raw("<link rel=\"canonical\" href=\"")
            out.text(base + URLPath.encode(page))
            out.raw("\">\n")
        }
        out.raw("<link rel=\"stylesheet\" href=\"")
        out.text(prefix)
        out.raw("assets/kb.css\">\n")
        out.raw(ThemeAssets.themeBootstrap)
        out.raw("\n<script src=\"")
        out.text(prefix)
        out.raw("assets/site.js\" defer></script>\n")
        if let jsonLD = head.jsonLD {
            out.raw("<script type=\"application/ld+json\">")
            out.raw(bytes: jsonLD)
            out.raw("</script>\n")
        }
        out.raw(
            "</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"topbar\">\n")
        out.raw(
            "<button class=\"icon-button nav-toggle\" type=\"button\" aria-controls=\"sidebar\" aria-expanded=\"false\" aria-label=\"Navigation\"><svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z\"/></svg></button>\n"
        )
        out.raw("<a class=\"brand\" href=\"")
        out.text(prefix)
        out.raw("index.html\">")
        if let logo = config.logo {
            // Decorative beside the title, which names the link.
            out.raw("<img class=\"brand-logo\" src=\"")
            out.text(prefix + URLPath.encode(logo))
            out.raw("\" alt=\"\">")
        }
        out.text(config.title)
        out.raw("</a>\n")
        if !config.headerLinks.isEmpty {
            out.raw("<nav class=\"header-links\" aria-label=\"Links\">")
            for link in config.headerLinks {
                out.raw("<a href=\"")
                out.text(URLPath.hasScheme(link.url) ? link.url : href(link.url))
                out.raw("\">")
                out.text(link.title)
                out.raw("</a>")
            }
            out.raw("</nav>\n")
        }
        out.raw("<form class=\"search-form\" role=\"search\" action=\"")
        out.text(prefix)
        out.raw(
            "search.html\" method=\"get\"><input class=\"search-input\" \(PageLayout.liveSearchFieldAttributes) name=\"q\" placeholder=\"Search\" aria-label=\"Search the guides\"><kbd class=\"search-key\" aria-hidden=\"true\">/</kbd><div class=\"search-popup\" hidden></div></form>\n"
        )
        out.raw(
            "<button class=\"icon-button theme-toggle\" type=\"button\" aria-label=\"Dark theme\"><svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2v16a8 8 0 0 1 0-16z\"/></svg></button>\n</header>\n"
        )
        out.raw(head.hasTOC ? "<div class=\"layout\">\n" : "<div class=\"layout no-toc\">\n")
        sidebar(&out, currentGuide: head.currentGuide, currentGroup: head.currentGroup)
        out.raw("<main id=\"main\" class=\"content\">\n")
    }

    /// Ends `<main>`, adds the table of contents when there is one, and closes the page.
    func close(_ out: inout HTMLBuffer, toc: [Section] = []) {
        out.raw("</main>\n")
        if !toc.isEmpty {
            out.raw(
                "<aside class=\"toc\" aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ul>\n")
            for section in toc {
                out.raw(section.level >= 3 ? "<li class=\"toc-3\"><a href=\"#" : "<li><a href=\"#")
                out.text(URLPath.encodeFragment(section.anchor))
                out.raw("\">")
                out.text(section.heading)
                out.raw("</a></li>\n")
            }
            out.raw("</ul>\n</aside>\n")
        }
        out.raw("</div>\n")
        if let footer = context.configuration.footer {
            out.raw("<footer class=\"site-footer\"><p>")
            out.text(footer)
            out.raw("</p></footer>\n")
        }
        out.raw("</body>\n</html>\n")
    }

    private func sidebar(_ out: inout HTMLBuffer, currentGuide: Int?, currentGroup: Int?) {
        let plan = context.plan
        out.raw("<nav class=\"sidebar\" id=\"sidebar\" aria-label=\"Guides\">\n<ul>\n")
        for (g, group) in plan.groups.enumerated() {
            out.raw("<li class=\"nav-group\"><a class=\"nav-group-title\" href=\"")
            out.text(prefix)
            out.raw(bytes: plan.encodedLandings[g])
            out.raw("\">")
            out.text(group.title)
            out.raw("<span class=\"nav-count\">")
            out.number(group.members.count)
            out.raw("</span></a>")
            if !context.isLarge || g == currentGroup {
                var range = 0..<group.members.count
                if group.members.count > SiteContext.groupListLimit {
                    let position = currentGuide.map { plan.positionInGroup[$0] } ?? 0
                    let low = max(
                        0,
                        min(position - SiteContext.sidebarWindow / 2, group.members.count - SiteContext.sidebarWindow))
                    range = low..<min(group.members.count, low + SiteContext.sidebarWindow)
                }
                out.raw("\n<ul>\n")
                for m in range {
                    let guide = group.members[m]
                    out.raw("<li>")
                    link(&out, to: guide, current: guide == currentGuide)
                    out.raw("</li>\n")
                }
                out.raw("</ul>")
                if range.count < group.members.count {
                    out.raw("\n<p class=\"nav-more\"><a href=\"")
                    out.text(href(group.landing))
                    out.raw("\">All ")
                    out.number(group.members.count)
                    out.raw(" pages in ")
                    out.text(group.title)
                    out.raw("</a></p>")
                }
            }
            out.raw("</li>\n")
        }
        if plan.questionCount > 0 {
            out.raw("<li class=\"nav-group\"><a class=\"nav-group-title\" href=\"")
            out.text(prefix)
            out.raw("questions.html\">All questions</a></li>\n")
        }
        out.raw("</ul>\n</nav>\n")
    }

    /// `<a href="…">Title</a>` for a guide's page, from bytes prepared once per build.
    func link(
        _ out: inout HTMLBuffer, to guide: Int, current: Bool = false, attributes: StaticString = "",
        label: StaticString = ""
    ) {
        out.raw("<a")
        out.raw(attributes)
        out.raw(" href=\"")
        out.text(prefix)
        out.raw(bytes: context.plan.encodedPages[guide])
        out.raw(current ? "\" aria-current=\"page\">" : "\">")
        out.raw(label)
        out.raw(bytes: context.plan.escapedTitles[guide])
        out.raw("</a>")
    }

    /// Breadcrumbs: Home › group › … › this page.
    func breadcrumbs(_ out: inout HTMLBuffer, trail: [(title: String, path: String?)]) {
        out.raw("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol><li><a href=\"")
        out.text(prefix)
        out.raw("index.html\">Home</a></li>")
        for (i, step) in trail.enumerated() {
            if let path = step.path, i < trail.count - 1 {
                out.raw("<li><a href=\"")
                out.text(href(path))
                out.raw("\">")
                out.text(step.title)
                out.raw("</a></li>")
            } else {
                out.raw(i == trail.count - 1 ? "<li aria-current=\"page\">" : "<li>")
                out.text(step.title)
                out.raw("</li>")
            }
        }
        out.raw("</ol></nav>\n")
    }

    /// At most `limit` characters, cut at a word with an ellipsis.
    static func clip(_ s: String, _ limit: Int) -> String {
        guard s.utf8.count > limit, s.count > limit else { return s }
        var cut = s.prefix(limit)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }
}
