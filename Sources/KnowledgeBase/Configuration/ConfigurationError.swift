/// A `kb.yaml` that cannot be used, named with its path, line and column so the fix is one jump
/// away: `guides/kb.yaml:3:5: error: unknown rule `broken-links` in `lint.severities``.
///
/// Every command that reads the file stops on it with exit status 2: a setting that is silently
/// dropped (a typo in a rule id, a `synonyms:` of the wrong shape) is worse than no setting.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (or as found below the guides folder).
    public var path: String
    /// 1-based; nil only when the file could not be read at all.
    public var line: Int?
    /// 1-based, counted in Unicode scalars as libyaml counts them; nil with `line`.
    public var column: Int?
    public var message: String

    public init(path: String, line: Int?, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        switch (line, column) {
        case (let line?, let column?): return "\(path):\(line):\(column): error: \(message)"
        case (let line?, nil): return "\(path):\(line): error: \(message)"
        default: return "\(path): error: \(message)"
        }
    }
}
