import Platform

/// One kind of credential with a telling prefix: what it is called, how its body is shaped,
/// and what to write instead.
///
/// The formats are public facts (providers document them so scanners can find leaked keys);
/// lengths are kept a little looser than the documented ones, since a key one character off
/// still looks real to a reader.
struct SecretFormat: Sendable {
    /// How the part after the prefix is built.
    enum Shape: Sendable {
        /// A run of `alphabet` characters, `length` long.
        case token(ByteSet, ClosedRange<Int>)
        /// GitHub classic tokens and npm tokens: 30 base62 characters and a 6-character checksum.
        case checksummed
        /// `github_pat_` + 22 base62 + `_` + 59 base62.
        case gitHubFineGrained
        /// `SG.` + 22 + `.` + 43, both base64url.
        case sendGrid
        /// `xoxb-` and friends: dash-separated ids, then the secret part.
        case slackToken
        /// `hooks.slack.com/services/T…/B…/` + 24 base62.
        case slackWebhook
        /// `eyJ…` header, payload and signature.
        case jsonWebToken
        /// `-----BEGIN … PRIVATE KEY-----` and a base64 body.
        case privateKeyBlock
    }

    /// What the finding calls it: "OpenAI project key".
    var name: String
    /// The bytes a key of this kind starts with.
    var prefix: [UInt8]
    var shape: Shape
    /// What to write instead, for the finding's message.
    var suggestion: String
    /// True when real keys are known to mix every class of the alphabet (upper, lower, digits),
    /// so a body confined to some classes reads as made up.
    var mixesClasses: Bool
    /// Bytes real keys of this kind embed (OpenAI's base64 of "OpenAI"): proof, not a requirement.
    var marker: [UInt8]?

    init(
        _ name: String, _ prefix: String, _ shape: Shape, suggest suggestion: String,
        mixesClasses: Bool = false,
        marker: [UInt8]? = nil
    ) {
        self.name = name
        self.prefix = Array(prefix.utf8)
        self.shape = shape
        self.suggestion = suggestion
        self.mixesClasses = mixesClasses
        self.marker = marker
    }

    /// The base64 of "OpenAI", which OpenAI embeds in its keys; computed so that the marker
    /// itself never appears in the repository.
    static let openAIMarker = Array(Base64.encode(Array("OpenAI".utf8)).utf8)

    /// The alphabet a body of this shape is drawn from, for the class-mix test.
    var declaredAlphabet: ByteSet? {
        guard mixesClasses else { return nil }
        switch shape {
        case .token(let alphabet, _): return alphabet
        case .checksummed, .gitHubFineGrained, .slackWebhook: return .alphanumerics
        case .sendGrid: return .base64URL
        case .slackToken, .jsonWebToken, .privateKeyBlock: return nil
        }
    }
}
