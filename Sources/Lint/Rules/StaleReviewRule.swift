import KnowledgeBase

/// `stale-review`: a guide whose front-matter `reviewed` date is older than the configured age
/// (`review-max-age-days`, 365 by default), or is not a date at all. Guides about a provider's
/// dashboard go out of date as the dashboard changes; the date says when someone last checked.
/// Guides without a `reviewed` date are not judged.
public struct StaleReviewRule: Rule {
    public static let id = "stale-review"
    public static let defaultSeverity = Severity.warning
    public static let summary = "A guide's `reviewed` date must be a real date no older than the configured age."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        guard let written = guide.reviewed else { return [] }
        let at = location(of: written, in: guide)
        guard let day = CalendarDay(parsing: written) else {
            return [
                finding(
                    guide, line: at.line, column: at.column,
                    "`reviewed` is not a date in YYYY-MM-DD form: \"\(written)\"")
            ]
        }
        let today = context.today
        let age = today.daysSinceEpoch - day.daysSinceEpoch
        let limit = context.configuration.reviewMaxAgeDays
        if age > limit {
            return [
                finding(
                    guide, line: at.line, column: at.column,
                    "last reviewed \(day), \(age) days ago (limit \(limit)): check the guide and update `reviewed`")
            ]
        }
        // A day of slack for time zones: a review written tomorrow somewhere is today here.
        if age < -1 {
            return [finding(guide, line: at.line, column: at.column, "`reviewed` date \(day) is in the future")]
        }
        return []
    }

    /// The line and column of the `reviewed:` value in the front matter.
    private func location(of value: String, in guide: Guide) -> (line: Int, column: Int) {
        let lines = GuideLines(guide)
        for line in stride(from: 2, to: guide.frontMatterLines, by: 1) {
            let bytes = lines.bytes(ofLine: line)
            for key in ["reviewed", "last_review_date"] where bytes.starts(with: Array(key.utf8)) {
                var i = bytes.startIndex + key.utf8.count
                while i < bytes.endIndex, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                guard i < bytes.endIndex, bytes[i] == UInt8(ascii: ":") else { continue }
                i += 1
                while i < bytes.endIndex, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                return (line, lines.column(line: line, byteOffset: i - bytes.startIndex))
            }
        }
        return (1, 1)
    }
}
