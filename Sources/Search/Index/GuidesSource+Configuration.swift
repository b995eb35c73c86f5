import KnowledgeBase
import SearchIndexReader

extension GuidesSource {
    /// The settings of the guides an index is built from: the folder's `kb.yaml` (defaults
    /// without one), or the `kb.yaml` built in beside the built-in guides. `ruleIDs` as for
    /// `Configuration(yaml:path:ruleIDs:)`: a bad `kb.yaml` fails every command alike.
    public func configuration(ruleIDs: Set<String>?) throws(ConfigurationError) -> Configuration {
        switch self {
        case .folder(let root):
            return try Configuration.forGuides(root: root, ruleIDs: ruleIDs)
        case .builtIn:
            guard let file = DefaultGuides.files.first(where: { $0.path == Configuration.fileName }) else {
                return Configuration()
            }
            return try Configuration(
                yaml: file.text, path: "(built-in guides)/" + Configuration.fileName, ruleIDs: ruleIDs)
        }
    }
}
