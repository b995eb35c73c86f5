import Platform

/// When to colour output: `--color auto|always|never`.
///
/// `auto` colours only a terminal, and never when `NO_COLOR` is set to anything non-empty
/// (no-color.org); `always` wins over `NO_COLOR`, since the user asked for it explicitly.
public enum ColorPolicy: String, Sendable, CaseIterable {
    case auto, always, never

    /// Whether to emit escape codes for output on `fd`.
    public func enabled(fd: Int32 = 1, environment: [String: String]? = nil) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor =
                environment.map { $0["NO_COLOR"] } ?? getenv("NO_COLOR").map { String(cString: $0) }
            if let noColor, !noColor.isEmpty { return false }
            let term = environment.map { $0["TERM"] } ?? getenv("TERM").map { String(cString: $0) }
            if term == "dumb" { return false }
            return isatty(fd) == 1
        }
    }
}
