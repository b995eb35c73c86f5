import KnowledgeBase
import Search

/// Every file of a site, rendered in memory one at a time: what `SiteBuilder` writes, and
/// what the fuzzer (`KBFuzz`) drives without touching the disk.
///
/// Separate from the builder because rendering is pure (a page is a function of the model,
/// the plan and the configuration) while building is about folders, staging and the swap.
public struct SitePages: Sendable {
    /// One output file.
    public enum Job: Sendable {
        case guide(Int)
        case home, questions, search, notFound
        case sitemap(String)
        case section(Int)
        case asset(String)
        case searchIndex, searchEngine
        /// The query embedder and each part of the word-vector table (`SitePlan.wordVectors`).
        case wordVectorScript
        case wordVectorPart(Int)
        /// The page at an old path (`SitePlan.redirects`).
        case redirect(Int)
        /// A guide's Markdown copy, and `llms.txt` listing them.
        case markdown(Int)
        case llmsText
    }

    /// A rendered file: its path in the site, its bytes, and the local files (images,
    /// documents) it shows, which the builder copies beside it.
    public struct Page: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var assets: [String] = []
    }

    public let kb: KnowledgeBase
    public let context: SiteContext
    /// The theme files by name (the built-in ones, or the guides' `theme/` overrides).
    public let theme: [String: [UInt8]]

    public init(kb: KnowledgeBase, context: SiteContext, theme: [String: [UInt8]]) {
        self.kb = kb
        self.context = context
        self.theme = theme
    }

    /// Every file of the site, the search index first (the longest to render, so it starts
    /// while the pages are done on the other cores).
    public var jobs: [Job] {
        let plan = context.plan
        var jobs: [Job] = [.searchIndex, .searchEngine, .home, .questions, .search, .notFound]
        if plan.wordVectors {
            jobs.append(.wordVectorScript)
            for n in 0..<BrowserExport.wordVectorPartCount { jobs.append(.wordVectorPart(n)) }
        }
        if let base = context.configuration.baseURL { jobs.append(.sitemap(base)) }
        for (i, _) in plan.sectionPages.enumerated() { jobs.append(.section(i)) }
        for name in ThemeAssets.names { jobs.append(.asset(name)) }
        for i in plan.guides.indices where i != plan.homeGuide { jobs.append(.guide(i)) }
        for r in plan.redirects.indices { jobs.append(.redirect(r)) }
        jobs.append(.llmsText)
        for i in plan.guides.indices { jobs.append(.markdown(i)) }
        return jobs
    }

    /// The search index script. It depends on the model alone, so `SiteBuilder` starts it
    /// before the plan and the pages exist, beside the checks.
    public static func searchIndex(for kb: KnowledgeBase, synonyms: SynonymsConfiguration) -> Page {
        Page(path: SitePlan.indexScript, bytes: BrowserExport.indexScript(for: kb, synonyms: synonyms))
    }

    public func render(_ job: Job) -> Page {
        let plan = context.plan
        switch job {
        case .guide(let i):
            let page = GuidePage(context: context, guide: i).render()
            return Page(path: plan.pages[i], bytes: page.bytes, assets: page.assets)
        case .home:
            let page = HomePage(context: context).render()
            return Page(path: SitePlan.homePage, bytes: page.bytes, assets: page.assets)
        case .questions:
            let page = QuestionsPage(context: context).render()
            return Page(path: SitePlan.questionsPage, bytes: page.bytes, assets: page.assets)
        case .search: return Page(path: SitePlan.searchPage, bytes: UtilityPages(context: context).search())
        case .notFound: return Page(path: SitePlan.notFoundPage, bytes: UtilityPages(context: context).notFound())
        case .sitemap(let base):
            return Page(path: SitePlan.sitemap, bytes: UtilityPages(context: context).sitemap(base: base))
        case .section(let s):
            let section = plan.sectionPages[s]
            return Page(
                path: section.folder + "/index.html",
                bytes: SectionPage(context: context, group: section.group, folder: section.folder).render())
        case .asset(let name): return Page(path: "assets/" + name, bytes: theme[name] ?? [])
        case .searchIndex: return SitePages.searchIndex(for: kb, synonyms: context.synonyms)
        case .searchEngine: return Page(path: SitePlan.engineScript, bytes: BrowserExport.engineScript)
        case .wordVectorScript: return Page(path: SitePlan.wordVectorScript, bytes: BrowserExport.wordVectorScript)
        case .wordVectorPart(let n):
            return Page(path: SitePlan.wordVectorPart(n), bytes: BrowserExport.wordVectorPartScripts[n])
        case .markdown(let i):
            return Page(
                path: plan.markdownCopy(of: i), bytes: MachineReadablePages(context: context).markdownCopy(of: i))
        case .llmsText:
            return Page(path: SitePlan.llmsText, bytes: MachineReadablePages(context: context).llmsText())
        case .redirect(let r):
            return Page(path: plan.redirects[r].page, bytes: RedirectPage(context: context, redirect: r).render())
        }
    }
}
