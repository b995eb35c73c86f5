import Yams

/// One value of `kb.yaml` with its place in the file, so that every error names the key or
/// value at fault by line and column.
///
/// The settings are read from Yams's node tree (libyaml parsed the file once into it) rather
/// than decoded with `YAMLDecoder`: Codable's errors carry a coding path but no position, and a
/// keyed container cannot say which keys it left unread, while here a misspelt key must be an
/// error that points at it. Each sub-configuration reads its own section with these accessors,
/// as swift-format's sub-configurations decode their own keys.
struct ConfigurationNode {
    var node: Node
    /// The dotted path of this value (`lint.severities`), for messages; empty for the file.
    var keyPath: String
    /// The file, for errors.
    var file: String

    func error(_ message: String) -> ConfigurationError {
        ConfigurationError(path: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// `key` as written in messages: the dotted path in backquotes.
    var quoted: String { keyPath.isEmpty ? "the file" : "`\(keyPath)`" }

    /// A YAML null: a key with nothing after it, or `~`.
    var isNull: Bool {
        if case .scalar = node { return node.tag.rawValue == Tag.Name.null.rawValue }
        return false
    }

    /// A key of a mapping as text, the key itself (for errors about it) and its value.
    typealias Entry = (key: String, keyNode: ConfigurationNode, value: ConfigurationNode)

    /// The entries of a mapping, with their keys as text. A null (a section whose settings are
    /// all commented out) reads as no entries.
    func entries(_ shape: String) throws(ConfigurationError) -> [Entry] {
        if isNull { return [] }
        guard let mapping = node.mapping else { throw error("\(quoted) must be \(shape)") }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            let keyAt = ConfigurationNode(node: keyNode, keyPath: keyPath, file: file)
            guard case .scalar(let scalar) = keyNode else { throw keyAt.error("a key in \(quoted) must be text") }
            let path = keyPath.isEmpty ? scalar.string : keyPath + "." + scalar.string
            entries.append(
                (
                    scalar.string, ConfigurationNode(node: keyNode, keyPath: path, file: file),
                    ConfigurationNode(node: value, keyPath: path, file: file)
                ))
        }
        return entries
    }

    /// The entries of a settings mapping whose keys must all be among `Key`'s cases: an unknown
    /// key is an error at that key, naming the known ones.
    func settings<Key: RawRepresentable & CaseIterable>(_: Key.Type, _ shape: String) throws(ConfigurationError)
        -> [(key: Key, value: ConfigurationNode)] where Key.RawValue == String
    {
        var settings: [(key: Key, value: ConfigurationNode)] = []
        for entry in try entries(shape) {
            guard let key = Key(rawValue: entry.key) else {
                let known = Key.allCases.map(\.rawValue).joined(separator: ", ")
                throw entry.keyNode.error("unknown key \(entry.keyNode.quoted) (known: \(known))")
            }
            settings.append((key, entry.value))
        }
        return settings
    }

    /// A scalar's text. Numbers and dates are text too (`title: 2026`); lists, mappings and
    /// nulls are errors.
    func text() throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node, !isNull else { throw error("\(quoted) must be text") }
        return scalar.string
    }

    /// `true` or `false` (YAML's spellings of them: `yes`, `no`, `on`, `off` too).
    func boolean() throws(ConfigurationError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("\(quoted) must be true or false") }
        return value
    }

    /// A whole number above 0 (`365`; not `365 days`, `1.5` or a date).
    func positiveInteger(_ unit: String) throws(ConfigurationError) -> Int {
        guard case .scalar = node, let value = node.int, value > 0 else {
            throw error("\(quoted) must be a whole number of \(unit) above 0")
        }
        return value
    }

    /// A list of non-empty texts; with `allowingOne`, a single text is a list of one.
    func texts(allowingOne: Bool = false) throws(ConfigurationError) -> [String] {
        if allowingOne, case .scalar = node, !isNull { return [try nonEmptyText()] }
        guard let list = node.sequence else {
            throw error("\(quoted) must be a list of texts\(allowingOne ? " or one text" : "")")
        }
        var texts: [String] = []
        texts.reserveCapacity(list.count)
        for item in list {
            texts.append(try ConfigurationNode(node: item, keyPath: keyPath, file: file).nonEmptyText())
        }
        return texts
    }

    /// What this value is, for an error that says what was expected instead.
    var shapeName: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        default: return isNull ? "nothing" : "text"
        }
    }

    /// Text with something other than white space in it.
    func nonEmptyText() throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error("\(quoted) must hold texts, not \(shapeName)")
        }
        guard scalar.string.contains(where: { !$0.isWhitespace }) else { throw error("\(quoted) holds an empty text") }
        return scalar.string
    }
}
