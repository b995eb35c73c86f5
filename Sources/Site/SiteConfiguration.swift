import Platform
import Yams

/// The `site:` section of `kb.yaml` at the guides root: what the site cannot guess.
///
/// Other sections (`lint:`, `synonyms:`) belong to other commands; unknown keys are ignored so
/// that a newer `kb.yaml` still builds with an older `kb`.
public struct SiteConfiguration: Sendable, Hashable {
    /// The published address (`https://docs.example.com/keys/`): enables `sitemap.xml` and
    /// canonical links. Always ends with `/`.
    public var baseURL: String?
    /// Prefix that, followed by a guide's path, opens it in an editor
    /// (`https://github.com/org/repo/edit/main/guides/`).
    public var editURL: String?
    /// The site's name, shown in the header and in page titles.
    public var title: String = "Knowledge base"

    public init(baseURL: String? = nil, editURL: String? = nil, title: String = "Knowledge base") {
        self.baseURL = baseURL
        self.editURL = editURL
        self.title = title
    }

    /// Reads `kb.yaml` in `root`; no file means the defaults.
    public static func load(root: String) throws(SiteError) -> SiteConfiguration {
        let path = root + "/kb.yaml"
        guard access(path, F_OK) == 0 else { return SiteConfiguration() }
        guard SiteFiles.isInside(path, root: root) else {
            throw SiteError(message: "\(path): is a symbolic link out of the guides folder; refusing to read it")
        }
        let bytes: [UInt8]
        do {
            bytes = try SiteFiles.read(path)
        } catch {
            throw SiteError(message: "kb.yaml: cannot read: \(error.message)")
        }
        return try parse(yaml: String(decoding: bytes, as: UTF8.self))
    }

    /// Parses the `site:` mapping of a whole `kb.yaml` text.
    public static func parse(yaml: String) throws(SiteError) -> SiteConfiguration {
        var config = SiteConfiguration()
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw SiteError(message: "kb.yaml: invalid YAML: \(error)")
        }
        guard let site = node?.mapping?["site"] else { return config }
        guard let mapping = site.mapping else {
            throw SiteError(message: "kb.yaml: `site` must be a mapping (base-url, edit-url, title)")
        }
        if let title = mapping["title"]?.string, !title.isEmpty { config.title = title }
        if let base = mapping["base-url"]?.string, !base.isEmpty {
            guard isWebURL(base) else {
                throw SiteError(message: "kb.yaml: site.base-url must start with https:// or http://")
            }
            config.baseURL = base.hasSuffix("/") ? base : base + "/"
        }
        if let edit = mapping["edit-url"]?.string, !edit.isEmpty {
            guard isWebURL(edit) else {
                throw SiteError(message: "kb.yaml: site.edit-url must start with https:// or http://")
            }
            config.editURL = edit.hasSuffix("/") ? edit : edit + "/"
        }
        return config
    }

    static func isWebURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://"))
            && !s.contains(where: { $0 == " " || $0 == "\n" })
    }
}

/// Why a build stopped, for a person: names the file (and line) when there is one.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// 2 for usage and I/O problems, 1 for problems in the guides.
    public var exitCode: Int32

    public init(message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
