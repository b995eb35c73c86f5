import SearchIndexReader
import Yams

/// Reading synonyms from `kb.yaml` needs YAML, so it lives here, beside the index builder, and
/// not in `SearchIndexReader`, which `faq` links without Yams or Foundation.
extension Synonyms {
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
}

/// A `kb.yaml` whose `synonyms` section has the wrong shape.
public struct SynonymsError: Error, Sendable {
    public var message: String
}
