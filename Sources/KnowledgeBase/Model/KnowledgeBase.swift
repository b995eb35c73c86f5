/// Every guide below one root, and what could not be loaded.
public struct KnowledgeBase: Sendable {
    /// The guides folder as given.
    public var root: String
    /// Guides sorted by path.
    public var guides: [Guide]
    /// Files that could not be read or parsed in full, with their paths and lines.
    public var problems: [LoadProblem]

    public init(root: String, guides: [Guide], problems: [LoadProblem]) {
        self.root = root
        self.guides = guides
        self.problems = problems
    }

    /// Loads `root`; `renderHTML` and `inlineRuns` as for `GuideParser` (the site needs HTML,
    /// whatever lints needs the runs).
    public static func load(_ root: String, renderHTML: Bool = false, inlineRuns: Bool = false) -> KnowledgeBase {
        GuideLoader(parser: GuideParser(renderHTML: renderHTML, inlineRuns: inlineRuns)).load(root: root)
    }

    /// True when something was not loaded (warnings, such as skipped symlinks, do not count).
    public var hasErrors: Bool {
        problems.contains { $0.severity == .error }
    }

    public var faqCount: Int {
        guides.reduce(0) { $0 + $1.faqs.count }
    }

    /// The guide at `path` (relative to the root), if loaded.
    public func guide(at path: String) -> Guide? {
        guides.first { $0.path == path }
    }
}
