import Platform
import TerminalUI

/// `path:line:col: severity: message [rule]`, one finding a line, then a summary line; the form
/// compilers use, so editors and terminals make the location clickable.
public struct TextReporter: FindingReporter {
    /// ANSI colour for the severity and the summary; the caller decides (a terminal, no `NO_COLOR`).
    public var colored: Bool

    public init(colored: Bool = false) {
        self.colored = colored
    }

    public func render(_ report: LintReport) -> [UInt8] {
        var out = ""
        for f in report.findings {
            // File names and quoted guide text may hold terminal controls: never pass them on.
            let path = TerminalText.safe(f.path)
            let message = TerminalText.safe(f.message)
            let severity: String
            if colored {
                severity = f.severity == .error ? "\u{1B}[1;31merror\u{1B}[0m" : "\u{1B}[1;33mwarning\u{1B}[0m"
            } else {
                severity = f.severity.rawValue
            }
            let location =
                colored ? "\u{1B}[1m\(path):\(f.line):\(f.column):\u{1B}[0m" : "\(path):\(f.line):\(f.column):"
            let rule = colored ? "\u{1B}[2m[\(f.ruleID)]\u{1B}[0m" : "[\(f.ruleID)]"
            out += "\(location) \(severity): \(message) \(rule)\n"
        }
        if colored {
            let color =
                report.errorCount > 0 ? "\u{1B}[1;31m" : report.warningCount > 0 ? "\u{1B}[1;33m" : "\u{1B}[1;32m"
            out += "\(color)\(report.summaryLine)\u{1B}[0m\n"
        } else {
            out += report.summaryLine + "\n"
        }
        return Array(out.utf8)
    }
}
