import KnowledgeBase

/// `{"findings": [{rule, severity, path, line, column, message}], "summary": {…}}`, keys in that
/// order, for scripts and dashboards.
public struct JSONReporter: FindingReporter {
    public init() {}

    public func render(_ report: LintReport) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + report.findings.count * 160)
        w.beginObject()
        w.beginArray("findings")
        for f in report.findings {
            w.beginObject()
            w.value("rule", f.ruleID)
            w.value("severity", f.severity.rawValue)
            w.value("path", f.path)
            w.value("line", f.line)
            w.value("column", f.column)
            w.value("message", f.message)
            w.endObject()
        }
        w.endArray()
        w.beginObject("summary")
        w.value("errors", report.errorCount)
        w.value("warnings", report.warningCount)
        w.value("files", report.filesChecked)
        w.value("filesWithFindings", report.filesWithFindings)
        w.endObject()
        w.endObject()
        return w.bytes + [0x0A]
    }
}
