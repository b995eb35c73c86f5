/// A realistic credential found in a text, described without the secret itself.
public struct SecretMatch: Sendable, Equatable {
    /// Why the match is beyond doubt, when it is.
    public enum Evidence: Sendable, Equatable {
        /// The token's checksum is valid: GitHub's own scanning treats it as live.
        case validChecksum
        /// The key carries OpenAI's embedded marker.
        case providerMarker
    }

    /// What it is: "OpenAI project key", "secret assigned to `api_key`".
    public var kind: String
    /// Byte range of the token in the scanned text.
    public var range: Range<Int>
    /// The token as it may be shown: prefix and at most the last four characters.
    public var redacted: String
    /// What to write instead.
    public var suggestion: String
    public var evidence: Evidence?
    /// True when `range` holds the token exactly as it reads, byte for byte (no escapes, markup
    /// or line breaks inside), so a fix may replace the range as a whole.
    public var isVerbatim = true
}
