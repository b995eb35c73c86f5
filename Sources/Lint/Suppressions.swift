import KnowledgeBase

/// `<!-- kb-ignore RULE … -->` comments in one guide: which rules are silenced on which lines.
///
/// Read from the model's raw HTML rather than the source text, so a comment shown inside a
/// code block (as in a guide that documents this feature) silences nothing. A comment that
/// ends on line N silences line N + 1; `kb-ignore-file` silences the whole file. With no rule
/// ids, every rule is silenced.
public struct Suppressions: Sendable {
    /// Rule ids silenced by line; an empty set means every rule.
    private var byLine: [Int: Set<String>] = [:]
    private var wholeFile: Set<String>?
    private var wholeFileAll = false

    public init(_ guide: Guide) {
        for html in guide.rawHTML {
            for comment in Suppressions.comments(in: html.html) {
                if comment.wholeFile {
                    if comment.rules.isEmpty {
                        wholeFileAll = true
                    } else {
                        wholeFile = (wholeFile ?? []).union(comment.rules)
                    }
                } else {
                    let target = html.line + comment.endLineOffset + 1
                    if comment.rules.isEmpty || byLine[target]?.isEmpty == true {
                        byLine[target] = []
                    } else {
                        byLine[target, default: []].formUnion(comment.rules)
                    }
                }
            }
        }
    }

    public var isEmpty: Bool { byLine.isEmpty && wholeFile == nil && !wholeFileAll }

    public func silences(_ finding: Finding) -> Bool {
        if wholeFileAll || wholeFile?.contains(finding.ruleID) == true { return true }
        guard let rules = byLine[finding.line] else { return false }
        return rules.isEmpty || rules.contains(finding.ruleID)
    }

    struct Comment: Equatable {
        var wholeFile: Bool
        var rules: Set<String>
        /// Lines between the start of the HTML literal and the comment's end.
        var endLineOffset: Int
    }

    /// Every `kb-ignore` comment in an HTML literal.
    static func comments(in html: String) -> [Comment] {
        var found: [Comment] = []
        let b = Array(html.utf8)
        var i = 0
        var line = 0
        let open = Array("<!--".utf8)
        let close = Array("-->".utf8)
        while i < b.count {
            if b[i] == 0x0A { line += 1 }
            guard b[i] == UInt8(ascii: "<"), b[i...].starts(with: open) else {
                i += 1
                continue
            }
            let bodyStart = i + open.count
            guard let endOffset = GuideLines.firstIndex(of: close, in: b[bodyStart...]) else { break }
            let bodyEnd = bodyStart + endOffset
            let body = b[bodyStart..<bodyEnd]
            for byte in body where byte == 0x0A { line += 1 }
            let words = body.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
                .map { String(decoding: $0, as: UTF8.self) }
            if let first = words.first, first == "kb-ignore" || first == "kb-ignore-file" {
                let rules = words.dropFirst().flatMap { $0.split(separator: ",").map(String.init) }
                found.append(Comment(wholeFile: first == "kb-ignore-file", rules: Set(rules), endLineOffset: line))
            }
            i = bodyEnd + close.count
        }
        return found
    }

    /// True when `html` is nothing but HTML comments and white space.
    static func isOnlyComments(_ html: String) -> Bool {
        let b = Array(html.utf8)
        let open = Array("<!--".utf8)
        let close = Array("-->".utf8)
        var i = 0
        var sawComment = false
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                i += 1
            } else if b[i...].starts(with: open),
                let end = GuideLines.firstIndex(of: close, in: b[(i + open.count)...])
            {
                sawComment = true
                i += open.count + end + close.count
            } else {
                return false
            }
        }
        return sawComment
    }
}
