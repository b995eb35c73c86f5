/// Reading the body after a format's prefix and judging it.
extension SecretFormat {
    /// The outcome for a token of this format whose prefix starts at `start` in `s`.
    func match(in s: UnsafeBufferPointer<UInt8>, at start: Int, check: RandomnessCheck) -> ScanOutcome {
        let bodyStart = start + prefix.count
        switch shape {
        case .token(let alphabet, let length):
            return matchToken(s, start, bodyStart, alphabet, length, check)
        case .checksummed:
            return matchChecksummed(s, start, bodyStart, check)
        case .gitHubFineGrained:
            let end = Bytes.run(s, from: bodyStart, in: Bytes.word, limit: 100)
            guard end - bodyStart >= 73, end - bodyStart <= 93, s[bodyStart + 22] == UInt8(ascii: "_"),
                end == s.count || !Bytes.word.contains(s[end])
            else { return .wrongShape(end: end) }
            let body = Array(s[bodyStart..<(bodyStart + 22)]) + Array(s[(bodyStart + 23)..<end])
            guard !body.contains(UInt8(ascii: "_")) else { return .wrongShape(end: end) }
            return judge(s, start, bodyStart, end, assessed: body, check)
        case .sendGrid:
            let first = Bytes.run(s, from: bodyStart, in: .base64URL, limit: 30)
            guard first - bodyStart == 22, first < s.count, s[first] == UInt8(ascii: ".") else {
                return .wrongShape(end: first)
            }
            let end = Bytes.run(s, from: first + 1, in: .base64URL, limit: 60)
            guard end - first - 1 == 43 else { return .wrongShape(end: end) }
            let body = Array(s[bodyStart..<first]) + Array(s[(first + 1)..<end])
            return judge(s, start, bodyStart, end, assessed: body, check)
        case .slackToken:
            var end = Bytes.run(
                s, from: bodyStart, in: ByteSet.alphanumerics.union(ByteSet("-")), limit: 200)
            while end > bodyStart, s[end - 1] == UInt8(ascii: "-") { end -= 1 }
            var lastStart = end
            while lastStart > bodyStart, s[lastStart - 1] != UInt8(ascii: "-") { lastStart -= 1 }
            guard end - lastStart >= 16, end - bodyStart >= 20 else { return .wrongShape(end: end) }
            return judge(s, start, bodyStart, end, assessed: Array(s[lastStart..<end]), check)
        case .slackWebhook:
            return matchSlackWebhook(s, start, bodyStart, check)
        case .jsonWebToken:
            return JSONWebToken.match(in: s, at: start, format: self, check: check)
        case .privateKeyBlock:
            return PrivateKeyBlock.match(in: s, at: start, format: self, check: check)
        }
    }

    private func matchToken(
        _ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ bodyStart: Int, _ alphabet: ByteSet,
        _ length: ClosedRange<Int>, _ check: RandomnessCheck
    ) -> ScanOutcome {
        let runEnd = Bytes.run(s, from: bodyStart, in: alphabet)
        var end = runEnd
        // A full stop after a key in prose is not part of it (GitLab's alphabet has dots).
        while end > bodyStart, s[end - 1] == UInt8(ascii: ".") { end -= 1 }
        // The token must end at a boundary: `SK` + 32 hex followed by more letters is a word.
        if runEnd < s.count, Bytes.isAlphanumeric(s[runEnd]) { return .wrongShape(end: runEnd) }
        guard length.contains(end - bodyStart) else { return .wrongShape(end: runEnd) }
        return judge(s, start, bodyStart, end, assessed: Array(s[bodyStart..<end]), check)
    }

    private func matchChecksummed(
        _ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ bodyStart: Int, _ check: RandomnessCheck
    ) -> ScanOutcome {
        let end = Bytes.run(s, from: bodyStart, in: .alphanumerics, limit: 60)
        guard end - bodyStart == 36, end == s.count || !Bytes.word.contains(s[end]) else {
            return .wrongShape(end: end)
        }
        let body = s[bodyStart..<end]
        if TokenChecksum.isValid(body), !Bytes.isMasked(s, after: end) {
            // Certainly issued by GitHub (or npm): a made-up body matches its checksum once in
            // four billion tries, and GitHub's own scanning will treat it as live.
            return .secret(secretMatch(s, start, bodyStart, end, evidence: .validChecksum))
        }
        // A wrong checksum does not make a random body harmless: it may be a real token with
        // a mistyped or edited tail (still most of a live secret), other scanners that do not
        // verify checksums will flag every copy, and a reader cannot tell it from a real one.
        // Only a visible placeholder is a safe example, so random bodies are flagged either way.
        return judge(s, start, bodyStart, end, assessed: Array(body), check)
    }

    private func matchSlackWebhook(
        _ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ bodyStart: Int, _ check: RandomnessCheck
    ) -> ScanOutcome {
        let ids = ByteSet.uppercase.union(.digits)
        var j = bodyStart
        for letter in [UInt8(ascii: "T"), UInt8(ascii: "B")] {
            guard j < s.count, s[j] == letter else { return .wrongShape(end: j) }
            let idEnd = Bytes.run(s, from: j + 1, in: ids, limit: 16)
            guard idEnd - j - 1 >= 6, idEnd < s.count, s[idEnd] == UInt8(ascii: "/") else {
                return .wrongShape(end: idEnd)
            }
            j = idEnd + 1
        }
        let end = Bytes.run(s, from: j, in: .alphanumerics, limit: 40)
        guard end - j >= 20, end - j <= 32 else { return .wrongShape(end: end) }
        var tokenStart = start
        let scheme = Array("https://".utf8)
        if start >= scheme.count, Bytes.hasPrefix(s, scheme, at: start - scheme.count) {
            tokenStart -= scheme.count
        }
        return judge(
            s, tokenStart, bodyStart, end, assessed: Array(s[j..<end]), check,
            shownPrefix: "https://" + "hooks.slack.com/services/")
    }

    /// Reports the token from `start` to `end` when `assessed` (the random part of its body)
    /// reads as random and nothing masks it.
    func judge(
        _ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ bodyStart: Int, _ end: Int, assessed: [UInt8],
        _ check: RandomnessCheck, shownPrefix: String? = nil
    ) -> ScanOutcome {
        if Bytes.isMasked(s, after: end) { return .placeholder(end: end) }
        guard check.assess(assessed, declared: declaredAlphabet) == .random else {
            return .placeholder(end: end)
        }
        var evidence: SecretMatch.Evidence?
        if let marker, Bytes.contains(s[bodyStart..<end], marker) { evidence = .providerMarker }
        return .secret(
            secretMatch(s, start, bodyStart, end, evidence: evidence, shownPrefix: shownPrefix))
    }

    func secretMatch(
        _ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ bodyStart: Int, _ end: Int,
        evidence: SecretMatch.Evidence?, shownPrefix: String? = nil
    ) -> SecretMatch {
        let shown = shownPrefix.map { Array($0.utf8) } ?? prefix
        return SecretMatch(
            kind: name, range: start..<end,
            redacted: Redaction.redact(prefix: shown, body: s[bodyStart..<end]),
            suggestion: suggestion, evidence: evidence)
    }
}
