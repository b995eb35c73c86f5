import KnowledgeBase

/// `terminology`: a configured term to avoid (`lint.terms` in `kb.yaml`), found in prose.
///
/// Matching is case-insensitive on whole words (a space in a term matches any run of spaces),
/// skipping code, URLs, link destinations and HTML, where the spelling is not the writer's to
/// choose. An occurrence spelled exactly as the replacement is fine, so `"Api Key": "API key"`
/// flags "api key" and "Api Key" but not "API key".
public struct TerminologyRule: Rule {
    public static let id = "terminology"
    public static let defaultSeverity = Severity.warning
    public static let summary = "Prose must use the knowledge base's preferred terms (`lint.terms` in kb.yaml)."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        let terms = context.configuration.terms
        guard !terms.isEmpty else { return [] }
        let lines = GuideLines(guide)
        return Self.occurrences(in: guide, lines: lines, terms: terms).map { o in
            finding(
                guide, line: o.line, column: lines.column(line: o.line, byteOffset: o.bytes.lowerBound),
                "use \"\(o.replacement)\" instead of \"\(o.found)\"")
        }
    }

    /// A term found in prose: where (bytes of its line), as written, and what to write instead.
    struct Occurrence {
        var line: Int
        var bytes: Range<Int>
        var found: String
        var replacement: String
    }

    /// Every occurrence of a term in `guide`'s prose, line by line: what the rule reports and
    /// `kb lint --fix` rewrites.
    static func occurrences(in guide: Guide, lines: GuideLines, terms: [String: String]) -> [Occurrence] {
        let patterns = terms.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
        let prose = ProseMask(guide, lines: lines)
        var found: [Occurrence] = []
        for line in stride(from: 1, through: lines.count, by: 1) {
            guard let mask = prose.mask(line: line) else { continue }
            let bytes = Array(lines.bytes(ofLine: line))
            var taken = [Bool](repeating: false, count: bytes.count)
            for (pattern, replacement) in patterns {
                var start = 0
                while start < bytes.count {
                    guard let end = TerminologyRule.match(pattern, in: bytes, at: start, mask: mask) else {
                        start += 1
                        continue
                    }
                    let text = String(decoding: bytes[start..<end], as: UTF8.self)
                    if text != replacement, !taken[start] {
                        for i in start..<end { taken[i] = true }
                        found.append(Occurrence(line: line, bytes: start..<end, found: text, replacement: replacement))
                    }
                    start = end
                }
            }
        }
        return found
    }

    /// The end of a whole-word, case-insensitive match of `pattern` at `start`, all in prose.
    static func match(_ pattern: [UInt8], in b: [UInt8], at start: Int, mask: [Bool]) -> Int? {
        guard let first = pattern.first, lower(b[start]) == lower(first), mask[start] else { return nil }
        if start > 0, joinsWord(b[start - 1]), joinsWord(first) { return nil }
        var i = start
        var p = 0
        while p < pattern.count {
            guard i < b.count, mask[i] else { return nil }
            if pattern[p] == 0x20 {
                guard b[i] == 0x20 || b[i] == 0x09 else { return nil }
                while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
                while p < pattern.count, pattern[p] == 0x20 { p += 1 }
                continue
            }
            guard lower(b[i]) == lower(pattern[p]) else { return nil }
            i += 1
            p += 1
        }
        if i < b.count, joinsWord(b[i]), joinsWord(pattern[pattern.count - 1]) { return nil }
        return i
    }

    /// Bytes that continue a word, path or identifier: letters, digits, `_`, `-`, `/`, non-ASCII.
    static func joinsWord(_ c: UInt8) -> Bool {
        ProseMask.isWordByte(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "/")
    }

    static func lower(_ c: UInt8) -> UInt8 {
        c >= 65 && c <= 90 ? c | 0x20 : c
    }
}
