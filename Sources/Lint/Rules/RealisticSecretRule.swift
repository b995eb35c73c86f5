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
/// Markdown escapes resolved, so a key is found wherever a reader would see it. Findings never
/// contain the key: only its prefix and at most its last four characters.
public struct RealisticSecretRule: Rule {
    public static let id = "realistic-secret"
    public static let defaultSeverity = Severity.error
    public static let summary =
        "Example keys must be visible placeholders: a token that looks like a real credential is an error."

    public init() {}

    public func check(_ guide: Guide, in context: LintContext) -> [Finding] {
        let scanner = SecretScanner(allowedPlaceholders: context.configuration.allowedPlaceholders)
        var source = guide.source
        return source.withUTF8 { bytes -> [Finding] in
            let matches = scanner.scan(bytes)
            guard !matches.isEmpty else { return [] }
            let text = SourceText(bytes: Array(bytes))
            return matches.map { match in
                let (line, column) = position(of: match.range.lowerBound, in: text)
                return finding(guide, line: line, column: column, Self.message(for: match))
            }
        }
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
    private func position(of offset: Int, in text: SourceText) -> (Int, Int) {
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
