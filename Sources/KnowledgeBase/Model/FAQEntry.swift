/// A question and its answer.
///
/// Two shapes are recognised, as real documentation uses both: a page that is a FAQ (each
/// heading one level below the title is a question), and a "FAQ" section inside any guide
/// (each of its sub-headings is a question). An answer runs to the next heading of the same or
/// a higher level.
public struct FAQEntry: Sendable, Codable, Hashable {
    /// The question heading as plain text; it need not end with "?".
    public var question: String
    /// The answer's Markdown source.
    public var answer: String
    /// The answer rendered by cmark's safe HTML renderer.
    public var answerHTML: String
    /// The answer's plain text, for search and duplicate detection.
    public var answerText: String
    public var anchor: String
    /// 1-based line of the question heading.
    public var line: Int
    public var level: Int
    /// The guide's tags: questions inherit them.
    public var tags: [String]
    /// The same question in other words, from an `Also asked as:` paragraph right under the
    /// question (see `AlsoAskedAs`): searched like the question, checked for duplicates like
    /// it, and not part of the answer.
    public var aliases: [String]
    /// The line of that paragraph, when there is one.
    public var aliasesLine: Int?

    public init(
        question: String, answer: String, answerHTML: String, answerText: String,
        anchor: String, line: Int, level: Int, tags: [String], aliases: [String] = [], aliasesLine: Int? = nil
    ) {
        self.aliases = aliases
        self.aliasesLine = aliasesLine
        self.question = question
        self.answer = answer
        self.answerHTML = answerHTML
        self.answerText = answerText
        self.anchor = anchor
        self.line = line
        self.level = level
        self.tags = tags
    }
}
