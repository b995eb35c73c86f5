/// A file that could not be read, or read only in part: named with its path and, where there
/// is one, the line, so the writer can go straight to it.
public struct LoadProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The file, or part of it, was not loaded.
        case error
        /// Something was skipped on purpose (a symlink out of the root).
        case warning
    }

    /// Path relative to the guides root (or as given, for the root itself).
    public var path: String
    public var line: Int?
    public var message: String
    public var severity: Severity

    public init(path: String, line: Int?, message: String, severity: Severity = .error) {
        self.path = path
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String {
        if let line { return "\(path):\(line): \(severity.rawValue): \(message)" }
        return "\(path): \(severity.rawValue): \(message)"
    }
}
