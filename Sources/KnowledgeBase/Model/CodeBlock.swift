/// A fenced or indented code block.
public struct CodeBlock: Sendable, Codable, Hashable {
    /// The info string's first word (`bash`, `swift`), empty when there is none.
    public var language: String
    public var code: String
    /// 1-based line where the block starts (the fence, or the first indented line).
    public var line: Int
    public var isFenced: Bool

    public init(language: String, code: String, line: Int, isFenced: Bool) {
        self.language = language
        self.code = code
        self.line = line
        self.isFenced = isFenced
    }
}

/// Raw HTML in a guide: a block or an inline tag.
public struct RawHTML: Sendable, Codable, Hashable {
    public var html: String
    public var line: Int
    public var isBlock: Bool

    public init(html: String, line: Int, isBlock: Bool) {
        self.html = html
        self.line = line
        self.isBlock = isBlock
    }
}
