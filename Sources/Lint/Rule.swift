import KnowledgeBase

/// A consistency check. Each rule lives in its own file under `Rules/`, named after it
/// (`RealisticSecretRule` for `realistic-secret`), as swift-format names its rules.
///
/// Rules see one guide at a time with the whole knowledge base beside it (for cross-guide
/// checks such as broken links), and return findings at their default severity; the linter
/// applies the configuration's severities and suppressions afterwards.
public protocol Rule: Sendable {
    /// Stable id used in output, configuration and `<!-- kb-ignore ID -->` comments.
    static var id: String { get }
    static var defaultSeverity: Severity { get }
    /// One sentence for SARIF's rule help and `kb lint --list-rules`.
    static var summary: String { get }

    /// Findings in `guide`. `context` gives the other guides and the configuration.
    func check(_ guide: Guide, in context: LintContext) -> [Finding]
}

extension Rule {
    /// A finding of this rule at its default severity.
    public func finding(_ guide: Guide, line: Int, column: Int = 1, _ message: String) -> Finding {
        Finding(
            ruleID: Self.id, severity: Self.defaultSeverity, path: guide.path, line: line, column: column,
            message: message)
    }

    /// This rule's id, summary and default severity, for reporters and `--list-rules`.
    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: Self.id, defaultSeverity: Self.defaultSeverity, summary: Self.summary)
    }
}

/// What a reporter needs to know about a rule without running it.
public struct RuleDescriptor: Sendable, Hashable {
    public var id: String
    public var defaultSeverity: Severity
    public var summary: String

    public init(id: String, defaultSeverity: Severity, summary: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }
}

/// What a rule may read besides its guide, computed once per run so that cross-guide rules
/// stay linear in the number of guides.
public struct LintContext: Sendable {
    public var knowledgeBase: KnowledgeBase
    public var configuration: LintConfiguration
    /// The day review ages are measured from.
    public var today: CalendarDay
    /// Each guide's anchors by path, computed once for link checks.
    public var anchorsByPath: [String: Set<String>]
    /// Load problems (such as invalid front matter) by guide path.
    public var problemsByPath: [String: [LoadProblem]]
    /// The first place each question is asked, by normalised question, for duplicate checks.
    public var firstQuestions: [QuestionKey: QuestionLocation]
    /// What the site writes at each page path, lowercased (case-insensitive disks), and the
    /// first guide to claim each redirect page: filled only when some guide has redirects.
    public var redirectTargets: RedirectTargets

    public init(knowledgeBase: KnowledgeBase, configuration: LintConfiguration, today: CalendarDay = .today()) {
        self.knowledgeBase = knowledgeBase
        self.configuration = configuration
        self.today = today
        var anchors: [String: Set<String>] = [:]
        var firstQuestions: [QuestionKey: QuestionLocation] = [:]
        for g in knowledgeBase.guides {
            anchors[g.path] = g.anchors
            for phrasing in AskedPhrasing.all(in: g) {
                let key = QuestionKey(phrasing.text)
                if !key.isEmpty, firstQuestions[key] == nil {
                    firstQuestions[key] = QuestionLocation(path: g.path, line: phrasing.line)
                }
            }
        }
        self.anchorsByPath = anchors
        self.firstQuestions = firstQuestions
        self.problemsByPath = Dictionary(grouping: knowledgeBase.problems, by: \.path)
        self.redirectTargets = RedirectTargets(knowledgeBase.guides)
    }
}

/// The pages a build writes and the redirects guides ask for, keyed by lowercased path, so
/// `invalid-redirect` can name what an old path would overwrite.
public struct RedirectTargets: Sendable {
    /// Page → what it is (`the page of common/tar.md`, `the search page`).
    public var pages: [String: String] = [:]
    /// Redirect page → where it is first asked for.
    public var firstClaims: [String: QuestionLocation] = [:]

    init(_ guides: [Guide]) {
        guard guides.contains(where: { !$0.redirects.isEmpty }) else { return }
        for generated in PublishedPaths.generatedPages { pages[generated.page] = generated.what }
        for g in guides {
            let page = g.path == "index.md" ? PublishedPaths.homePage : PublishedPaths.page(forGuideSlug: g.slug)
            pages[page.lowercased()] = "the page of \(g.path)"
            // A top-level folder without an index.md gets a generated section page.
            if let slash = g.path.firstIndex(of: "/") {
                let section = (g.path[..<slash] + "/" + PublishedPaths.homePage).lowercased()
                if pages[section] == nil { pages[section] = "the section page of \(g.path[..<slash])/" }
            }
        }
        for g in guides {
            for r in g.redirects {
                guard let page = r.page?.lowercased(), firstClaims[page] == nil else { continue }
                firstClaims[page] = QuestionLocation(path: g.path, line: r.line)
            }
        }
    }
}

/// Where a FAQ question is asked.
public struct QuestionLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int

    public var description: String { "\(path):\(line)" }
}

/// One way a guide asks a question: a FAQ question, or one of the `Also asked as:` phrases of a
/// FAQ entry or a section. Duplicate detection compares all of them, so an alias that repeats
/// another question (or another alias) is found like a repeated question.
public struct AskedPhrasing: Sendable, Hashable {
    public var text: String
    /// The question's heading line, or the line of the `Also asked as:` paragraph.
    public var line: Int
    public var isAlias: Bool

    /// In guide order: each FAQ question followed by its aliases, then the sections' aliases.
    public static func all(in guide: Guide) -> [AskedPhrasing] {
        var out: [AskedPhrasing] = []
        var faqAnchors: Set<String> = []
        for faq in guide.faqs {
            faqAnchors.insert(faq.anchor)
            out.append(AskedPhrasing(text: faq.question, line: faq.line, isAlias: false))
            for alias in faq.aliases {
                out.append(AskedPhrasing(text: alias, line: faq.aliasesLine ?? faq.line, isAlias: true))
            }
        }
        for section in guide.sections where !section.aliases.isEmpty && !faqAnchors.contains(section.anchor) {
            for alias in section.aliases {
                out.append(AskedPhrasing(text: alias, line: section.aliasesLine ?? section.line, isAlias: true))
            }
        }
        return out
    }
}
