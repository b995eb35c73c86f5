import KnowledgeBase
import Search

/// Where everything goes: each guide's page, the navigation groups and reading order, and the
/// pages the site generates itself. Computed once, before any page is rendered, so that every
/// page links to the others the same way and output-path collisions are caught up front.
public struct SitePlan: Sendable {
    /// A sidebar group: a top-level folder, or (for a flat knowledge base) a tag.
    public struct Group: Sendable {
        /// The HTML id of the group on the home page (`group-common`).
        public var id: String
        public var title: String
        /// The group's own page (`common/index.html`), or the home page's group heading.
        public var landing: String
        /// Guide indices in reading order.
        public var members: [Int]
        /// The top-level folder this group stands for, when grouped by folder.
        public var folder: String?
    }

    public let guides: [Guide]
    /// Output page of each guide, root-relative (`common/tar.html`).
    public let pages: [String]
    /// Each guide's anchors, for checking link fragments.
    public let anchors: [Set<String>]
    public let groups: [Group]
    /// Group index of each guide.
    public let groupOf: [Int]
    /// All guides in reading order (groups in order, members in order): prev/next follow it.
    public let order: [Int]
    public let positionInOrder: [Int]
    /// Each guide's index within its group's members.
    let positionInGroup: [Int]
    /// Guide index by its path relative to the root (`common/tar.md`).
    public let guideByPath: [String: Int]
    /// Top-level folders that get a generated section page (`common/index.html`).
    public let sectionPages: [(folder: String, group: Int)]
    /// The guide at the root's `index.md`, shown on the home page.
    public let homeGuide: Int?
    /// Each guide's title, HTML-escaped once, and its page as it stands in an href (the root
    /// `index.md` is the home page): every page's sidebar and pager repeat them.
    let escapedTitles: [[UInt8]]
    let encodedPages: [[UInt8]]
    /// Questions across all guides; the questions page is linked from the sidebar only when
    /// there are some.
    public let questionCount: Int
    /// Each group's landing page as it stands in an href.
    let encodedLandings: [[UInt8]]
    /// The old paths guides ask to keep (`redirect-from:`), each a page leading to its guide;
    /// paths outside the root are left out (lint reports them).
    public let redirects: [(page: String, guide: Int, from: String)]
    /// The site ships the word-vector table and its script (`BrowserExport.usesWordVectors`):
    /// the search fuses the query's meaning in when the index holds vectors, and a site that
    /// holds none (all whole guides, as tldr) gets none of those 13 MB.
    public let wordVectors: Bool

    public static let homePage = PublishedPaths.homePage
    public static let searchPage = PublishedPaths.searchPage
    public static let questionsPage = PublishedPaths.questionsPage
    public static let notFoundPage = PublishedPaths.notFoundPage
    public static let sitemap = "sitemap.xml"
    public static let indexScript = "search-index.js"
    public static let engineScript = "search-engine.js"
    /// The query embedder (`BrowserExport.wordVectorScript`) and the table's parts beside it,
    /// all in one folder. `site.js` loads them by these paths.
    public static let wordVectorScript = "assets/wordllama/wordllama.js"
    public static func wordVectorPart(_ number: Int) -> String { "assets/wordllama/part-\(number).js" }
    public static let marker = ".kb-site"
    /// The index for language models (https://llmstxt.org): title, summary, every guide.
    public static let llmsText = "llms.txt"

    /// A guide's Markdown copy, beside its page (`common/tar.md`; the home guide's `index.md`).
    public func markdownCopy(of guide: Int) -> String {
        guide == homeGuide ? "index.md" : guides[guide].slug + ".md"
    }

    public init(guides: [Guide]) {
        self.guides = guides
        var pages: [String] = []
        var byPath: [String: Int] = [:]
        var homeGuide: Int?
        // By index, not `for g in guides`: that copies each Guide, a retain per field.
        for i in guides.indices {
            pages.append(PublishedPaths.page(forGuideSlug: guides[i].slug))
            byPath[guides[i].path] = i
            if guides[i].path == "index.md" { homeGuide = i }
        }
        self.pages = pages
        self.guideByPath = byPath
        var redirects: [(page: String, guide: Int, from: String)] = []
        for i in guides.indices where !guides[i].redirects.isEmpty {
            for r in guides[i].redirects {
                if let page = r.page { redirects.append((page, i, r.from)) }
            }
        }
        self.redirects = redirects
        self.wordVectors = BrowserExport.usesWordVectors(guides)
        self.homeGuide = homeGuide
        self.anchors = guides.map(\.anchors)
        self.questionCount = guides.reduce(0) { $0 + $1.faqs.count }
        self.escapedTitles = guides.indices.map { i in
            var buffer = HTMLBuffer(capacity: guides[i].title.utf8.count + 8)
            buffer.text(SitePlan.navigationTitle(guides[i], isHome: i == homeGuide))
            return buffer.bytes
        }
        self.encodedPages = pages.indices.map { i in
            var buffer = HTMLBuffer(capacity: pages[i].utf8.count + 8)
            buffer.text(URLPath.encode(i == homeGuide ? SitePlan.homePage : pages[i]))
            return buffer.bytes
        }

        // Folders when there are any, else the first tag: both give readers a handful of
        // headings instead of one long list.
        let foldered = guides.contains { $0.path.contains("/") }
        var groupIndex: [String: Int] = [:]
        var groups: [Group] = []
        var groupOf = [Int](repeating: 0, count: guides.count)
        for i in guides.indices {
            let path = guides[i].path
            let key: String
            var folder: String?
            if foldered {
                if let slash = path.firstIndex(of: "/") {
                    key = String(path[..<slash])
                    folder = key
                } else {
                    key = ""
                }
            } else {
                key = guides[i].tags.first ?? ""
            }
            let index: Int
            if let existing = groupIndex[key] {
                index = existing
            } else {
                index = groups.count
                groupIndex[key] = index
                let title = key.isEmpty ? "Guides" : SitePlan.displayName(key)
                groups.append(
                    Group(
                        id: "group-" + SitePlan.idPart(key.isEmpty ? "guides" : key), title: title,
                        landing: "", members: [], folder: folder))
            }
            groups[index].members.append(i)
            groupOf[i] = index
        }
        // Root-level guides first, then the largest groups.
        let sortedGroups = groups.indices.sorted { a, b in
            let rootA = groups[a].folder == nil && foldered
            let rootB = groups[b].folder == nil && foldered
            if rootA != rootB { return rootA }
            if groups[a].members.count != groups[b].members.count {
                return groups[a].members.count > groups[b].members.count
            }
            return groups[a].title.lowercased() < groups[b].title.lowercased()
        }
        // Sort keys computed once: comparing lowercased Strings inside the sort would allocate
        // two strings per comparison, a million times for a large folder.
        let sortKeys = guides.map { Array($0.title.lowercased().utf8) }
        let isIndex = guides.map { SitePlan.isFolderIndex($0.path) }
        var remap = [Int](repeating: 0, count: groups.count)
        var ordered: [Group] = []
        for (newIndex, old) in sortedGroups.enumerated() {
            remap[old] = newIndex
            var group = groups[old]
            group.members.sort { a, b in
                // A folder's index.md leads its folder; then titles as a reader scans them, and
                // the path (the guides' own order) between equal titles.
                if isIndex[a] != isIndex[b] { return isIndex[a] }
                if sortKeys[a] != sortKeys[b] { return sortKeys[a].lexicographicallyPrecedes(sortKeys[b]) }
                return a < b
            }
            ordered.append(group)
        }
        for i in groupOf.indices { groupOf[i] = remap[groupOf[i]] }

        var sections: [(folder: String, group: Int)] = []
        for (g, group) in ordered.enumerated() {
            if let folder = group.folder {
                if let idx = byPath[folder + "/index.md"] {
                    ordered[g].landing = pages[idx]
                } else {
                    ordered[g].landing = folder + "/index.html"
                    sections.append((folder, g))
                }
            } else {
                ordered[g].landing = SitePlan.homePage + "#" + group.id
            }
        }
        self.groups = ordered
        self.encodedLandings = ordered.map { group in
            var buffer = HTMLBuffer(capacity: 64)
            let parts = group.landing.split(separator: "#", maxSplits: 1).map(String.init)
            buffer.text(URLPath.encode(parts[0]) + (parts.count > 1 ? "#" + URLPath.encodeFragment(parts[1]) : ""))
            return buffer.bytes
        }
        self.groupOf = groupOf
        self.sectionPages = sections
        var order: [Int] = []
        order.reserveCapacity(guides.count)
        for group in ordered { order.append(contentsOf: group.members) }
        self.order = order
        var position = [Int](repeating: 0, count: guides.count)
        for (p, i) in order.enumerated() { position[i] = p }
        self.positionInOrder = position
        var inGroup = [Int](repeating: 0, count: guides.count)
        for group in ordered {
            for (p, i) in group.members.enumerated() { inGroup[i] = p }
        }
        self.positionInGroup = inGroup
    }

    /// Every file the site will write besides copied images, with what it is, for collision
    /// checks: each guide's page and the generated pages.
    public func plannedOutputs(withSitemap: Bool) -> [(path: String, what: String)] {
        var out: [(String, String)] = []
        for (i, page) in pages.enumerated() where i != homeGuide {
            out.append((page, guides[i].path))
        }
        out.append((SitePlan.homePage, homeGuide.map { guides[$0].path + " (the home page)" } ?? "the home page"))
        out.append((SitePlan.searchPage, "the search page"))
        out.append((SitePlan.questionsPage, "the all-questions page"))
        out.append((SitePlan.notFoundPage, "the not-found page"))
        out.append((SitePlan.indexScript, "the search index"))
        out.append((SitePlan.engineScript, "the search engine"))
        if wordVectors {
            out.append((SitePlan.wordVectorScript, "the search's query embedder"))
            for n in 0..<BrowserExport.wordVectorPartCount {
                out.append((SitePlan.wordVectorPart(n), "the search's word vectors"))
            }
        }
        if withSitemap { out.append((SitePlan.sitemap, "the sitemap")) }
        out.append((SitePlan.llmsText, "llms.txt"))
        for i in guides.indices { out.append((markdownCopy(of: i), "the Markdown copy of \(guides[i].path)")) }
        for asset in ThemeAssets.names { out.append(("assets/" + asset, "the theme")) }
        for section in sectionPages {
            out.append((section.folder + "/index.html", "the section page for \(section.folder)/"))
        }
        for r in redirects {
            out.append((r.page, "the redirect from \(r.from) (in \(guides[r.guide].path))"))
        }
        return out
    }

    /// Finds two outputs that would land on the same file, also on a case-insensitive disk.
    public static func collisions(_ outputs: [(path: String, what: String)]) -> [String] {
        var seen: [String: (path: String, what: String)] = [:]
        var problems: [String] = []
        for output in outputs {
            let key = output.path.lowercased()
            if let first = seen[key] {
                let same =
                    first.path == output.path
                    ? output.path : "\(first.path) and \(output.path) (names differing only in case)"
                problems.append("\(first.what) and \(output.what) would both be written to \(same); rename one of them")
            } else {
                seen[key] = output
            }
        }
        return problems
    }

    /// The title a guide shows in navigation: a root `index.md` without a title of its own is
    /// "Overview" rather than "index".
    static func navigationTitle(_ guide: Guide, isHome: Bool) -> String {
        isHome && guide.titleSource == .fileName ? "Overview" : guide.title
    }

    /// `index.md` or `folder/index.md`, but not `git-update-index.md`.
    static func isFolderIndex(_ path: String) -> Bool {
        path == "index.md" || path.hasSuffix("/index.md")
    }

    /// `getting-started` → `Getting started`; `faq` → `FAQ`.
    static func displayName(_ key: String) -> String {
        if key.count <= 3 && key.allSatisfy({ $0.isLetter }) { return key.uppercased() }
        let spaced = key.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// A name made safe for an HTML id: letters, digits and hyphens.
    static func idPart(_ s: String) -> String {
        var out = ""
        for scalar in s.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out.append("-")
            }
        }
        return out.isEmpty ? "x" : out
    }
}
