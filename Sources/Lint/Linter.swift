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
        UnusedIgnoreRule(),
    ]

    /// Ids of every shipped rule, for validating configuration.
    public static var allRuleIDs: Set<String> { Set(allRules.map { $0.descriptor.id }) }

    public func lint(_ kb: KnowledgeBase) -> [Finding] {
        let context = LintContext(knowledgeBase: kb, configuration: configuration, today: today)
        let guides = kb.guides
        // Rules the configuration turns off are not run at all.
        let rules = self.rules.filter { !configuration.isDisabled($0.descriptor.id) }
        let ran = Set(rules.map { $0.descriptor.id })
        let judgesSuppressions = ran.contains(UnusedIgnoreRule.id)
        let results = Parallel.map(guides.count, chunk: 16) { i in
            var found: [Finding] = []
            for rule in rules { found.append(contentsOf: rule.check(guides[i], in: context)) }
            return applyConfiguration(found, in: guides[i], ran: judgesSuppressions ? ran : nil)
        }
        var findings: [Finding] = []
        for result in results { findings.append(contentsOf: result) }
        return findings.sorted {
            ($0.path, $0.line, $0.column, $0.ruleID) < ($1.path, $1.line, $1.column, $1.ruleID)
        }
    }

    /// Severity overrides, then `kb-ignore` comments; with `ran` (the rules that ran, when
    /// `unused-ignore` is one of them), the comments that silenced nothing.
    private func applyConfiguration(_ findings: [Finding], in guide: Guide, ran: Set<String>?) -> [Finding] {
        let suppressions = Suppressions(guide)
        guard !findings.isEmpty || (ran != nil && !suppressions.isEmpty) else { return [] }
        var used: Set<UsedSuppression> = []
        var kept = findings.compactMap { finding -> Finding? in
            var finding = finding
            if let override = configuration.severities[finding.ruleID] {
                guard let severity = override else { return nil }
                finding.severity = severity
            }
            if !suppressions.isEmpty {
                let silencers = suppressions.silencers(of: finding)
                if !silencers.isEmpty {
                    for index in silencers {
                        let named = !suppressions.comments[index].rules.isEmpty
                        used.insert(UsedSuppression(comment: index, rule: named ? finding.ruleID : nil))
                    }
                    return nil
                }
            }
            return finding
        }
        if let ran, !suppressions.isEmpty {
            let unused = UnusedIgnoreRule().findings(
                guide, suppressions, used: used, ran: ran, known: Linter.allRuleIDs)
            for var finding in unused {
                if let override = configuration.severities[finding.ruleID] {
                    guard let severity = override else { continue }
                    finding.severity = severity
                }
                kept.append(finding)
            }
        }
        return kept
    }
}
