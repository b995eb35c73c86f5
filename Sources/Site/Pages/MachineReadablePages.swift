import KnowledgeBase

/// What the site offers programs and language models: `llms.txt` at the root, following the
/// llms.txt proposal (https://llmstxt.org: an H1 with the site's name, a blockquote summary,
/// then H2 sections of `- [title](url): notes` lists), and a Markdown copy of every guide
/// beside its page, linked from it.
struct MachineReadablePages {
    let context: SiteContext

    /// Where the site's own pages are linked from text outside any page: absolute under
    /// `base-url` when there is one (a model fetching `llms.txt` needs full URLs), else
    /// relative to the root, where `llms.txt` sits.
    private func siteURL(_ path: String, fragment: String? = nil, from page: String) -> String {
        let hash = fragment.map { "#" + URLPath.encodeFragment($0) } ?? ""
        if let base = context.configuration.baseURL { return base + URLPath.encode(path) + hash }
        return URLPath.rootPrefix(forPage: page) + URLPath.encode(path) + hash
    }

    /// A URL as a Markdown link destination: the bytes that would end or break a bare
    /// destination (space, parentheses, angle brackets; URLPath.encode keeps `(` and `)`)
    /// percent-encoded, which leaves the URL the same.
    private static func destination(_ url: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count)
        for b in url.utf8 {
            switch b {
            case 0x20: out.append(contentsOf: Array("%20".utf8))
            case UInt8(ascii: "("): out.append(contentsOf: Array("%28".utf8))
            case UInt8(ascii: ")"): out.append(contentsOf: Array("%29".utf8))
            case UInt8(ascii: "<"): out.append(contentsOf: Array("%3C".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("%3E".utf8))
            default: out.append(b)
            }
        }
        return out
    }

    func markdownCopy(of guide: Int) -> [UInt8] {
        let plan = context.plan
        let page = context.page(of: guide)
        return MarkdownCopy.render(plan.guides[guide]) { url, isImage in
            switch context.resolver.resolve(url, inGuide: guide, isImage: isImage) {
            case .external: return url
            case .none: return nil
            case .site(let path, let fragment), .asset(let path, let fragment):
                return siteURL(path, fragment: fragment, from: page)
            }
        }
    }

    /// `1 guide`, `2 guides`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    func llmsText() -> [UInt8] {
        let plan = context.plan
        let config = context.configuration
        var out: [UInt8] = []
        func line(_ parts: [UInt8]...) {
            for part in parts { out.append(contentsOf: part) }
            out.append(0x0A)
        }
        let summary =
            plan.homeGuide.map { plan.guides[$0].summary }.flatMap { $0.isEmpty ? nil : $0 }
            ?? MachineReadablePages.count(plan.guides.count, "guide")
            + (plan.questionCount > 0 ? " and " + MachineReadablePages.count(plan.questionCount, "question") : "") + "."
        line(Array("# ".utf8), MarkdownCopy.escapeLine(config.title))
        line([])
        line(Array("> ".utf8), MarkdownCopy.escapeLine(summary))
        line([])
        line(
            Array(
                "Every page of this site has a plain Markdown copy beside it (the same path ending in `.md`); the links below lead to those copies."
                    .utf8))
        for group in plan.groups {
            line([])
            line(Array("## ".utf8), MarkdownCopy.escapeLine(group.title))
            line([])
            for i in group.members {
                let g = plan.guides[i]
                out.append(contentsOf: Array("- [".utf8))
                out.append(
                    contentsOf: MarkdownCopy.escapeLine(SitePlan.navigationTitle(g, isHome: i == plan.homeGuide)))
                out.append(contentsOf: Array("](".utf8))
                out.append(
                    contentsOf: MachineReadablePages.destination(
                        siteURL(plan.markdownCopy(of: i), from: SitePlan.llmsText)))
                out.append(UInt8(ascii: ")"))
                if !g.summary.isEmpty {
                    out.append(contentsOf: Array(": ".utf8))
                    out.append(contentsOf: MarkdownCopy.escapeLine(PageLayout.clip(g.summary, 300)))
                }
                out.append(0x0A)
            }
        }
        return out
    }
}
