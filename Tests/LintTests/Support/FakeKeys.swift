import Foundation

@testable import Lint
@testable import SecretScanning

/// A small seeded generator, so a failing run can be replayed from the seed it prints.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One key as a fixture writes it: `lead` is text that belongs before the secret on the same
/// line (a variable name for secrets without a prefix), `secret` is what the rule must point at.
struct FakeKey {
    var provider: String
    var lead: String
    var secret: String
    /// The visible prefix of `secret` (`sk-proj-`), empty for secrets known only by their name.
    var prefix: String
    /// The part of `secret` that must never be printed.
    var body: String { String(secret.dropFirst(prefix.count)) }
}

/// Realistic keys for tests, built at run time from random characters of each provider's
/// documented shape, so that no real-looking key is ever written in the repository. Prefixes
/// are assembled from parts for the same reason. The shapes are written here independently of
/// the rule's format table, from the providers' documentation.
struct FakeKeys {
    struct Provider: Sendable {
        var name: String
        /// Whether the key fits on one line (everything but PEM blocks).
        var isInline = true
        var make: @Sendable (inout SplitMix64) -> FakeKey
    }

    static let base62 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    static let base64URL = base62 + Array("-_")
    static let base64 = base62 + Array("+/")
    static let hex = Array("0123456789abcdef")
    static let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    static let digits = Array("0123456789")
    static let upperDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    static func random(_ count: Int, _ alphabet: [Character], _ rng: inout SplitMix64) -> String {
        String((0..<count).map { _ in alphabet.randomElement(using: &rng)! })
    }

    /// The base64 of "OpenAI", which OpenAI embeds in its keys (computed, never written out).
    static let openAIMarker = Data("OpenAI".utf8).base64EncodedString()

    static func base64URL(_ json: String) -> String {
        Data(json.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// 30 random base62 characters and their CRC32 as 6 base62 digits.
    static func checksummed(_ prefix: String, _ rng: inout SplitMix64) -> FakeKey {
        let payload = random(30, base62, &rng)
        let crc = String(
            decoding: TokenChecksum.base62(TokenChecksum.crc32(Array(payload.utf8))), as: UTF8.self)
        return FakeKey(provider: prefix, lead: "", secret: prefix + payload + crc, prefix: prefix)
    }

    static func prefixed(
        _ name: String, _ prefix: String, _ body: @escaping @Sendable (inout SplitMix64) -> String
    ) -> Provider {
        Provider(name: name) { rng in
            FakeKey(provider: name, lead: "", secret: prefix + body(&rng), prefix: prefix)
        }
    }

    /// A secret known only by the name it is assigned to. Such values are reported only when
    /// they mix letters and digits (the rule's documented condition, since an identifier such
    /// as `getApiKeyFromEnvironment` is as random-looking as a short letters-only key), so the
    /// generator draws until the value has both.
    static func assigned(
        _ name: String, lead: String, _ body: @escaping @Sendable (inout SplitMix64) -> String
    ) -> Provider {
        Provider(name: name) { rng in
            var value = body(&rng)
            while !(value.contains { $0.isNumber } && value.contains { $0.isLetter }) {
                value = body(&rng)
            }
            return FakeKey(provider: name, lead: lead, secret: value, prefix: "")
        }
    }

    /// Every provider the rule must catch.
    static let providers: [Provider] = [
        prefixed("OpenAI legacy", "s" + "k-") {
            random(20, base62, &$0) + openAIMarker + random(20, base62, &$0)
        },
        prefixed("OpenAI project", "sk" + "-proj-") {
            random(74, base64URL, &$0) + openAIMarker + random(74, base64URL, &$0)
        },
        prefixed("OpenAI project, no marker", "sk" + "-proj-") { random(120, base64URL, &$0) },
        prefixed("OpenAI service account", "sk" + "-svcacct-") {
            random(70, base64URL, &$0) + openAIMarker + random(70, base64URL, &$0)
        },
        prefixed("OpenAI admin", "sk" + "-admin-") {
            random(70, base64URL, &$0) + openAIMarker + random(70, base64URL, &$0)
        },
        prefixed("Anthropic", "sk" + "-ant-api03-") { random(93, base64URL, &$0) + "AA" },
        prefixed("Anthropic admin", "sk" + "-ant-admin01-") { random(93, base64URL, &$0) + "AA" },
        prefixed("AWS access key id", "AK" + "IA") { random(16, base32, &$0) },
        prefixed("AWS temporary key id", "AS" + "IA") { random(16, base32, &$0) },
        assigned("AWS secret access key", lead: "aws_secret_access_key = ") { random(40, base64, &$0) },
        Provider(name: "GitHub classic") { checksummed("gh" + "p_", &$0) },
        Provider(name: "GitHub OAuth") { checksummed("gh" + "o_", &$0) },
        Provider(name: "GitHub user-to-server") { checksummed("gh" + "u_", &$0) },
        Provider(name: "GitHub server-to-server") { checksummed("gh" + "s_", &$0) },
        Provider(name: "GitHub refresh") { checksummed("gh" + "r_", &$0) },
        prefixed("GitHub classic, wrong checksum", "gh" + "p_") { random(36, base62, &$0) },
        prefixed("GitHub fine-grained", "github" + "_pat_") {
            random(22, base62, &$0) + "_" + random(59, base62, &$0)
        },
        prefixed("GitLab", "gl" + "pat-") { random(20, base64URL, &$0) },
        prefixed("Stripe live", "sk" + "_live_") { random(99, base62, &$0) },
        prefixed("Stripe live, short", "sk" + "_live_") { random(24, base62, &$0) },
        prefixed("Stripe restricted", "rk" + "_live_") { random(99, base62, &$0) },
        prefixed("Stripe test", "sk" + "_test_") { random(99, base62, &$0) },
        prefixed("Stripe restricted test", "rk" + "_test_") { random(99, base62, &$0) },
        prefixed("Slack bot", "xo" + "xb-") {
            random(12, digits, &$0) + "-" + random(13, digits, &$0) + "-" + random(24, base62, &$0)
        },
        prefixed("Slack user", "xo" + "xp-") {
            random(12, digits, &$0) + "-" + random(12, digits, &$0) + "-" + random(13, digits, &$0) + "-"
                + random(32, hex, &$0)
        },
        prefixed("Slack app", "xo" + "xa-") {
            "2-" + random(12, digits, &$0) + "-" + random(32, base62, &$0)
        },
        prefixed("Slack refresh", "xo" + "xr-") {
            random(12, digits, &$0) + "-" + random(40, base62, &$0)
        },
        prefixed("Slack session", "xo" + "xs-") {
            random(12, digits, &$0) + "-" + random(32, base62, &$0)
        },
        prefixed("Slack webhook", "https://hooks" + ".slack.com/services/") {
            "T" + random(8, upperDigits, &$0) + "/B" + random(10, upperDigits, &$0) + "/"
                + random(24, base62, &$0)
        },
        prefixed("Google API key", "AI" + "za") { "Sy" + random(33, base64URL, &$0) },
        prefixed("Hugging Face", "h" + "f_") { random(34, letters, &$0) },
        prefixed("SendGrid", "S" + "G.") {
            random(22, base64URL, &$0) + "." + random(43, base64URL, &$0)
        },
        Provider(name: "npm") { checksummed("np" + "m_", &$0) },
        prefixed("PyPI", "py" + "pi-AgEIcHlwaS5vcmc") { random(150, base64URL, &$0) },
        prefixed("Groq", "gs" + "k_") { random(52, base62, &$0) },
        prefixed("OpenRouter", "sk" + "-or-v1-") { random(64, hex, &$0) },
        prefixed("DigitalOcean personal", "do" + "p_v1_") { random(64, hex, &$0) },
        prefixed("DigitalOcean OAuth", "do" + "o_v1_") { random(64, hex, &$0) },
        prefixed("DigitalOcean refresh", "do" + "r_v1_") { random(64, hex, &$0) },
        prefixed("Shopify access", "sh" + "pat_") { random(32, hex, &$0) },
        prefixed("Shopify shared secret", "sh" + "pss_") { random(32, hex, &$0) },
        prefixed("Shopify custom app", "sh" + "pca_") { random(32, hex, &$0) },
        prefixed("Shopify private app", "sh" + "ppa_") { random(32, hex, &$0) },
        prefixed("Twilio API key", "S" + "K") { random(32, hex, &$0) },
        prefixed("Replicate", "r" + "8_") { random(37, base62, &$0) },
        prefixed("xAI", "xa" + "i-") { random(80, base62, &$0) },
        prefixed("Perplexity", "pp" + "lx-") { random(48, base62, &$0) },
        prefixed("DeepSeek-style sk- hex", "s" + "k-") { random(32, hex, &$0) },
        Provider(name: "JSON Web Token") { rng in
            let header = base64URL(#"{"alg":"HS256","typ":"JWT"}"#)
            let claims =
                #"{"sub":"user-\#(random(12, base62, &rng))","iat":\#(1_700_000_000 + Int(rng.next() % 9_999_999))}"#
            let token = header + "." + base64URL(claims) + "." + random(43, base64URL, &rng)
            return FakeKey(provider: "JSON Web Token", lead: "", secret: token, prefix: "")
        },
        assigned("api_key assignment", lead: "api_key = ") { random(32, base62, &$0) },
        assigned("JSON apiKey", lead: #""apiKey": ""#) { random(40, base62, &$0) },
        assigned("Bearer header", lead: "Authorization: Bearer ") { random(40, base62, &$0) },
        assigned("X-API-Key header", lead: "X-API-Key: ") { random(32, hex, &$0) },
        assigned("env token", lead: "ACME_DEPLOY_TOKEN=") { random(40, base62, &$0) },
        assigned("env secret", lead: "CLIENT_SECRET=") { random(48, base64URL, &$0) },
        assigned("command-line option", lead: "mytool deploy --api-key ") { random(32, hex, &$0) },
        assigned("generated password", lead: "DB_PASSWORD=") { random(20, base62, &$0) },
        assigned("YAML password", lead: "password: ") { random(20, base62, &$0) },
        assigned("YAML secret", lead: "secret: ") { random(24, base64URL, &$0) },
    ]

    /// A PEM private key block of `label` with a random body of `characters` base64 characters,
    /// 64 per line, behind the fixed header real keys start with.
    static func privateKey(_ label: String, characters: Int, _ rng: inout SplitMix64) -> (
        text: String, body: String
    ) {
        let body = "MII" + random(characters - 3, base64, &rng)
        var lines: [String] = []
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        let text =
            "-----" + "BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----"
        return (text, body)
    }

    static func seed() -> UInt64 { UInt64.random(in: 0...UInt64.max) }
}
