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
