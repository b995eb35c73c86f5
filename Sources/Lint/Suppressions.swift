import KnowledgeBase

/// `<!-- kb-ignore RULE … -->` comments in one guide: which rules are silenced on which lines,
/// and which comment silenced a finding (so that one that silences nothing can be reported).
///
/// Read from the model's raw HTML rather than the source text, so a comment shown inside a
/// code block (as in a guide that documents this feature) silences nothing. A comment that
/// ends on line N silences line N + 1; `kb-ignore-file` silences the whole file. With no rule
/// ids, every rule is silenced.
public struct Suppressions: Sendable {
    /// Every `kb-ignore` comment of the guide, in file order.
    public private(set) var comments: [Located] = []
    /// Indices into `comments` by the line they silence.
    private var byLine: [Int: [Int]] = [:]
    /// Indices into `comments` of `kb-ignore-file` comments.
    private var wholeFile: [Int] = []

    /// One comment and where it is.
    public struct Located: Sendable, Equatable {
        /// The line the comment starts on.
        public var line: Int
        public var wholeFile: Bool
        /// The rule ids it names, in the order written; empty for every rule.
        public var rules: [String]
    }

    public init(_ guide: Guide) {
        for html in guide.rawHTML {
            for comment in Suppressions.comments(in: html.html) {
                let index = comments.count
                comments.append(
                    Located(
                        line: html.line + comment.startLineOffset, wholeFile: comment.wholeFile, rules: comment.ruleList
                    ))
                if comment.wholeFile {
                    wholeFile.append(index)
                } else {
                    byLine[html.line + comment.endLineOffset + 1, default: []].append(index)
                }
            }
        }
    }

    public var isEmpty: Bool { comments.isEmpty }

    public func silences(_ finding: Finding) -> Bool {
        !silencers(of: finding).isEmpty
    }

    /// The comments (indices into `comments`) that silence `finding`.
    public func silencers(of finding: Finding) -> [Int] {
        var found: [Int] = []
        for index in wholeFile + (byLine[finding.line] ?? []) {
            let rules = comments[index].rules
            if rules.isEmpty || rules.contains(finding.ruleID) { found.append(index) }
        }
        return found
    }

    struct Comment: Equatable {
        var wholeFile: Bool
        /// The rule ids as written, without repeats.
        var ruleList: [String]
        var rules: Set<String> { Set(ruleList) }
        /// Lines between the start of the HTML literal and the comment's start.
        var startLineOffset: Int
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
            let startLine = line
            let bodyStart = i + open.count
            guard let endOffset = GuideLines.firstIndex(of: close, in: b[bodyStart...]) else { break }
            let bodyEnd = bodyStart + endOffset
            let body = b[bodyStart..<bodyEnd]
            for byte in body where byte == 0x0A { line += 1 }
            let words = body.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
                .map { String(decoding: $0, as: UTF8.self) }
            if let first = words.first, first == "kb-ignore" || first == "kb-ignore-file" {
                var rules: [String] = []
                for rule in words.dropFirst().flatMap({ $0.split(separator: ",").map(String.init) })
                where !rules.contains(rule) {
                    rules.append(rule)
                }
                found.append(
                    Comment(
                        wholeFile: first == "kb-ignore-file", ruleList: rules, startLineOffset: startLine,
                        endLineOffset: line))
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
