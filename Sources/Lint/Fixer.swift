import KnowledgeBase
import SecretScanning

/// What `kb lint --fix` can rewrite safely, and the rewriting.
///
/// Two kinds of finding have one right answer: a realistic key becomes the placeholder its
/// finding suggests (`sk-proj-...`, `...` for a value known by its name), and a `terminology`
/// term becomes its replacement. Only a key written in one piece is replaced: one split by
/// markup, escapes or a line break (found by joining, see `InlineText`) is reported as not
/// fixed, since replacing the span would also drop the markup around its pieces. Nothing
/// outside the replaced spans changes, byte for byte.
public enum Fixer {
    /// One replacement, for one finding.
    public struct Fix: Sendable, Equatable {
        /// The finding fixed (path relative to the guides root).
        public var finding: Finding
        /// Bytes of the guide's source (as loaded: without a byte-order mark).
        public var range: Range<Int>
        public var replacement: String
    }

    /// The fixes for those of `findings` (one guide's, after configuration and suppressions)
    /// that can be fixed.
    public static func fixes(for findings: [Finding], in guide: Guide, configuration: LintConfiguration) -> [Fix] {
        var wanted: [Position: Finding] = [:]
        for f in findings where f.path == guide.path && Self.fixableRules.contains(f.ruleID) {
            wanted[Position(rule: f.ruleID, line: f.line, column: f.column)] = f
        }
        guard !wanted.isEmpty else { return [] }
        var fixes: [Fix] = []
        let lines = GuideLines(guide)
        let text = lines.text
        if findings.contains(where: { $0.ruleID == RealisticSecretRule.id }) {
            let scanner = SecretScanner(allowedPlaceholders: configuration.allowedPlaceholders)
            for match in RealisticSecretRule.matches(in: guide, source: text, scanner: scanner) {
                let (line, column) = RealisticSecretRule.position(of: match.range.lowerBound, in: text)
                guard let f = wanted[Position(rule: RealisticSecretRule.id, line: line, column: column)],
                    match.isVerbatim, !text.bytes[match.range].contains(0x0A), !text.bytes[match.range].contains(0x0D)
                else { continue }
                fixes.append(Fix(finding: f, range: match.range, replacement: placeholder(for: match)))
            }
        }
        if findings.contains(where: { $0.ruleID == TerminologyRule.id }) {
            for o in TerminologyRule.occurrences(in: guide, lines: lines, terms: configuration.terms) {
                let column = lines.column(line: o.line, byteOffset: o.bytes.lowerBound)
                guard let f = wanted[Position(rule: TerminologyRule.id, line: o.line, column: column)] else { continue }
                let start = text.lineStarts[o.line - 1]
                fixes.append(
                    Fix(
                        finding: f, range: (start + o.bytes.lowerBound)..<(start + o.bytes.upperBound),
                        replacement: o.replacement))
            }
        }
        // Overlapping fixes (never expected: a term is prose, a key is not) keep the first.
        fixes.sort { $0.range.lowerBound < $1.range.lowerBound }
        var kept: [Fix] = []
        for fix in fixes where kept.last.map({ $0.range.upperBound <= fix.range.lowerBound }) ?? true {
            kept.append(fix)
        }
        return kept
    }

    /// `source` with `fixes` applied; every byte outside their ranges is kept as it was.
    public static func apply(_ fixes: [Fix], to source: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var copied = 0
        for fix in fixes.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where fix.range.lowerBound >= copied && fix.range.upperBound <= source.count {
            out.append(contentsOf: source[copied..<fix.range.lowerBound])
            out.append(contentsOf: fix.replacement.utf8)
            copied = fix.range.upperBound
        }
        out.append(contentsOf: source[copied...])
        return out
    }

    /// The placeholder a finding suggests: the first of its alternatives (`sk-proj-...` of
    /// `sk-proj-... or $OPENAI_API_KEY`), which has the key's shape and stays valid wherever
    /// the key stood (a string, a URL, prose), where `$VAR` would not.
    static func placeholder(for match: SecretMatch) -> String {
        let suggestion = match.suggestion
        guard let or = suggestion.firstRange(of: " or ") else { return suggestion }
        return String(suggestion[..<or.lowerBound])
    }

    static let fixableRules: Set<String> = [RealisticSecretRule.id, TerminologyRule.id]

    private struct Position: Hashable {
        var rule: String
        var line: Int
        var column: Int
    }
}
