import KnowledgeBase

/// The page at a guide's old path (`redirect-from:`): it sends the reader on at once, keeping
/// the `#fragment`, and tells search engines where the page lives now.
///
/// Three ways to the new page, because each works where another does not: a script that
/// replaces the location with the new page plus `location.hash` (a deep link keeps its
/// section, from `file://` too, and the old page leaves no history entry); a meta refresh for
/// readers without JavaScript (browsers drop the fragment there); and a plain link.
struct RedirectPage {
    let context: SiteContext
    let redirect: Int

    func render() -> [UInt8] {
        let plan = context.plan
        let entry = plan.redirects[redirect]
        let target = context.page(of: entry.guide)
        // Relative, like every link the site writes. URLPath.encode leaves no quote, backslash,
        // angle bracket or control character, so the href is safe inside a JavaScript string
        // literal as well as (escaped below) in attributes.
        let href = URLPath.rootPrefix(forPage: entry.page) + URLPath.encode(target)
        let title = SitePlan.navigationTitle(plan.guides[entry.guide], isHome: entry.guide == plan.homeGuide)
        var out = HTMLBuffer(capacity: 1024)
        out.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        out.text(title)
        out.raw(" · ")
        out.text(context.configuration.title)
        out.raw("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.raw("<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"")
        out.text(context.configuration.baseURL.map { $0 + URLPath.encode(target) } ?? href)
        out.raw("\">\n<script>location.replace(\"")
        out.raw(href)
        out.raw("\" + location.hash);</script>\n<meta http-equiv=\"refresh\" content=\"0; url=")
        out.text(href)
        out.raw("\">\n</head>\n<body>\n<main>\n<h1>")
        out.text(title)
        out.raw("</h1>\n<p>This page has moved to <a href=\"")
        out.text(href)
        out.raw("\">")
        out.text(title)
        out.raw("</a>.</p>\n</main>\n</body>\n</html>\n")
        return out.bytes
    }
}
