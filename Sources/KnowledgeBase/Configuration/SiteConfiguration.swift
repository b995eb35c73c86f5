/// The `site:` section of `kb.yaml`: what `kb build` cannot guess about the published site.
public struct SiteConfiguration: Sendable, Hashable {
    enum Key: String, CaseIterable {
        case title
        case baseURL = "base-url"
        case editURL = "edit-url"
    }

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
            let text = try value.text()
            guard !text.isEmpty else { continue }
            switch key {
            case .title: title = text
            case .baseURL: baseURL = try SiteConfiguration.webAddress(text, at: value)
            case .editURL: editURL = try SiteConfiguration.webAddress(text, at: value)
            }
        }
    }

    /// An `http(s)://` address ending with `/`: anything else (`javascript:`, a relative path)
    /// would end up in every page's links.
    private static func webAddress(_ text: String, at node: ConfigurationNode) throws(ConfigurationError) -> String {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !text.contains(where: { $0 == " " || $0 == "\n" })
        else {
            throw node.error("\(node.quoted) must start with https:// or http:// and hold no spaces")
        }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
