import Platform
import Yams

/// Everything `kb.yaml` says, read once: a sub-configuration per concern, as swift-format's
/// `Configuration` owns its whole file. Every command reads the file through this type and hands
/// each part to its consumer (`lint` to the linter, `site` to the site builder, `synonyms` to
/// the search index), so no part of the tool parses the file on its own.
///
/// Strict on purpose: an unknown key at any level, a value of the wrong type, an unknown rule
/// id or severity is a `ConfigurationError` naming `kb.yaml:LINE:COL`, and `kb` exits 2. A typo
/// must not silently leave a check off or a synonym out.
public struct Configuration: Sendable, Hashable {
    /// The file name looked for at the guides root.
    public static let fileName = "kb.yaml"
    /// A configuration is a few lines; a larger file is a mistake (or an attack on the parser).
    public static let maximumBytes = 1 << 20

    /// The top-level keys, one per sub-configuration.
    enum Key: String, CaseIterable {
        case lint
        case site
        case synonyms
        case faq
    }

    /// `lint:`, for `kb lint` and the checks before `kb build`.
    public var lint = LintConfiguration()
    /// `site:`, for `kb build` and `kb serve`.
    public var site = SiteConfiguration()
    /// `synonyms:`, added to the built-in ones by every search index (`faq`, the site).
    public var synonyms = SynonymsConfiguration()
    /// `faq:`, carried to `faq` in the search index (it reads no YAML).
    public var faq = FAQConfiguration()

    /// The defaults: what a guides folder without `kb.yaml` gets.
    public init() {}

    /// Reads a YAML text; `path` only names the file in errors. `ruleIDs` are the lint rules
    /// `lint.severities` may name (nil accepts any id, for callers that never lint).
    public init(yaml: String, path: String = Configuration.fileName, ruleIDs: Set<String>?) throws(ConfigurationError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let place = YAMLErrorPlace(error, in: yaml)
            let message = place.repeatedKeys.isEmpty ? "invalid YAML: \(place.problem)" : place.problem
            throw ConfigurationError(path: path, line: place.line, column: place.column, message: message)
        } catch {
            throw ConfigurationError(path: path, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        guard let root else { return }
        let file = ConfigurationNode(node: root, keyPath: "", file: path)
        guard root.mapping != nil || file.isNull else {
            let sections = Key.allCases.map(\.rawValue).joined(separator: ", ")
            throw file.error("expected a mapping of settings at the top (\(sections))")
        }
        for (key, value) in try file.settings(Key.self, "a mapping") {
            switch key {
            case .lint: lint = try LintConfiguration(reading: value, ruleIDs: ruleIDs)
            case .site: site = try SiteConfiguration(reading: value)
            case .synonyms: synonyms = try SynonymsConfiguration(reading: value)
            case .faq: faq = try FAQConfiguration(reading: value)
            }
        }
    }

    /// Reads the file at `path`. A missing file is an error here: `forGuides` is the caller that
    /// treats it as the defaults.
    public init(contentsOf path: String, ruleIDs: Set<String>?) throws(ConfigurationError) {
        let bytes: [UInt8]
        do {
            bytes = try GuideFiles.read(path)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: error.message)
        }
        guard bytes.count <= Configuration.maximumBytes else {
            throw ConfigurationError(
                path: path, line: nil,
                message: "larger than \(Configuration.maximumBytes >> 20) MB; settings are a few lines")
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            let (line, column) = YAMLErrorPlace.position(ofByte: bad, in: bytes)
            throw ConfigurationError(path: path, line: line, column: column, message: "not valid UTF-8")
        }
        try self.init(yaml: String(decoding: bytes, as: UTF8.self), path: path, ruleIDs: ruleIDs)
    }

    /// The configuration of a guides folder: its `kb.yaml` when there is one, else the defaults.
    /// A `kb.yaml` that is a symbolic link out of the folder is refused, as guides are: building
    /// someone's guides must not read files elsewhere.
    public static func forGuides(root: String, ruleIDs: Set<String>?) throws(ConfigurationError) -> Configuration {
        let path = file(inGuides: root)
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return Configuration() }
            throw ConfigurationError(path: path, line: nil, message: "cannot read: \(errnoText())")
        }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            let realRoot = GuideFiles.realPath(root.isEmpty ? "." : root)
            guard let realRoot, let target = GuideFiles.realPath(path),
                target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
            else {
                throw ConfigurationError(
                    path: path, line: nil, message: "a symbolic link out of the guides folder; refusing to read it")
            }
        }
        return try Configuration(contentsOf: path, ruleIDs: ruleIDs)
    }

    /// `kb.yaml` inside `root`, written as the user would (`kb.yaml` for `.`, no doubled `/`).
    public static func file(inGuides root: String) -> String {
        if root.isEmpty || root == "." { return fileName }
        return root.hasSuffix("/") ? root + fileName : root + "/" + fileName
    }
}
