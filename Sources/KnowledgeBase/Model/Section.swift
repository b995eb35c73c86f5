/// A heading and the content that follows it up to the next heading.
public struct Section: Sendable, Codable, Hashable {
    /// The heading as plain text, without a trailing `{#custom-id}`.
    public var heading: String
    public var level: Int
    /// GitHub-style slug, de-duplicated within the guide (`-1`, `-2`, …) unless a `{#id}`
    /// override gives it explicitly.
    public var anchor: String
    /// Anchors the heading had before it was renamed (`{#new-id #old-id}`): the page keeps
    /// them as ids too, so old deep links still land on the section.
    public var oldAnchors: [String] = []
    /// 1-based line of the heading in the file.
    public var line: Int
    /// Markdown source of the section's content, up to the next heading of any level.
    public var body: String
    /// Plain text of that content, for search.
    public var text: String
    /// Other ways people ask for this section, from an `Also asked as:` paragraph right under
    /// the heading (see `AlsoAskedAs`); that paragraph is not part of `body` or `text`.
    public var aliases: [String]
    /// The line of that paragraph, when there is one.
    public var aliasesLine: Int?

    public init(
        heading: String, level: Int, anchor: String, line: Int, body: String, text: String,
        aliases: [String] = [], aliasesLine: Int? = nil
    ) {
        self.heading = heading
        self.level = level
        self.anchor = anchor
        self.line = line
        self.body = body
        self.text = text
        self.aliases = aliases
        self.aliasesLine = aliasesLine
    }
}
