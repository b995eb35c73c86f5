import KnowledgeBase

/// SARIF 2.1.0, the format GitHub code scanning (`github/codeql-action/upload-sarif`) and
/// other review tools read: one run, the rules that ran with their help text and default
/// level, and one result per finding with its file (relative to the working directory, as a
/// URI) and start line and column in Unicode code points.
public struct SARIFReporter: FindingReporter {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public init() {}

    public func render(_ report: LintReport) -> [UInt8] {
        var rules = report.rules
        // A finding from a rule missing in the list (a caller's own rule) still gets metadata.
        for f in report.findings where !rules.contains(where: { $0.id == f.ruleID }) {
            rules.append(RuleDescriptor(id: f.ruleID, defaultSeverity: f.severity, summary: f.ruleID))
        }
        var index: [String: Int] = [:]
        for (i, r) in rules.enumerated() { index[r.id] = i }

        var w = JSONWriter(capacity: 1024 + report.findings.count * 400)
        w.beginObject()
        w.value("$schema", SARIFReporter.schema)
        w.value("version", "2.1.0")
        w.beginArray("runs")
        w.beginObject()
        w.beginObject("tool")
        w.beginObject("driver")
        w.value("name", "kb")
        w.value("version", report.toolVersion)
        // No informationUri: the property is optional, and the tool has no public home page
        // to point at; an invented address would send reviewers to a dead link.
        w.beginArray("rules")
        for r in rules {
            w.beginObject()
            w.value("id", r.id)
            w.value("name", SARIFReporter.camelCase(r.id))
            w.beginObject("shortDescription")
            w.value("text", r.summary)
            w.endObject()
            w.beginObject("help")
            w.value("text", "\(r.summary) Silence one line with `<!-- kb-ignore \(r.id) -->` on the line before.")
            w.endObject()
            w.beginObject("defaultConfiguration")
            w.value("level", r.defaultSeverity.rawValue)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        w.value("columnKind", "unicodeCodePoints")
        w.beginArray("results")
        for f in report.findings {
            w.beginObject()
            w.value("ruleId", f.ruleID)
            w.value("ruleIndex", index[f.ruleID] ?? 0)
            w.value("level", f.severity.rawValue)
            w.beginObject("message")
            w.value("text", f.message)
            w.endObject()
            w.beginArray("locations")
            w.beginObject()
            w.beginObject("physicalLocation")
            w.beginObject("artifactLocation")
            w.value("uri", SARIFReporter.uri(forPath: f.path))
            w.endObject()
            w.beginObject("region")
            w.value("startLine", f.line)
            w.value("startColumn", f.column)
            w.endObject()
            w.endObject()
            w.endObject()
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }

    /// A relative path as a relative URI reference (spaces and other reserved bytes
    /// percent-encoded); an absolute path as a `file://` URI.
    static func uri(forPath path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for b in path.utf8 {
            let unreserved =
                (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
                || b == UInt8(ascii: "/")
            if unreserved {
                bytes.append(b)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]])
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
        return out
    }

    /// `broken-link` → `BrokenLink`, SARIF's readable rule name.
    static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
