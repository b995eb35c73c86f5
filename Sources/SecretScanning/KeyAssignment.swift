/// Secrets without a telling prefix, found by the name they are assigned to: `api_key = "…"`,
/// `"apiKey": "…"`, `OPENAI_API_KEY=…`, `X-API-Key: …`, `Authorization: Bearer …`,
/// `?access_token=…`, `--api-key …`, and AWS secret access keys (`aws_secret_access_key = ` + 40 characters).
///
/// With no prefix to go on, the value must say more: at least 20 characters, letters and
/// digits both, and a random body (a password, named `password` or `passwd`, at least 16:
/// generated passwords are shorter than keys). UUIDs, expressions (`os.environ[…]`, `process.env.X`),
/// variables (`$KEY`, `${KEY}`, `{{key}}`, `%KEY%`, `<key>`) and values that start with a
/// known prefix (left to that format's detector) are passed over. Short or word-like example
/// passwords (`hunter2`, `correct-horse-battery`) are not reported: they read as examples.
enum KeyAssignment {
    /// Normalised (lowercase, no `_`, `-`, `.`) name endings that hold secrets.
    private static let secretEndings = [
        "apikey", "apisecret", "apitoken", "accesskey", "secretkey", "privatekey", "encryptionkey", "masterkey",
        "clientsecret", "clientkey", "appsecret", "appkey", "authkey", "licensekey", "subscriptionkey", "token",
        "secret", "authorization", "password", "passwd",
    ].map { Array($0.utf8) }
    /// Endings that look like secrets but name identifiers, public values or pagination cursors.
    private static let harmlessEndings = [
        "publickey", "publishablekey", "pubkey", "signingkey", "sshkey", "gpgkey", "hostkey", "pagetoken",
        "nexttoken", "continuationtoken", "synctoken", "cancellationtoken", "csrftoken",
    ].map { Array($0.utf8) }
    fileprivate static let awsSecretEnding = Array("secretaccesskey".utf8)

    fileprivate static let lastLetters = ByteSet("yYnNtTdD")
    private static let nameBytes = ByteSet.alphanumerics.union(ByteSet("_-."))
    private static let valueBytes = ByteSet.alphanumerics.union(ByteSet("_-+/="))
    private static let awsSecretBytes = ByteSet.alphanumerics.union(ByteSet("+/"))

    /// A cheap first look at the separator at `separator`: true when the name before it could
    /// end in `key`, `token`, `secret` or `authorization`. Most colons in prose ("Note:") and
    /// `=` in commands stop here.
    @inline(__always)
    static func mayFollowSecretName(_ s: UnsafeBufferPointer<UInt8>, separator: Int) -> Bool {
        var j = separator - 1
        while j >= 0, j >= separator - 6, !ByteSet.alphanumerics.contains(s[j]) {
            let b = s[j]
            guard b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
            else { return false }
            j -= 1
        }
        return j >= 0 && lastLetters.contains(s[j])
    }

    /// The outcome for the separator (`=` or `:`) at `separator`, or nil when no secret name
    /// comes before it.
    static func match(in s: UnsafeBufferPointer<UInt8>, separator: Int, check: RandomnessCheck)
        -> ScanOutcome?
    {
        // The name, backwards: `api_key`, `"apiKey"`, `X-API-Key`, `$env:OPENAI_API_KEY`.
        var j = separator - 1
        var skipped = 0
        while j >= 0, skipped < 4, s[j] == UInt8(ascii: " ") || s[j] == UInt8(ascii: "\t") {
            j -= 1
            skipped += 1
        }
        if j >= 0, s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'") { j -= 1 }
        let nameEnd = j + 1
        while j >= 0, nameEnd - j <= 64, nameBytes.contains(s[j]) { j -= 1 }
        let nameStart = j + 1
        guard let name = SecretName(s, nameStart..<nameEnd) else { return nil }

        // The value: `= "…"`, `: …`, `:= …`, `=> …`, optional quote, optional auth scheme.
        var k = separator + 1
        while k < s.count, k - separator <= 6,
            s[k] == UInt8(ascii: " ") || s[k] == UInt8(ascii: "\t") || s[k] == UInt8(ascii: "=")
                || s[k] == UInt8(ascii: ">") || s[k] == UInt8(ascii: "\"") || s[k] == UInt8(ascii: "'")
        {
            k += 1
        }
        return value(in: s, at: k, of: name, check: check)
    }

    /// The outcome for a command-line option with its value after a space
    /// (`--api-key 3f9…`), starting at the first `-` of `--`; nil when the option does not
    /// name a secret. (`--api-key=…` is an assignment.)
    static func matchOption(in s: UnsafeBufferPointer<UInt8>, at start: Int, check: RandomnessCheck) -> ScanOutcome? {
        let nameStart = start + 2
        let nameEnd = Bytes.run(s, from: nameStart, in: nameBytes, limit: 64)
        guard nameEnd < s.count, s[nameEnd] == UInt8(ascii: " "), let name = SecretName(s, nameStart..<nameEnd) else {
            return nil
        }
        var k = nameEnd
        while k < s.count, k - nameEnd <= 3,
            s[k] == UInt8(ascii: " ") || s[k] == UInt8(ascii: "\"") || s[k] == UInt8(ascii: "'")
        {
            k += 1
        }
        return value(in: s, at: k, of: name, check: check)
    }

    /// A name that holds a secret, as written before its value.
    private struct SecretName {
        var text: String
        var isAWSSecret: Bool
        var isAuthorization: Bool
        var isPassword: Bool

        init?(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            guard range.count >= 3, range.count <= 64 else { return nil }
            // Every secret name ends in `key`, `token`, `secret` or `authorization`: most
            // names stop here, before anything is allocated.
            var last = range.upperBound - 1
            while last > range.lowerBound, !ByteSet.alphanumerics.contains(s[last]) { last -= 1 }
            guard KeyAssignment.lastLetters.contains(s[last]) else { return nil }
            var normalized: [UInt8] = []
            normalized.reserveCapacity(range.count)
            var hasLowercase = false
            for b in s[range] where ByteSet.alphanumerics.contains(b) {
                if ByteSet.lowercase.contains(b) { hasLowercase = true }
                normalized.append(RandomnessCheck.fold(b))
            }
            let before = range.lowerBound > 0 ? s[range.lowerBound - 1] : 0
            let inQuery = before == UInt8(ascii: "?") || before == UInt8(ascii: "&")
            isAWSSecret = normalized.ends(with: KeyAssignment.awsSecretEnding)
            isAuthorization = normalized.ends(with: Array("authorization".utf8))
            isPassword = normalized.ends(with: Array("password".utf8)) || normalized.ends(with: Array("passwd".utf8))
            guard isAWSSecret || KeyAssignment.isSecretName(normalized, envStyle: !hasLowercase, inQuery: inQuery)
            else { return nil }
            text = String(decoding: s[range], as: UTF8.self)
        }
    }

    /// Judges the value starting at `k` (after separators and an opening quote).
    private static func value(
        in s: UnsafeBufferPointer<UInt8>, at start: Int, of name: SecretName, check: RandomnessCheck
    ) -> ScanOutcome? {
        var k = start
        if name.isAuthorization {
            for scheme in ["Bearer ", "bearer ", "Token ", "token "]
            where Bytes.hasPrefix(s, Array(scheme.utf8), at: k) {
                k += scheme.utf8.count
                break
            }
        }
        let valueStart = k
        guard valueStart < s.count, valueBytes.contains(s[valueStart]),
            s[valueStart] != UInt8(ascii: "=")
        else {
            return nil
        }
        // Values starting with a known prefix are judged by that format's detector (so a
        // placeholder such as `sk-proj-YOUR_KEY` stays one), unless they do not have its shape
        // (a random value that only starts with `eyJ` or `hf_`): those are judged below as plain
        // values, like values after two-letter prefixes (`SK`), too weak to claim a placeholder.
        // The prefix they did not live up to is left out of that judgement: fixed text such as
        // `pypi-AgEIcHlwaS5vcmc` reads as random, and would make any body after it look real.
        var judgedStart = valueStart
        for index in SecretCatalog.byFirstByte[Int(s[valueStart])]
        where Bytes.hasPrefix(s, SecretCatalog.formats[index].prefix, at: valueStart) {
            let format = SecretCatalog.formats[index]
            let outcome = format.match(in: s, at: valueStart, check: check)
            switch outcome {
            case .secret: return outcome
            case .placeholder where format.prefix.count >= 3: return outcome
            case .wrongShape where format.prefix.count >= 3: judgedStart = valueStart + format.prefix.count
            case .placeholder, .wrongShape: break
            }
            break  // the longest prefix that matches decides
        }
        let end = Bytes.run(s, from: valueStart, in: valueBytes, limit: 300)
        if end < s.count {
            let next = s[end]
            // Expressions (`process.env.KEY`, `get_key()`), variables and masks.
            if next == UInt8(ascii: ".") && end + 1 < s.count && Bytes.isAlphanumeric(s[end + 1]) {
                return .placeholder(end: end)
            }
            if ByteSet("([{$%<*").contains(next) || Bytes.isMasked(s, after: end) {
                return .placeholder(end: end)
            }
        }
        var trimmed = end
        while trimmed > valueStart, s[trimmed - 1] == UInt8(ascii: "=") { trimmed -= 1 }
        let value = Array(s[min(judgedStart, trimmed)..<trimmed])

        if name.isAWSSecret, end - valueStart == 40,
            s[valueStart..<end].allSatisfy({ awsSecretBytes.contains($0) })
        {
            guard check.assess(value) == .random else { return .placeholder(end: end) }
            return .secret(
                SecretMatch(
                    kind: "AWS secret access key", range: valueStart..<end,
                    redacted: Redaction.redact(prefix: [], body: value),
                    suggestion: "... or $AWS_SECRET_ACCESS_KEY",
                    evidence: nil))
        }
        guard value.count >= (name.isPassword ? 16 : 20), value.count <= 200, !isUUID(value),
            value.contains(where: { ByteSet.digits.contains($0) }),
            value.contains(where: { ByteSet.letters.contains($0) }),
            check.assess(value) == .random
        else { return .placeholder(end: end) }
        return .secret(
            SecretMatch(
                kind: "secret assigned to \(name.text)", range: valueStart..<end,
                redacted: Redaction.redact(prefix: [], body: value),
                suggestion: "... or a reference to an environment variable", evidence: nil))
    }

    /// `envStyle`: the name has no lowercase letters (`STRIPE_KEY`), where any `_KEY` holds a
    /// secret; elsewhere bare `key` is too common (`sort_key`, `cache_key`) except in a query.
    fileprivate static func isSecretName(_ name: [UInt8], envStyle: Bool, inQuery: Bool) -> Bool {
        for ending in harmlessEndings where name.ends(with: ending) { return false }
        for ending in secretEndings where name.ends(with: ending) { return true }
        if name.ends(with: Array("key".utf8)), envStyle || inQuery, name.count > 3 || inQuery {
            return true
        }
        return false
    }

    /// 8-4-4-4-12 hex: an identifier, not a secret.
    private static func isUUID(_ v: [UInt8]) -> Bool {
        guard v.count == 36 else { return false }
        for (i, b) in v.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != UInt8(ascii: "-") { return false }
            } else if !ByteSet.hex.contains(b) {
                return false
            }
        }
        return true
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        guard count >= suffix.count else { return false }
        let offset = count - suffix.count
        for k in 0..<suffix.count where self[offset + k] != suffix[k] { return false }
        return true
    }
}
