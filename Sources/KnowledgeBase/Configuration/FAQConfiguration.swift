/// The `faq:` section of `kb.yaml`: how `faq` behaves for this knowledge base.
///
/// ```yaml
/// faq:
///   log-misses: false     # never log questions faq could not answer (see FAQ_NO_LOG)
/// ```
///
/// `faq` links no YAML parser: the setting reaches it through the search index's header,
/// which `kb index` writes and whose key already covers `kb.yaml`.
public struct FAQConfiguration: Sendable, Hashable {
    enum Key: String, CaseIterable {
        case logMisses = "log-misses"
    }

    /// Whether `faq` may append weak answers to the reader's local miss log.
    public var logMisses = true

    public init(logMisses: Bool = true) {
        self.logMisses = logMisses
    }

    init(reading section: ConfigurationNode) throws(ConfigurationError) {
        for (key, value) in try section.settings(Key.self, "a mapping of faq settings") {
            switch key {
            case .logMisses: logMisses = try value.boolean()
            }
        }
    }
}
