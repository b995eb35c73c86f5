import Foundation
import KnowledgeBase

@testable import Lint

/// A Markdown fixture with the expected finding marked by `1️⃣`, as swift-format's tests do:
/// the marker is removed before linting and its position gives the expected line and column.
struct MarkedFixture {
    static let marker = "1️⃣"

    let text: String
    /// Position of the marker, if there is one (1-based, column in characters).
    let line: Int?
    let column: Int?

    init(_ marked: String) {
        guard let range = marked.range(of: Self.marker) else {
            (text, line, column) = (marked, nil, nil)
            return
        }
        let before = marked[..<range.lowerBound]
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        line = lines.count
        column = (lines.last?.count ?? 0) + 1
        text = marked.replacingCharacters(in: range, with: "")
    }
}

/// Lints Markdown source as `kb lint` would, with the realistic-secret rule only.
func lintSecrets(_ source: String, configuration: LintConfiguration = .default) throws -> [Finding] {
    let (guide, _) = try GuideParser().parse(path: "guide.md", bytes: Array(source.utf8))
    let kb = KnowledgeBase(root: "guides", guides: [guide], problems: [])
    return Linter(rules: [RealisticSecretRule()], configuration: configuration).lint(kb)
}
