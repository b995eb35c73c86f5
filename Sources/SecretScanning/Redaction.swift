/// How a finding shows a secret: its prefix, an ellipsis and at most the last four characters
/// (`sk-proj-…Q7xZ`), the way dashboards show keys, so the reader can tell which key is meant
/// without the report repeating it. Short bodies show no tail at all.
enum Redaction {
    /// The tail is shown only for bodies at least this long (four characters of sixteen or
    /// more leave at least twelve hidden).
    static let minimumBodyForTail = 16

    static func redact(prefix: some Collection<UInt8>, body: some Collection<UInt8>) -> String {
        var out = String(decoding: prefix, as: UTF8.self)
        out += "…"
        if body.count >= minimumBodyForTail {
            out += String(decoding: body.suffix(4), as: UTF8.self)
        }
        return out
    }
}
