/// One Markdown file of the knowledge base, with everything the other parts of the tool need to
/// read from it, copied out of cmark's tree into plain values so it can cross threads freely.
///
/// A guide keeps its source text: lint rules scan it, and the site and search never need to
/// read the file again.
public struct Guide: Sendable, Codable, Hashable {
    /// Path relative to the guides root, with `/` separators (for example `common/tar.md`).
    public var path: String
    /// The path without its `.md` extension: the guide's identity in links, pages and the index.
    public var slug: String
    /// Front matter `title`, else the first level-1 heading, else the file name.
    public var title: String
    /// The line of the title: the H1's line, or the front matter's `title` key, or nil.
    public var titleLine: Int?
    /// Where the title came from, so lint can tell a missing title from a derived one.
    public var titleSource: TitleSource
    /// Front matter `summary`, else the first paragraph's plain text.
    public var summary: String
    public var tags: [String]
    /// Extra phrases people search with ("replace api key"): weighted as a field of their own.
    public var aliases: [String]
    /// The `reviewed` date as written (`YYYY-MM-DD`), when the front matter has one.
    public var reviewed: String?
    public var owner: String?
    /// Front matter `type` (for example `faq`).
    public var type: String?
    /// Paths the guide was published under before (`redirect-from:`), each of which gets a
    /// page that sends readers here.
    public var redirects: [Redirect]
    /// Number of lines the front matter occupies, delimiters included (0 without front matter).
    public var frontMatterLines: Int
    /// Plain text before the first heading.
    public var leadText: String
    public var sections: [Section]
    public var procedures: [Procedure]
    public var faqs: [FAQEntry]
    public var links: [Link]
    public var codeBlocks: [CodeBlock]
    /// Raw HTML found in the Markdown: the site drops it, lint warns about it.
    public var rawHTML: [RawHTML]
    /// The file's text, BOM removed, line endings as written.
    public var source: String
    /// The body rendered by cmark's safe HTML renderer, headings carrying the model's anchors;
    /// filled only when the parser is asked for HTML.
    public var html: String?

    public enum TitleSource: String, Sendable, Codable, Hashable {
        case frontMatter, heading, fileName
    }

    public init(path: String, source: String) {
        self.path = path
        self.slug = Guide.slug(forPath: path)
        self.title = ""
        self.titleLine = nil
        self.titleSource = .fileName
        self.summary = ""
        self.tags = []
        self.aliases = []
        self.reviewed = nil
        self.owner = nil
        self.type = nil
        self.redirects = []
        self.frontMatterLines = 0
        self.leadText = ""
        self.sections = []
        self.procedures = []
        self.faqs = []
        self.links = []
        self.codeBlocks = []
        self.rawHTML = []
        self.source = source
        self.html = nil
    }

    /// `dir/Name.md` → `dir/Name`.
    public static func slug(forPath path: String) -> String {
        if path.utf8.count > 3, path.hasSuffix(".md") {
            return String(path.dropLast(3))
        }
        return path
    }

    /// Every anchor a link may point at in this guide: section anchors (which include FAQ
    /// questions, since each question is a heading) and the old anchors sections keep.
    public var anchors: Set<String> {
        var all = Set(sections.map(\.anchor))
        for section in sections where !section.oldAnchors.isEmpty { all.formUnion(section.oldAnchors) }
        return all
    }
}
