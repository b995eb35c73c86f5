import KnowledgeBase

/// `duplicate-question`: the same question asked twice, in one FAQ or across guides. Two
/// entries for one question split the answer and drift apart; search shows both.
///
/// Questions are compared after lowercasing and dropping punctuation and stop words, with
/// simple stems ("How do I rotate my keys?" = "How to rotate a key"). The finding sits at the
/// later occurrence and names the first, so the fix is to merge into the first. `Also asked as:`
/// phrases count as questions: an alias that repeats a question elsewhere sends searchers to two
/// answers just the same.
public struct DuplicateQuestionRule: Rule {
    public static let id = "duplicate-question"
    public static let defaultSeverity = Severity.warning
    public static let summary = "A FAQ question must be asked only once across all guides."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var lines: GuideLines?
        for phrasing in AskedPhrasing.all(in: guide) {
            let key = QuestionKey(phrasing.text)
            guard let first = context.firstQuestions[key], first.path != guide.path || first.line != phrasing.line
            else {
                continue
            }
            if lines == nil { lines = GuideLines(guide) }
            // An alias is pointed at where its words are in the paragraph (which may wrap).
            let place =
                phrasing.isAlias
                ? lines!.locate(phrasing.text, from: phrasing.line) ?? (line: phrasing.line, column: 1)
                : (line: phrasing.line, column: lines!.headingTextColumn(line: phrasing.line))
            let firstPlace = first.path == guide.path ? "line \(first.line)" : first.description
            let what = phrasing.isAlias ? "\"Also asked as\" phrase" : "question"
            findings.append(
                finding(
                    guide, line: place.line, column: place.column,
                    "\(what) \"\(phrasing.text)\" was already asked at \(firstPlace)")
            )
        }
        return findings
    }
}
