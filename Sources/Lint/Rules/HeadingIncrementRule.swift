import KnowledgeBase

/// `heading-increment`: a heading more than one level below the one before it (H2 → H4).
/// Screen readers navigate by level, and the site's table of contents nests by level, so a
/// skipped level reads as a missing section. A front-matter title counts as the H1.
public struct HeadingIncrementRule: Rule {
    public static let id = "heading-increment"
    public static let defaultSeverity = Severity.warning
    public static let summary = "Heading levels must go down one at a time (H2 then H3, not H4)."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var previous: Int? = guide.titleSource == .frontMatter ? 1 : nil
        var lines: GuideLines?
        for section in guide.sections {
            if let previous, section.level > previous + 1 {
                if lines == nil { lines = GuideLines(guide) }
                findings.append(
                    finding(
                        guide, line: section.line, column: lines!.headingTextColumn(line: section.line),
                        "heading level jumps from H\(previous) to H\(section.level); use H\(previous + 1)"))
            }
            previous = section.level
        }
        return findings
    }
}
