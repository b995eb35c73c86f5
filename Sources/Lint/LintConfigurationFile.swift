import Platform
import Yams

/// Reading the `lint:` part of `kb.yaml`.
///
/// Strict on purpose: an unknown key, rule id or severity under `lint:` is an error with its
/// line, because a typo there would otherwise silently leave a check on or off. Other top-level
/// keys (`synonyms:` for search) belong to other parts of the tool and are ignored here.
extension LintConfiguration {
    /// The file name looked for at the guides root.
    public static let fileName = "kb.yaml"

    /// Reads `path`. A missing file is an error here: callers decide whether one is optional.
    public static func load(path: String, knownRuleIDs: Set<String>? = nil) throws(ConfigurationError)
        -> LintConfiguration
    {
        let bytes: [UInt8]
        do {
            bytes = try ConfigurationFileReader.read(path)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: error.message)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(path: path, line: nil, message: "not valid UTF-8")
        }
        return try parse(yaml: text, path: path, knownRuleIDs: knownRuleIDs)
    }

    /// Parses YAML text; `path` only names the file in errors.
    public static func parse(yaml: String, path: String = fileName, knownRuleIDs: Set<String>? = nil)
        throws(ConfigurationError) -> LintConfiguration
    {
        var configuration = LintConfiguration()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw configurationError(error, path: path)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: "invalid YAML: \(error)")
        }
        guard let root else { return configuration }
        guard let top = root.mapping else {
            throw ConfigurationError(
                path: path, line: root.mark?.line, message: "expected a mapping of keys at the top")
        }
        guard let lint = top["lint"] else { return configuration }
        guard let settings = lint.mapping else {
            throw ConfigurationError(path: path, line: lint.mark?.line, message: "`lint` must be a mapping of settings")
        }
        func fail(_ node: Node, _ message: String) -> ConfigurationError {
            ConfigurationError(path: path, line: node.mark?.line, message: message)
        }
        for (keyNode, value) in settings {
            let key = keyNode.string ?? ""
            switch key {
            case "severities":
                guard let map = value.mapping else {
                    throw fail(value, "`lint.severities` must map rule ids to error, warning or off")
                }
                for (ruleNode, levelNode) in map {
                    let rule = ruleNode.string ?? ""
                    if let knownRuleIDs, !knownRuleIDs.contains(rule) {
                        throw fail(ruleNode, "unknown rule `\(rule)` in `lint.severities` (see `kb lint --list-rules`)")
                    }
                    switch levelNode.string?.lowercased() {
                    case "error": configuration.severities[rule] = .some(.error)
                    case "warning", "warn": configuration.severities[rule] = .some(.warning)
                    // YAML 1.1 reads a bare `off` as false; Yams keeps the text, but accept both.
                    case "off", "false", "none": configuration.severities[rule] = .some(nil)
                    default:
                        throw fail(levelNode, "severity of `\(rule)` must be error, warning or off")
                    }
                }
            case "terms":
                guard let map = value.mapping else {
                    throw fail(value, "`lint.terms` must map terms to avoid to what to write instead")
                }
                for (termNode, replacementNode) in map {
                    guard let term = termNode.string, !term.isEmpty, term.contains(where: { !$0.isWhitespace }) else {
                        throw fail(termNode, "a term in `lint.terms` is empty")
                    }
                    guard let replacement = replacementNode.scalar?.string else {
                        throw fail(replacementNode, "the replacement for `\(term)` must be text")
                    }
                    configuration.terms[term] = replacement
                }
            case "review-max-age-days":
                guard let days = value.int, days > 0 else {
                    throw fail(value, "`lint.review-max-age-days` must be a whole number of days above 0")
                }
                configuration.reviewMaxAgeDays = days
            case "allowed-placeholders":
                guard let list = value.sequence else {
                    throw fail(value, "`lint.allowed-placeholders` must be a list of strings")
                }
                for item in list {
                    guard let s = item.scalar?.string, !s.isEmpty else {
                        throw fail(item, "`lint.allowed-placeholders` must hold non-empty strings")
                    }
                    configuration.allowedPlaceholders.append(s)
                }
            default:
                throw fail(
                    keyNode,
                    "unknown setting `lint.\(key)` (known: severities, terms, review-max-age-days, allowed-placeholders)"
                )
            }
        }
        return configuration
    }

    private static func configurationError(_ error: YamlError, path: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigurationError(path: path, line: mark.line, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigurationError(
                path: path, line: context.mark.line, message: "repeated keys: \(duplicates.joined(separator: ", "))")
        default:
            return ConfigurationError(path: path, line: nil, message: "invalid YAML: \(error)")
        }
    }
}

/// Reads a configuration file whole, with its failure as text.
enum ConfigurationFileReader {
    struct Failure: Error { var message: String }

    static func read(_ path: String) throws(Failure) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw Failure(message: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 { throw Failure(message: "cannot read: \(String(cString: strerror(errno)))") }
                break
            }
            if bytes.count > 1 << 20 { throw Failure(message: "larger than 1 MB; a configuration is a few lines") }
        }
        return bytes
    }
}

extension LintConfiguration {
    /// The configuration for a guides folder: its `kb.yaml` when there is one, else defaults.
    /// Shared by `kb lint` and `kb build`, so the site is gated by the same settings CI uses.
    public static func forGuides(root: String) throws(ConfigurationError) -> LintConfiguration {
        let file = root.hasSuffix("/") ? root + fileName : root + "/" + fileName
        var st = stat()
        guard stat(file, &st) == 0 else { return LintConfiguration() }
        return try load(path: file, knownRuleIDs: Linter.allRuleIDs)
    }
}
