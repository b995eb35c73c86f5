import KnowledgeBase
import Platform

/// Runs every rule over every guide (guides in parallel: they are independent), then applies the
/// configuration's severities and inline suppressions, and sorts findings by file and line.
public struct Linter: Sendable {
    public var rules: [any Rule]
    /// The `lint:` section of `kb.yaml`.
    public var configuration: LintConfiguration
    /// The day `stale-review` measures ages from: today (UTC) unless a test fixes it. Not a
    /// setting of the file: the run's clock.
    public var today: CalendarDay

    public init(
        rules: [any Rule] = Linter.allRules, configuration: LintConfiguration = .default, today: CalendarDay = .today()
    ) {
        self.rules = rules
        self.configuration = configuration
        self.today = today
    }

    /// Every rule the tool ships, in the order `--list-rules` shows them.
    public static let allRules: [any Rule] = [
        RealisticSecretRule(),
        BrokenLinkRule(),
        DuplicateQuestionRule(),
        EmptyAnswerRule(),
        FrontMatterRule(),
        HeadingIncrementRule(),
        InvalidRedirectRule(),
        MissingTitleRule(),
        QuestionFormRule(),
        StaleReviewRule(),
        TerminologyRule(),
        UnsafeHTMLRule(),
    ]

    /// Ids of every shipped rule, for validating configuration.
    public static var allRuleIDs: Set<String> { Set(allRules.map { $0.descriptor.id }) }

    public func lint(_ kb: KnowledgeBase) -> [Finding] {
        let context = LintContext(knowledgeBase: kb, configuration: configuration, today: today)
        let guides = kb.guides
        // Rules the configuration turns off are not run at all.
        let rules = self.rules.filter { !configuration.isDisabled($0.descriptor.id) }
        let results = Parallel.map(guides.count, chunk: 16) { i in
            var found: [Finding] = []
            for rule in rules { found.append(contentsOf: rule.check(guides[i], in: context)) }
            return applyConfiguration(found, in: guides[i])
        }
        var findings: [Finding] = []
        for result in results { findings.append(contentsOf: result) }
        return findings.sorted {
            ($0.path, $0.line, $0.column, $0.ruleID) < ($1.path, $1.line, $1.column, $1.ruleID)
        }
    }

    /// Severity overrides, then `kb-ignore` comments.
    private func applyConfiguration(_ findings: [Finding], in guide: Guide) -> [Finding] {
        guard !findings.isEmpty else { return [] }
        let suppressions = Suppressions(guide)
        return findings.compactMap { finding in
            var finding = finding
            if let override = configuration.severities[finding.ruleID] {
                guard let severity = override else { return nil }
                finding.severity = severity
            }
            if !suppressions.isEmpty, suppressions.silences(finding) { return nil }
            return finding
        }
    }
}
