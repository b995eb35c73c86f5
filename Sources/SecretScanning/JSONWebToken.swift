import Platform

/// Signed JSON Web Tokens (`eyJ…` header, payload and signature, base64url, dot-separated):
/// bearer credentials until they expire.
///
/// Flagged when the header decodes to JSON naming an `alg` other than `none`, the signature
/// reads as random, and the payload is not an obvious example (jwt.io's `"sub": "1234567890"`,
/// `John Doe`, words such as `example`).
enum JSONWebToken {
    static func match(
        in s: UnsafeBufferPointer<UInt8>, at start: Int, format: SecretFormat, check: RandomnessCheck
    ) -> ScanOutcome {
        let headerEnd = Bytes.run(s, from: start, in: .base64URL, limit: 2000)
        guard headerEnd - start >= 10, headerEnd < s.count, s[headerEnd] == UInt8(ascii: ".") else {
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
        guard let header = Base64.decode(s[start..<headerEnd]), isSignedHeader(header),
            let payload = Base64.decode(s[(headerEnd + 1)..<payloadEnd]), !isExamplePayload(payload)
        else { return .placeholder(end: end) }
        return format.judge(s, start, start, end, assessed: signature, check)
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
