import KnowledgeBase

@testable import Lint
@testable import SecretScanning

/// Lints Markdown source as `kb lint` would, with the realistic-secret rule only.
func lintSecrets(_ source: String, configuration: LintConfiguration = .default) throws -> [Finding] {
    let (guide, _) = try GuideParser(inlineRuns: true).parse(path: "guide.md", bytes: Array(source.utf8))
    let kb = KnowledgeBase(root: "guides", guides: [guide], problems: [])
    return Linter(rules: [RealisticSecretRule()], configuration: configuration).lint(kb)
}
