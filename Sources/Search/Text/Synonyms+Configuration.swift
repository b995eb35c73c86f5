import KnowledgeBase
import SearchIndexReader

extension Synonyms {
    /// The built-in groups followed by a knowledge base's own (`synonyms:` in `kb.yaml`): what
    /// every index it builds (`faq`'s and the site's) searches with.
    public init(builtInAnd configuration: SynonymsConfiguration) {
        self.init(groups: Synonyms.builtIn.groups + configuration.groups)
    }
}
