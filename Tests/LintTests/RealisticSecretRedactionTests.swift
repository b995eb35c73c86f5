import Foundation
import Testing

@testable import Lint
@testable import SecretScanning

/// Findings name the key (prefix and at most its last four characters) but never repeat it.
@Suite("realistic-secret: redaction")
struct RealisticSecretRedactionTests {
    @Test func noMessageContainsAnyPartOfTheKeyBody() throws {
        let seed = FakeKeys.seed()
        var rng = SplitMix64(seed: seed)
        for provider in FakeKeys.providers where provider.isInline {
            let key = provider.make(&rng)
            let findings = try lintSecrets("# Setup\n\nUse `\(key.lead)\(key.secret)`.\n")
            try #require(findings.count == 1, "\(provider.name), seed \(seed)")
            let message = findings[0].message
            let body = Array(key.body)
            for start in 0...(body.count - 8) {
                let window = String(body[start..<(start + 8)])
                #expect(!message.contains(window), "\(provider.name): \(message)")
            }
            #expect(message.hasPrefix("realistic ") || message.hasPrefix("real "))
            #expect(message.contains("use a placeholder such as"))
        }
    }

    @Test func theMessageShowsThePrefixAndTheLastFourCharacters() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let body = FakeKeys.random(120, FakeKeys.base64URL, &rng)
        let prefix = "sk" + "-proj-"
        let findings = try lintSecrets("# Setup\n\n`\(prefix)\(body)`\n")
        try #require(findings.count == 1)
        #expect(
            findings[0].message
                == "realistic OpenAI project key \"\(prefix)…\(body.suffix(4))\": use a placeholder such as sk-proj-... or $OPENAI_API_KEY"
        )
    }

    @Test func privateKeyBlocksShowOnlyTheirHeader() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let (block, body) = FakeKeys.privateKey("RSA PRIVATE KEY", characters: 1_600, &rng)
        let findings = try lintSecrets("# Key\n\n```\n\(block)\n```\n")
        try #require(findings.count == 1)
        #expect(
            findings[0].message.hasPrefix(
                "realistic RSA private key block \"-----BEGIN RSA PRIVATE KEY-----…\""))
        #expect(
            !findings[0].message.contains(String(body.suffix(4)))
                || body.suffix(4).allSatisfy { $0 == "-" })
    }

    @Test func aValidChecksumIsCalledReal() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let key = FakeKeys.checksummed("gh" + "p_", &rng)
        let findings = try lintSecrets("# Token\n\n`\(key.secret)`\n")
        try #require(findings.count == 1)
        #expect(findings[0].message.hasPrefix("real GitHub personal access token"))
        #expect(findings[0].message.contains("checksum is valid"))
    }
}
