import Foundation
import KnowledgeBase
import Testing

@testable import Lint
@testable import SecretScanning

/// Placeholders, masked keys and values that merely resemble keys are never reported.
@Suite("realistic-secret: placeholders and look-alikes")
struct RealisticSecretPlaceholderTests {
    /// Ways people write a key that is plainly not one, given a real key's prefix and body
    /// length (`n`).
    static let placeholderStyles: [(name: String, body: @Sendable (Int) -> String)] = [
        ("ellipsis", { _ in "..." }),
        ("unicode ellipsis", { _ in "…" }),
        ("X run", { String(repeating: "X", count: $0) }),
        ("x run", { String(repeating: "x", count: $0) }),
        ("asterisks", { String(repeating: "*", count: $0) }),
        ("zeros", { String(repeating: "0", count: $0) }),
        ("hashes", { String(repeating: "#", count: $0) }),
        ("angle brackets", { _ in "<your key>" }),
        ("your key here", { n in pad("YOUR_KEY_HERE", n, "X") }),
        ("your-api-key-here", { n in pad("your-api-key-here", n, "x") }),
        ("example", { n in pad("EXAMPLE", n, "0") }),
        ("sequential digits and hex", { n in cycle("1234567890abcdef", n) }),
        ("alphabet", { n in cycle("abcdefghijklmnopqrstuvwxyz0123456789", n) }),
        ("alternating case alphabet", { n in cycle("AbCdEfGhIjKlMnOpQrStUvWxYz", n) }),
        ("repeated pattern", { n in cycle("abc", n) }),
        ("interleaved sequence", { n in cycle("a1b2c3d4e5f6g7h8i9j0", n) }),
        ("repeated word", { n in cycle("fake", n) }),
        ("placeholder sentence", { n in cycle("ThisIsNotARealKeyItIsAPlaceholderForTheDocs", n) }),
        ("keyboard row", { n in cycle("qwertyuiopasdfghjklzxcvbnm", n) }),
        ("mask with last four", { _ in "...a1B2" }),
        ("stars with last four", { _ in "****abcd" }),
        ("template variable", { _ in "{{key}}" }),
        ("shell variable", { _ in "$KEY" }),
    ]

    static func pad(_ word: String, _ n: Int, _ filler: Character) -> String {
        word.count >= n ? word : word + String(repeating: filler, count: n - word.count)
    }

    static func cycle(_ pattern: String, _ n: Int) -> String {
        String((0..<n).map { Array(pattern)[$0 % pattern.count] })
    }

    @Test func noPlaceholderStyleIsReportedForAnyProvider() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        var checked = 0
        for provider in FakeKeys.providers where provider.isInline {
            let key = provider.make(&rng)
            // The body length of a real key of this provider, so placeholders have the right shape.
            let length = key.body.count
            for style in Self.placeholderStyles {
                let fake = key.lead + key.prefix + style.body(length)
                let source =
                    "# Setup\n\nSet `\(fake)` and run:\n\n```sh\n\(fake)\n```\n\n<!-- \(fake) -->\n"
                let findings = try lintSecrets(source)
                #expect(findings.isEmpty, "\(provider.name), \(style.name): \(fake)")
                checked += 1
            }
        }
        #expect(checked == FakeKeys.providers.filter(\.isInline).count * Self.placeholderStyles.count)
    }

    /// Assigned to a secret's name, a placeholder after a known prefix stays one at any length:
    /// a body of the format's shape is judged by the format, one of another length is judged as
    /// a plain value, and must read as made up there too.
    @Test func prefixedPlaceholdersOfAnyLengthAssignedToASecretNameAreNotReported() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        var reported: [String] = []
        var checked = 0
        for provider in FakeKeys.providers where provider.isInline {
            let key = provider.make(&rng)
            guard !key.prefix.isEmpty else { continue }
            let n = key.body.count
            for style in Self.placeholderStyles {
                for body in Set([style.body(n), style.body(n / 2), style.body(n + 9)]) {
                    for lead in ["API_KEY=", "client_secret: ", "Authorization: Bearer "] {
                        checked += 1
                        let line = lead + key.prefix + body
                        if try !lintSecrets("# Setup\n\n```sh\n\(line)\n```\n").isEmpty {
                            reported.append("\(provider.name), \(style.name): \(line)")
                        }
                    }
                }
            }
        }
        #expect(checked > 3_000)
        #expect(reported.count == 0, "\(reported.count) of \(checked): \(reported.prefix(10))")
    }

    @Test(arguments: [
        "OPENAI_API_KEY=$OPENAI_API_KEY", "api_key = \"${API_KEY}\"", "\"apiKey\": \"{{api_key}}\"",
        "set API_KEY=%API_KEY%", "api_key: <your-api-key>", "Authorization: Bearer $OPENAI_API_KEY",
        "api_key = os.environ[\"OPENAI_API_KEY\"]", "apiKey: process.env.OPENAI_API_KEY",
        "token = get_token_from_vault(name)", "GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}",
        "client_secret: YOUR_CLIENT_SECRET_GOES_HERE", "api_key = 'sk-...'",
        "X-API-Key: 1234567890abcdef1234567890abcdef", "api_key=abcdefghij0123456789abcdefghij",
        "mytool --api-key {{api_key}} --token $TOKEN --secret <secret>",
    ])
    func variablesAndPlaceholdersInAssignmentsAreNotReported(_ line: String) throws {
        let findings = try lintSecrets("# Setup\n\n```sh\n\(line)\n```\n\nOr inline: `\(line)`.\n")
        #expect(findings.isEmpty)
    }

    @Test func lookAlikesAreNotReported() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let r = { (n: Int, a: [Character]) in FakeKeys.random(n, a, &rng) }
        let sha256 = r(64, FakeKeys.hex)
        let lookAlikes = [
            "git show " + r(40, FakeKeys.hex),
            "echo '" + sha256 + "  kb.tar.gz' | sha256sum --check",
            "sha256 = " + sha256,
            "checksum: " + r(64, FakeKeys.hex),
            "commit: " + r(40, FakeKeys.hex),
            "id: " + UUID().uuidString.lowercased(),
            "api_key = " + UUID().uuidString.lowercased(),
            "docker pull alpine@sha256:" + sha256,
            "<script src=\"kb.js\" integrity=\"sha384-" + r(64, FakeKeys.base64) + "\"></script>",
            "OpenAI-Organization: org-" + r(24, FakeKeys.base62),
            "project: proj_" + r(24, FakeKeys.base62),
            "ask-password, task-runner, desk-lamp, risk-assessment and sk-learn are words",
            "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE",  // AWS's documented example
            "aws_secret_access_key = " + ["wJalrXUtnFEMI", "K7MDENG", "bPxRfiCYEXAMPLEKEY"].joined(separator: "/"),
            "Publishable keys are public: pk" + "_live_" + r(99, FakeKeys.base62),
            "pk" + "_test_" + r(99, FakeKeys.base62),
            "Account SID: AC" + r(32, FakeKeys.hex),
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + r(43, FakeKeys.base64) + " you@example.com",
            "public_key = " + r(44, FakeKeys.base64),
            "nextPageToken: " + r(40, FakeKeys.base62),
            "password = hunter2", "password: correct-horse-battery-staple", "PASSWORD=changeme123",
            "DB_PASSWORD=${DB_PASSWORD}",
            "Keys start with -----BEGIN PRIVATE KEY----- and end with -----END PRIVATE KEY-----.",
            "The identifier getApiKeyFromEnvironment reads api_key = getApiKeyFromEnvironment",
        ]
        for text in lookAlikes {
            let findings = try lintSecrets("# Notes\n\n\(text)\n\n```\n\(text)\n```\n")
            #expect(findings.isEmpty, "\(text)")
        }
    }

    /// A password or secret random enough to be real is reported from 16 characters (a
    /// password) or 20 (a secret), like a key.
    @Test func randomPasswordsAndSecretsAreReported() throws {
        let seed = FakeKeys.seed()
        var rng = SplitMix64(seed: seed)
        // Letters and digits both (values of one class are not reported), the digit inside the
        // value: appended after the closing quote, as this test once did, it missed the value
        // whenever 18 random base62 characters held no digit (4% of runs).
        func value(_ count: Int, _ alphabet: [Character]) -> String {
            let drawn = FakeKeys.random(count, alphabet, &rng)
            return drawn.contains(where: \.isNumber) ? drawn : String(drawn.dropLast()) + "7"
        }
        for text in [
            "DB_PASSWORD=" + value(16, FakeKeys.base62),
            "password: \"" + value(18, FakeKeys.base62) + "\"",
            "secret: " + value(24, FakeKeys.base64URL),
        ] {
            let findings = try lintSecrets("# Notes\n\n```\n\(text)\n```\n")
            #expect(findings.count == 1, "seed \(seed): \(text)")
        }
    }

    @Test(arguments: [
        "...", "<your private key>", "{{ private_key }}", "$PRIVATE_KEY",
        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC...",
    ])
    func privateKeyBlocksWithPlaceholderBodiesAreNotReported(_ body: String) throws {
        let block = "-----" + "BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----"
        let findings = try lintSecrets("# Keys\n\n```\n\(block)\n```\n")
        #expect(findings.isEmpty)
    }

    @Test func privateKeyBlocksWithFillerBodiesAreNotReported() throws {
        for filler in ["X", "A", "0"] {
            let line = String(repeating: filler, count: 64)
            let block =
                "-----" + "BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
                + Array(repeating: line, count: 10).joined(separator: "\n") + "\n-----END PRIVATE KEY-----"
            #expect(try lintSecrets("# Keys\n\n```\n\(block)\n```\n").isEmpty, "\(filler)")
        }
    }

    @Test func jwtIoExampleAndUnsignedTokensAreNotReported() throws {
        let header = FakeKeys.base64URL(#"{"alg":"HS256","typ":"JWT"}"#)
        let example = FakeKeys.base64URL(#"{"sub":"1234567890","name":"John Doe","iat":1516239022}"#)
        var rng = SplitMix64(seed: FakeKeys.seed())
        let signature = FakeKeys.random(43, FakeKeys.base64URL, &rng)
        let unsigned =
            FakeKeys.base64URL(#"{"alg":"none"}"#) + "." + FakeKeys.base64URL(#"{"sub":"u-8812"}"#) + "."
        for token in [header + "." + example + "." + signature, unsigned] {
            #expect(try lintSecrets("# Tokens\n\n`\(token)`\n").isEmpty)
        }
    }

    /// A token's pieces assigned to a secret's name stay the token detector's: the jwt.io
    /// example, an unsigned token, a lone header or payload (base64 of JSON, public), and a
    /// truncated `eyJ...`. A real-looking token in the same places is reported.
    @Test(arguments: ["TOKEN=", "Authorization: Bearer ", #""accessToken": ""#])
    func tokenPiecesAssignedToASecretNameAreNotReported(lead: String) throws {
        let header = FakeKeys.base64URL(#"{"alg":"HS256","typ":"JWT"}"#)
        let example = FakeKeys.base64URL(#"{"sub":"1234567890","name":"John Doe","iat":1516239022}"#)
        var rng = SplitMix64(seed: FakeKeys.seed())
        let signature = FakeKeys.random(43, FakeKeys.base64URL, &rng)
        let unsigned =
            FakeKeys.base64URL(#"{"alg":"none"}"#) + "." + FakeKeys.base64URL(#"{"sub":"u-8812"}"#) + "."
        let claims = FakeKeys.base64URL(#"{"sub":"user-48213","iat":1716239022,"scope":"deploy"}"#)
        for value in [header + "." + example + "." + signature, unsigned, header, claims, "eyJ...", header + "..."] {
            #expect(try lintSecrets("# Tokens\n\nUse \(lead)\(value) here.\n").isEmpty, "\(lead)\(value)")
        }
        let real = header + "." + claims + "." + signature
        #expect(try lintSecrets("# Tokens\n\nUse \(lead)\(real) here.\n").count == 1)
    }

    @Test func configuredPlaceholdersAreAllowed() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let key = FakeKeys.providers[1].make(&rng).secret
        let source = "# Setup\n\nOur docs always use `\(key)`.\n"
        #expect(try lintSecrets(source).count == 1)
        var configuration = LintConfiguration()
        configuration.allowedPlaceholders = [key]
        #expect(try lintSecrets(source, configuration: configuration).isEmpty)
    }
}
