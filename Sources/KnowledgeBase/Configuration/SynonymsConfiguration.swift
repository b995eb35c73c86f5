/// The `synonyms:` section of `kb.yaml`: words this knowledge base's readers use for one
/// another, added by every search index (`faq`'s and the site's) to the ones the tool ships.
///
/// ```yaml
/// synonyms:
///   revoke: [disable, delete]
///   invoice: receipt
/// ```
public struct SynonymsConfiguration: Sendable, Hashable {
    /// Each group is a word followed by its synonyms, groups sorted by that word, so the index
    /// bytes do not depend on the order of the file.
    public var groups: [[String]] = []

    /// More words than this across all groups is refused: a knowledge base has tens, and YAML
    /// aliases could otherwise expand a short file into millions.
    public static let maximumWords = 100_000

    public init(groups: [[String]] = []) {
        self.groups = groups
    }

    /// Reads the section: each key a word, each value a word or a list of words.
    init(reading section: ConfigurationNode) throws(ConfigurationError) {
        var words = 0
        for (word, wordNode, value) in try section.entries("a mapping of a word to a list of words") {
            guard word.contains(where: { !$0.isWhitespace }) else {
                throw wordNode.error("a word in `synonyms` is empty")
            }
            let group = [word] + (try value.texts(allowingOne: true))
            words += group.count
            guard words <= SynonymsConfiguration.maximumWords else {
                throw value.error("more than \(SynonymsConfiguration.maximumWords) words in `synonyms`")
            }
            groups.append(group)
        }
        groups.sort { $0[0] < $1[0] }
    }
}
