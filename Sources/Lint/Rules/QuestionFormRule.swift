import KnowledgeBase

/// `question-form`: a FAQ entry without a question mark in a FAQ whose other entries mostly
/// have one. Consistent phrasing lets readers scan; a heading such as "Billing" among
/// questions is usually a section that slipped into the FAQ or a question cut short.
public struct QuestionFormRule: Rule {
    public static let id = "question-form"
    public static let defaultSeverity = Severity.warning
    public static let summary = "FAQ questions should end like questions when the FAQ's other questions do."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        guard guide.faqs.count >= 3 else { return [] }
        let asked = guide.faqs.filter { QuestionFormRule.hasQuestionMark($0.question) }
        // "Mostly": more than half, and at least two entries to set the pattern.
        guard asked.count >= 2, asked.count * 2 > guide.faqs.count, asked.count < guide.faqs.count else { return [] }
        var findings: [Finding] = []
        let lines = GuideLines(guide)
        for faq in guide.faqs where !QuestionFormRule.hasQuestionMark(faq.question) {
            findings.append(
                finding(
                    guide, line: faq.line, column: lines.headingTextColumn(line: faq.line),
                    "\"\(faq.question)\" is not phrased as a question, unlike \(asked.count) of the \(guide.faqs.count) in this FAQ"
                ))
        }
        return findings
    }

    static func hasQuestionMark(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0 == "?" || $0 == "\u{FF1F}" || $0 == "\u{061F}" }
    }
}
