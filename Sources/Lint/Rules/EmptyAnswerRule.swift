import KnowledgeBase

/// `empty-answer`: a FAQ question followed directly by the next question or the end of the
/// file. Readers and search would land on a question with nothing under it.
public struct EmptyAnswerRule: Rule {
    public static let id = "empty-answer"
    public static let defaultSeverity = Severity.error
    public static let summary = "Every FAQ question needs an answer with some text."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var lines: GuideLines?
        for faq in guide.faqs where !faq.answerText.contains(where: { !$0.isWhitespace }) {
            if lines == nil { lines = GuideLines(guide) }
            findings.append(
                finding(
                    guide, line: faq.line, column: lines!.headingTextColumn(line: faq.line),
                    "question \"\(faq.question)\" has no answer"))
        }
        return findings
    }
}
