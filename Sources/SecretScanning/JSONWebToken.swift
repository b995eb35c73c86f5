import Platform

/// Signed JSON Web Tokens (`eyJ…` header, payload and signature, base64url, dot-separated):
/// bearer credentials until they expire.
///
/// Flagged when the header decodes to JSON naming an `alg` other than `none`, the signature
/// reads as random, and the payload is not an obvious example (jwt.io's `"sub": "1234567890"`,
/// `John Doe`, words such as `example`).
///
/// Bytes that merely start with `eyJ` are the wrong shape, not a placeholder: a random key
/// assigned to a secret's name begins so once in 262,144 values, and must still be judged as
/// that value. Pieces of tokens (a lone header or payload, `eyJhbGc...`) stay placeholders.
enum JSONWebToken {
    /// Longest header read: real ones are a few dozen characters.
    private static let headerLimit = 2000
    private static let base64Either = ByteSet.base64.union(.base64URL)

    /// The outcome for the `eyJ` at `start`: the wrong shape when the bytes are no token, not
    /// even a piece or a placeholder of one.
    static func match(
        in s: UnsafeBufferPointer<UInt8>, at start: Int, format: SecretFormat, check: RandomnessCheck
    ) -> ScanOutcome {
        // The run takes both base64 alphabets: a `+` or `/` does not end a header, it shows a
        // base64 value, which must decode to text as well to count as (a piece of) a token.
        let headerEnd = Bytes.run(s, from: start, in: base64Either, limit: headerLimit)
        guard let header = Base64.decode(s[start..<headerEnd]), isText(header) else {
            return .wrongShape(end: headerEnd)
        }
        guard headerEnd - start >= 10, headerEnd < s.count, s[headerEnd] == UInt8(ascii: "."),
            s[start..<headerEnd].allSatisfy({ ByteSet.base64URL.contains($0) })
        else {
            return .placeholder(end: headerEnd)
        }
        let payloadEnd = Bytes.run(s, from: headerEnd + 1, in: .base64URL, limit: 20_000)
        guard payloadEnd - headerEnd - 1 >= 4, payloadEnd < s.count, s[payloadEnd] == UInt8(ascii: ".")
        else {
            return .placeholder(end: payloadEnd)
        }
        let end = Bytes.run(s, from: payloadEnd + 1, in: .base64URL, limit: 2000)
        let signature = Array(s[(payloadEnd + 1)..<end])
        guard signature.count >= 20, end == s.count || !Bytes.isAlphanumeric(s[end]) else {
            return .placeholder(end: end)
        }
        guard isSignedHeader(header), let payload = Base64.decode(s[(headerEnd + 1)..<payloadEnd]),
            !isExamplePayload(payload)
        else { return .placeholder(end: end) }
        return format.judge(s, start, start, end, assessed: signature, check)
    }

    /// True when a decoded header is UTF-8 text without control characters, as JSON is, whole
    /// or cut short (`eyJhbGciOiJIUzI1NiJ9`, `eyJhbGc`). Every `eyJ…` decodes to `{"` first, so
    /// that alone says nothing; past it, a random value decodes to binary. Each byte is
    /// printable ASCII with odds of 95 in 256, so the 13 random bytes of a 20-character value
    /// all read as text about once in 400,000 (a little more often with UTF-8 sequences), on
    /// top of the 1 in 262,144 of starting with `eyJ`.
    static func isText(_ decoded: [UInt8]) -> Bool {
        for b in decoded where b < 0x20 || b == 0x7F {
            guard b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") else {
                return false
            }
        }
        // Valid UTF-8 survives decoding unchanged; binary gets replacement characters.
        return decoded.allSatisfy { $0 < 0x80 } || Array(String(decoding: decoded, as: UTF8.self).utf8) == decoded
    }

    /// `{"alg":"HS256",…}`, not `"alg":"none"`.
    static func isSignedHeader(_ json: [UInt8]) -> Bool {
        guard json.first == UInt8(ascii: "{"), Bytes.contains(json, Array("\"alg\"".utf8)) else {
            return false
        }
        let compact = json.filter { $0 != UInt8(ascii: " ") }
        return !Bytes.contains(compact, Array("\"alg\":\"none\"".utf8))
    }

    static func isExamplePayload(_ json: [UInt8]) -> Bool {
        guard json.first == UInt8(ascii: "{") else { return true }
        let lowered = json.map { RandomnessCheck.fold($0) }
        for marker in [
            "john doe", "jane doe", "1234567890", "example", "placeholder", "your-", "your_",
        ]
        where Bytes.contains(lowered, Array(marker.utf8)) {
            return true
        }
        return false
    }
}
