/// PEM private keys: `-----BEGIN (RSA |EC |OPENSSH |DSA |ENCRYPTED |PGP )PRIVATE KEY( BLOCK)-----`
/// followed by a base64 body, on separate lines, on one line, or inside a string with `\n`
/// escapes.
///
/// A body that is a placeholder (`...`, `…`, `<your key>`, `{{key}}`, `$KEY`) or too short to
/// hold a key is not flagged. Real bodies start with fixed DER or OpenSSH headers full of
/// `AAAA`, so the randomness check looks at the middle of the body, where the key material is.
enum PrivateKeyBlock {
    /// The smallest key body worth reporting: an EC key is about 160 base64 characters.
    static let minimumBody = 64

    static func match(
        in s: UnsafeBufferPointer<UInt8>, at start: Int, format: SecretFormat, check: RandomnessCheck
    ) -> ScanOutcome {
        let labelStart = start + format.prefix.count
        var j = labelStart
        while j < s.count, j - labelStart < 40, ByteSet.uppercase.union(ByteSet(" ")).contains(s[j]) {
            j += 1
        }
        let label = String(decoding: s[labelStart..<j], as: UTF8.self)
        let dashes = Array("-----".utf8)
        guard label.hasSuffix("PRIVATE KEY") || label.hasSuffix("PRIVATE KEY BLOCK"),
            Bytes.hasPrefix(s, dashes, at: j)
        else { return .placeholder(end: j) }
        let headerEnd = j + dashes.count

        var body: [UInt8] = []
        var i = headerEnd
        var finished = false
        let limit = min(s.count, headerEnd + 20_000)
        lines: while i < limit, !finished {
            var lineEnd = i
            while lineEnd < limit, s[lineEnd] != UInt8(ascii: "\n"), s[lineEnd] != UInt8(ascii: "\r") {
                lineEnd += 1
            }
            // `Proc-Type: 4,ENCRYPTED` and `DEK-Info:` headers come before the body.
            if body.isEmpty, s[i..<lineEnd].contains(UInt8(ascii: ":")) {
                i = Self.nextLine(s, after: lineEnd)
                continue
            }
            var lineHasContent = false
            var k = i
            while k < lineEnd {
                let b = s[k]
                if ByteSet.base64.contains(b) {
                    body.append(b)
                    lineHasContent = true
                } else if b == UInt8(ascii: "\\"), k + 1 < lineEnd, s[k + 1] == UInt8(ascii: "n") {
                    k += 1  // `\n` inside a JSON or shell string
                } else if Self.placeholderMarkers.contains(b) || b >= 0x80 {
                    return .placeholder(end: k)
                } else if !Self.ignorable.contains(b) {
                    // `-----END …`, or prose after a truncated block.
                    i = k
                    break lines
                }
                k += 1
            }
            // A blank line ends a body that has started.
            if !lineHasContent, !body.isEmpty { finished = true }
            i = Self.nextLine(s, after: lineEnd)
        }
        i = min(i, s.count)
        guard body.count >= minimumBody else { return .placeholder(end: i) }
        if PlaceholderVocabulary.evidence(in: body, alphabetSize: 64) >= check.wordEvidence {
            return .placeholder(end: i)
        }
        let middle = body.count / 2
        let window = Array(body[(middle - minimumBody / 2)..<(middle + minimumBody / 2)])
        guard check.assess(window) == .random else { return .placeholder(end: i) }
        var end = i
        if Bytes.hasPrefix(s, dashes, at: i) {
            // Through the END line.
            end = i + dashes.count
            while end < s.count, s[end] != UInt8(ascii: "-"), s[end] != UInt8(ascii: "\n") { end += 1 }
            end = Bytes.run(s, from: end, in: ByteSet("-"), limit: 5)
        }
        let shown = "-----BEGIN " + label + "-----"
        let qualifier = label.split(separator: " ").prefix { $0 != "PRIVATE" }.joined(separator: " ")
        return .secret(
            SecretMatch(
                kind: qualifier.isEmpty ? "private key block" : qualifier + " private key block",
                range: start..<end, redacted: shown + "…", suggestion: format.suggestion, evidence: nil))
    }

    private static func nextLine(_ s: UnsafeBufferPointer<UInt8>, after lineEnd: Int) -> Int {
        if lineEnd + 1 < s.count, s[lineEnd] == UInt8(ascii: "\r"), s[lineEnd + 1] == UInt8(ascii: "\n") {
            return lineEnd + 2
        }
        return lineEnd + 1
    }

    /// Characters that show the body is written as a placeholder.
    private static let placeholderMarkers = ByteSet(".<{$*[#")
    /// Characters around a body that are not part of it: indentation, quotes, blockquote and
    /// table markers, padding.
    private static let ignorable = ByteSet(" \t>\"'|,=`")
}
