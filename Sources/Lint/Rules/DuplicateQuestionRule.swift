import KnowledgeBase

/// `duplicate-question`: the same question asked twice, in one FAQ or across guides. Two
/// entries for one question split the answer and drift apart; search shows both.
///
/// Questions are compared after lowercasing and dropping punctuation and stop words, with
/// simple stems ("How do I rotate my keys?" = "How to rotate a key"). The finding sits at the
/// later occurrence and names the first, so the fix is to merge into the first.
public struct DuplicateQuestionRule: Rule {
    public static let id = "duplicate-question"
    public static let defaultSeverity = Severity.warning
    public static let summary = "A FAQ question must be asked only once across all guides."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var lines: GuideLines?
        for faq in guide.faqs {
            let key = QuestionKey(faq.question)
            guard let first = context.firstQuestions[key], first.path != guide.path || first.line != faq.line else {
                continue
            }
            if lines == nil { lines = GuideLines(guide) }
            let column = lines!.headingTextColumn(line: faq.line)
            let place = first.path == guide.path ? "line \(first.line)" : first.description
            findings.append(
                finding(
                    guide, line: faq.line, column: column, "question \"\(faq.question)\" was already asked at \(place)")
            )
        }
        return findings
    }
}
