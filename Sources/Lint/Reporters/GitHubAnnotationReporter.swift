/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which
/// GitHub shows as annotations on the pull request's changed lines.
///
/// Escaping follows the Actions toolkit: in the message `%`, CR and LF become `%25`, `%0D`,
/// `%0A`; in properties `:` and `,` also become `%3A` and `%2C`.
public struct GitHubAnnotationReporter: FindingReporter {
    public init() {}

    public func render(_ report: LintReport) -> [UInt8] {
        var out = ""
        for f in report.findings {
            let command = f.severity == .error ? "error" : "warning"
            out += "::\(command) file=\(Self.escapeProperty(f.path)),line=\(f.line),col=\(f.column)"
            out += ",title=\(Self.escapeProperty("kb lint: \(f.ruleID)"))::\(Self.escapeData(f.message))\n"
        }
        out += report.summaryLine + "\n"
        return Array(out.utf8)
    }

    /// GitHub's escaping for a command's message: `%`, CR and LF.
    static func escapeData(_ s: String) -> String { escape(s, separators: false) }

    /// For a property value (`file=`, `title=`), where `:` and `,` also end the value.
    static func escapeProperty(_ s: String) -> String { escape(s, separators: true) }

    private static func escape(_ s: String, separators: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where separators: out += "%3A"
            case "," where separators: out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
