import Yams

/// Groups of words that mean the same thing to someone searching: "misplaced my token" should
/// find "I lost my API key".
///
/// A small curated list ships with the tool; a knowledge base adds its own in `kb.yaml` at the
/// guides root:
///
/// ```yaml
/// synonyms:
///   key: [token, credential]
///   sso: [single-sign-on]
/// ```
///
/// Each entry (the key and its list) becomes one group. Words are analysed like any other
/// text, so `credentials` and `credential` are the same entry. Multi-word entries are ignored:
/// groups join single terms.
public struct Synonyms: Sendable, Hashable {
    /// Groups of surface words, before analysis.
    public var groups: [[String]]

    public init(groups: [[String]]) {
        self.groups = groups
    }

    /// The curated list shipped with the tool.
    public static let builtIn = Synonyms(groups: [
        ["key", "token", "credential", "secret", "apikey"],
        ["lose", "misplace", "forget"],
        ["leak", "expose", "compromise", "steal", "hack"],
        ["organization", "organisation", "org"],
        ["bill", "charge", "cost", "price", "pay", "spend", "invoice"],
        ["revoke", "delete", "remove", "disable", "deactivate"],
        ["rotate", "replace", "renew", "regenerate", "roll"],
        ["create", "generate"],
        ["limit", "quota", "cap", "maximum", "max"],
        ["restrict", "lock", "whitelist", "allowlist"],
        ["usage", "consumption"],
        ["store", "keep", "save", "hold"],
        ["dashboard", "console", "portal"],
        ["monitor", "track", "watch"],
        ["show", "display", "view", "see"],
        ["error", "failure", "fail", "problem", "issue"],
        ["downtime", "outage", "interruption"],
        ["share", "reuse"],
        ["browser", "frontend", "client"],
        ["mobile", "phone", "android", "ios"],
        ["rule", "policy", "terms"],
        ["environment", "env"],
        ["repository", "repo"],
        ["directory", "folder"],
        ["extract", "unpack", "decompress", "unzip"],
        ["compress", "zip", "pack"],
        ["search", "find", "locate"],
        ["kill", "terminate", "stop"],
        ["download", "fetch"],
        ["rename", "move"],
        ["exceed", "overrun", "surpass"],
    ])

    /// Reads the `synonyms:` mapping of a `kb.yaml` text; other keys are ignored (the lint
    /// configuration lives in the same file). A value may be a list or a single word.
    public static func parse(kbYAML text: String) throws -> Synonyms {
        guard let root = try Yams.load(yaml: text) as? [String: Any], let table = root["synonyms"]
        else {
            return Synonyms(groups: [])
        }
        guard let mapping = table as? [String: Any] else {
            throw SynonymsError(message: "`synonyms` must map a word to a list of words")
        }
        var groups: [[String]] = []
        for key in mapping.keys.sorted() {
            var group = [key]
            if let list = mapping[key] as? [Any] {
                group += list.map { "\($0)" }
            } else if let single = mapping[key] {
                group.append("\(single)")
            }
            groups.append(group)
        }
        return Synonyms(groups: groups)
    }

    /// Term groups after analysis, single-term entries only, each group sorted and unique.
    public func termGroups(analyzer: Analyzer) -> [[String]] {
        let tokenizer = Tokenizer()
        var result: [[String]] = []
        for group in groups {
            var terms: [String] = []
            for word in group {
                var found: [String] = []
                tokenizer.tokenize(word) { bytes, _, compound in
                    if !compound, let t = analyzer.term(for: String(decoding: bytes, as: UTF8.self)) {
                        found.append(t)
                    }
                }
                if found.count == 1, !terms.contains(found[0]) { terms.append(found[0]) }
            }
            if terms.count > 1 { result.append(terms.sorted()) }
        }
        return result
    }
}

/// A `kb.yaml` whose `synonyms` section has the wrong shape.
public struct SynonymsError: Error, Sendable {
    public var message: String
}
