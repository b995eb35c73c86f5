import KnowledgeBase

/// What every page renderer reads: the plan, the configuration and the link resolver.
public struct SiteContext: Sendable {
    public let plan: SitePlan
    /// The `site:` section of `kb.yaml`.
    public let configuration: SiteConfiguration
    /// The `synonyms:` section of `kb.yaml`, for the search index page.
    public let synonyms: SynonymsConfiguration
    public let resolver: LinkResolver
    /// Above this many guides the sidebar shows only the current group, in a window around the
    /// current page, so that a page's weight does not grow with the size of the site.
    public static let fullSidebarLimit = 150
    /// Groups longer than this are shown in a window of `sidebarWindow` pages.
    public static let groupListLimit = 60
    public static let sidebarWindow = 25

    public init(
        plan: SitePlan, configuration: SiteConfiguration, synonyms: SynonymsConfiguration = SynonymsConfiguration(),
        root: String
    ) {
        self.plan = plan
        self.configuration = configuration
        self.synonyms = synonyms
        self.resolver = LinkResolver(plan: plan, root: root)
    }

    var isLarge: Bool { plan.guides.count > SiteContext.fullSidebarLimit }

    /// A guide's page, root-relative (the root `index.md` is the home page).
    func page(of guide: Int) -> String {
        guide == plan.homeGuide ? SitePlan.homePage : plan.pages[guide]
    }
}
