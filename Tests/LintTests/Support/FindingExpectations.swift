import KnowledgeBase
import Testing

@testable import Lint

/// Lints `files` with `rules` and expects exactly the findings `expected` describes, each at
/// its marker: `["1️⃣": "message"]`. Mismatches show as a diff of `path:line:col: message` lines.
func expectFindings(
    _ rules: [any Rule], in files: [String: String], binary: [String: [UInt8]] = [:],
    configuration: LintConfiguration = LintConfiguration(), today: String = "2026-11-27", _ expected: [String: String],
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let guides = try TemporaryGuides(files, binary: binary)
    let day = try #require(CalendarDay(parsing: today), sourceLocation: sourceLocation)
    let findings = Linter(rules: rules, configuration: configuration, today: day).lint(guides.load())
    let actual = findings.map { "\($0.path):\($0.line):\($0.column): \($0.message)" }.sorted()
    var wanted: [String] = []
    for (marker, message) in expected {
        guard let at = guides.markers[marker] else {
            Issue.record("marker \(marker) is not in the fixture", sourceLocation: sourceLocation)
            continue
        }
        wanted.append("\(at.path):\(at.line):\(at.column): \(message)")
    }
    #expect(actual == wanted.sorted(), sourceLocation: sourceLocation)
}

/// The same for one rule and one guide named `guide.md`.
func expectFindings(
    _ rule: any Rule, in markdown: String, configuration: LintConfiguration = LintConfiguration(),
    today: String = "2026-11-27", _ expected: [String: String], sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectFindings(
        [rule], in: ["guide.md": markdown], configuration: configuration, today: today, expected,
        sourceLocation: sourceLocation)
}

/// A configuration changed by `change`. The linter's "today" is fixed by `expectFindings`
/// (2026-11-27 unless given), so review ages do not depend on the day tests run.
func configuration(_ change: (inout LintConfiguration) -> Void = { _ in }) -> LintConfiguration {
    var c = LintConfiguration()
    change(&c)
    return c
}
