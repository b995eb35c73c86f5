/// Turns a finished lint run into bytes for one audience: a person at a terminal, a script,
/// a code-scanning service or a CI log. Reporters never decide the exit code.
public protocol FindingReporter: Sendable {
    func render(_ report: LintReport) -> [UInt8]
}

/// The output formats `kb lint --format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github

    /// The reporter for this format; `colored` matters only for text.
    public func reporter(colored: Bool = false) -> any FindingReporter {
        switch self {
        case .text: return TextReporter(colored: colored)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubAnnotationReporter()
        }
    }
}
