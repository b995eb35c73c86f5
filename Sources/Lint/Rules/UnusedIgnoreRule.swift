import KnowledgeBase

/// `unused-ignore`: a `kb-ignore` or `kb-ignore-file` comment that silences nothing, or names a
/// rule that does not exist.
///
/// Suppressions outlive the text they excused: the sentence is rewritten, the comment stays
/// and silently swallows the next real finding on that line. A misspelt rule id silences
/// nothing at all, which its writer cannot see. The linter judges this after the other rules
/// ran (it needs to know what each comment silenced), so `check` finds nothing by itself;
/// the rule exists for its id, severity and summary. A rule the configuration turns off is
/// not run, so a comment naming it is not called unused.
public struct UnusedIgnoreRule: Rule {
    public static let id = "unused-ignore"
    public static let defaultSeverity = Severity.warning
    public static let summary =
        "A kb-ignore comment must silence something and name only existing rules: remove it when the text it excused is gone."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] { [] }

    /// Findings for the comments of `suppressions` given which (comment, rule) pairs silenced a
    /// finding, and which rules ran.
    func findings(
        _ guide: Guide, _ suppressions: Suppressions, used: Set<UsedSuppression>, ran: Set<String>,
        known: Set<String>
    ) -> [Finding] {
        var found: [Finding] = []
        for (index, comment) in suppressions.comments.enumerated() {
            let kind = comment.wholeFile ? "kb-ignore-file" : "kb-ignore"
            if comment.rules.isEmpty {
                if !used.contains(UsedSuppression(comment: index, rule: nil)), ran.count == known.count {
                    found.append(finding(guide, line: comment.line, "\(kind) silences nothing here: remove it"))
                }
                continue
            }
            for rule in comment.rules {
                if !known.contains(rule) {
                    found.append(
                        finding(
                            guide, line: comment.line,
                            "\(kind) names \"\(Self.shown(rule))\", which is not a rule (kb lint --list-rules)"))
                } else if ran.contains(rule), !used.contains(UsedSuppression(comment: index, rule: rule)) {
                    found.append(
                        finding(guide, line: comment.line, "\(kind) \(rule) silences nothing here: remove it"))
                }
            }
        }
        return found
    }

    /// A rule id as written by someone, cut and without control characters, for a message.
    static func shown(_ id: String) -> String {
        String(String.UnicodeScalarView(id.unicodeScalars.prefix(64).filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }
}

/// One comment (by index in `Suppressions.comments`) having silenced a finding of `rule` (nil
/// for a comment that names no rule).
struct UsedSuppression: Hashable {
    var comment: Int
    var rule: String?
}
