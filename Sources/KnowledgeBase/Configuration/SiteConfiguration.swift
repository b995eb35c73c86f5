/// The `site:` section of `kb.yaml`: what `kb build` cannot guess about the published site.
public struct SiteConfiguration: Sendable, Hashable {
    enum Key: String, CaseIterable {
        case title
        case baseURL = "base-url"
        case editURL = "edit-url"
        case logo
        case headerLinks = "header-links"
        case footer
    }

    /// A link in the header (`header-links: [{title: Status, url: https://status.example.com}]`).
    public struct HeaderLink: Sendable, Hashable {
        public var title: String
        /// `https://`, `http://` or `mailto:`, or a path inside the site (`questions.html`).
        public var url: String

        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }

        enum Key: String, CaseIterable {
            case title, url
        }
    }

    /// Branding: a logo beside the title in the header (an image file in the guides folder,
    /// relative to it), links in the header, and a line of text at the foot of every page.
    /// All of it is text on the page (escaped), and every URL is checked here.
    public var logo: String?
    public var headerLinks: [HeaderLink] = []
    public var footer: String?
    /// Header links beyond this are refused: a header holds a handful.
    public static let maximumHeaderLinks = 8
    /// A footer is a line or two.
    public static let maximumFooterCharacters = 500

    /// The published address (`https://docs.example.com/keys/`): enables `sitemap.xml` and
    /// canonical links. Always ends with `/`.
    public var baseURL: String?
    /// Prefix that, followed by a guide's path, opens it in an editor
    /// (`https://github.com/org/repo/edit/main/guides/`). Always ends with `/`.
    public var editURL: String?
    /// The site's name, shown in the header and in page titles.
    public var title: String = "Knowledge base"

    public init(baseURL: String? = nil, editURL: String? = nil, title: String = "Knowledge base") {
        self.baseURL = baseURL
        self.editURL = editURL
        self.title = title
    }

    /// Reads the section. An empty title or address leaves the default.
    init(reading section: ConfigurationNode) throws(ConfigurationError) {
        for (key, value) in try section.settings(Key.self, "a mapping of site settings") {
            if key == .headerLinks {
                headerLinks = try SiteConfiguration.headerLinks(value)
                continue
            }
            let text = try value.text()
            guard !text.isEmpty else { continue }
            switch key {
            case .title: title = text
            case .baseURL: baseURL = try SiteConfiguration.webAddress(text, at: value)
            case .editURL: editURL = try SiteConfiguration.webAddress(text, at: value)
            case .logo: logo = try SiteConfiguration.pathInGuides(text, at: value)
            case .footer:
                guard text.count <= SiteConfiguration.maximumFooterCharacters else {
                    throw value.error(
                        "\(value.quoted) is longer than \(SiteConfiguration.maximumFooterCharacters) characters")
                }
                footer = text
            case .headerLinks: break  // read above: a list, not text
            }
        }
    }

    /// Reads a key whose value may be a list (not text): everything else goes through `text()`.
    private static func headerLinks(_ node: ConfigurationNode) throws(ConfigurationError) -> [HeaderLink] {
        guard let list = node.node.sequence else {
            throw node.error("\(node.quoted) must be a list of {title, url} mappings")
        }
        guard list.count <= maximumHeaderLinks else {
            throw node.error("\(node.quoted) has more than \(maximumHeaderLinks) links")
        }
        var links: [HeaderLink] = []
        for item in list {
            let entry = ConfigurationNode(node: item, keyPath: node.keyPath, file: node.file)
            var title: String?
            var url: String?
            for (key, value) in try entry.settings(HeaderLink.Key.self, "a mapping of title and url") {
                switch key {
                case .title: title = try value.nonEmptyText()
                case .url: url = try linkAddress(try value.nonEmptyText(), at: value)
                }
            }
            guard let title, let url else { throw entry.error("each of \(node.quoted) needs a title and a url") }
            links.append(HeaderLink(title: title, url: url))
        }
        return links
    }

    /// A header link's address: a web or mail address, or a path inside the site. Anything
    /// else (`javascript:`, `data:`, `//host`) is refused rather than dropped in silence.
    private static func linkAddress(_ text: String, at node: ConfigurationNode) throws(ConfigurationError) -> String {
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:"), !text.contains(where: { $0 == " " || $0 == "\n" }) { return text }
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            return try webAddress(text, at: node, slash: false)
        }
        if !text.contains(":"), !text.hasPrefix("//"), !text.hasPrefix("/"), PublishedPaths.staysInside(text) {
            return text
        }
        throw node.error(
            "\(node.quoted) must be an https://, http:// or mailto: address or a path inside the site, not `\(text)`")
    }

    /// A file path relative to the guides folder that stays inside it (checked again, with the
    /// file itself, when the site is built).
    private static func pathInGuides(_ text: String, at node: ConfigurationNode) throws(ConfigurationError) -> String {
        guard !text.contains(":"), !text.hasPrefix("/"), PublishedPaths.staysInside(text),
            !text.split(separator: "/").contains(where: { $0.hasPrefix(".") })
        else {
            throw node.error("\(node.quoted) must be a path inside the guides folder, such as images/logo.svg")
        }
        return text
    }

    /// An `http(s)://` address ending with `/`: anything else (`javascript:`, a relative path)
    /// would end up in every page's links.
    private static func webAddress(_ text: String, at node: ConfigurationNode, slash: Bool = true)
        throws(ConfigurationError) -> String
    {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !text.contains(where: { $0 == " " || $0 == "\n" })
        else {
            throw node.error("\(node.quoted) must start with https:// or http:// and hold no spaces")
        }
        return text.hasSuffix("/") || !slash ? text : text + "/"
    }
}
