import KnowledgeBase
import SecretScanning

/// `realistic-secret`: documentation must never contain an example key that looks real.
///
/// A key that looks real either is one (leaked: it must be revoked) or will be taken for one:
/// readers paste it, secret scanners alert on every copy of the docs, and GitHub's push
/// protection blocks the repository. Placeholders such as `sk-...` or `$OPENAI_API_KEY` say
/// what goes there without any of that.
///
/// The whole file is scanned (front matter, prose, code, URLs, raw HTML and comments), with
/// Markdown escapes resolved, and so are the words of its paragraphs and headings with inline
/// markup taken out (`**sk_live_…**`, `sk_live_a*b*c`) and strings that code continues over
/// lines, so a key is found wherever a reader would see it. Findings never
/// contain the key: only its prefix and at most its last four characters.
public struct RealisticSecretRule: Rule {
    public static let id = "realistic-secret"
    public static let defaultSeverity = Severity.error
    public static let summary =
        "Example keys must be visible placeholders: a token that looks like a real credential is an error."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        let scanner = SecretScanner(allowedPlaceholders: context.configuration.allowedPlaceholders)
        let text = SourceText(bytes: Array(guide.source.utf8))
        return Self.matches(in: guide, source: text, scanner: scanner).map { match in
            let (line, column) = Self.position(of: match.range.lowerBound, in: text)
            return finding(guide, line: line, column: column, Self.message(for: match))
        }
    }

    /// Every realistic key in `guide`, in file order, each once: the file as written (escapes
    /// resolved), then what only joining reveals: strings continued over lines of code, and the
    /// words of paragraphs and headings with their inline markup taken out (`InlineText`).
    static func matches(in guide: Guide, source: SourceText, scanner: SecretScanner) -> [SecretMatch] {
        var found = source.bytes.withUnsafeBufferPointer { bytes in
            scanner.scan(bytes) + scanner.scanContinuations(bytes)
        }
        if let inline = InlineText(guide, source: source) {
            found += scanner.scan(inline.lines) + scanner.scan(inline.joined, acrossJoinsOnly: true)
        }
        // The first match wins where two overlap: the same key, found twice.
        var kept: [SecretMatch] = []
        for match in found where !kept.contains(where: { $0.range.overlaps(match.range) }) {
            kept.append(match)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The message for a match: what it is, redacted, and what to write instead.
    static func message(for match: SecretMatch) -> String {
        switch match.evidence {
        case .validChecksum:
            return
                "real \(match.kind) \"\(match.redacted)\" (its checksum is valid, so scanners treat it as live): "
                + "revoke it and use a placeholder such as \(match.suggestion)"
        case .providerMarker:
            return
                "realistic \(match.kind) \"\(match.redacted)\" (it carries the provider's key marker): "
                + "use a placeholder such as \(match.suggestion)"
        case nil:
            return
                "realistic \(match.kind) \"\(match.redacted)\": use a placeholder such as \(match.suggestion)"
        }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    static func position(of offset: Int, in text: SourceText) -> (Int, Int) {
        var lo = 0
        var hi = text.lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if text.lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        let line = max(lo, 1)
        let start = text.lineStarts[line - 1]
        let column = String(decoding: text.bytes[start..<offset], as: UTF8.self).count + 1
        return (line, column)
    }
}
