import Foundation
import Testing

@testable import Lint
@testable import SecretScanning

/// Every provider's key, in every place Markdown can hold it, is found at its exact position.
@Suite("realistic-secret: every provider in every Markdown context")
struct RealisticSecretContextTests {
    /// A place in a guide: `{KEY}` stands for the key as the fixture writes it (with the `1️⃣`
    /// marker before the part the rule must point at).
    struct MarkdownContext: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        /// How the key is written in this context (escaped underscores, a URL, …).
        var write: @Sendable (FakeKey) -> String = { $0.lead + "1️⃣" + $0.secret }
        var testDescription: String { name }
    }

    static let contexts: [MarkdownContext] = [
        MarkdownContext(
            name: "prose", template: "# Setup\n\nPaste your key, {KEY}, into the settings page.\n"),
        MarkdownContext(
            name: "inline code", template: "# Setup\n\nRun the tool with `{KEY}` in the environment.\n"),
        MarkdownContext(
            name: "fenced code", template: "# Setup\n\nSet it once:\n\n```sh\n{KEY}\nmake deploy\n```\n"),
        MarkdownContext(
            name: "indented code", template: "# Setup\n\nSet it once:\n\n    {KEY}\n    make deploy\n"),
        MarkdownContext(
            name: "link URL", template: "# Setup\n\nOpen [the console]({KEY}) to see it.\n",
            write: { key in
                key.secret.hasPrefix("https://") || !key.lead.isEmpty
                    ? "https://console.example.com/keys?" + key.lead + "1️⃣" + key.secret
                    : "https://console.example.com/keys/1️⃣" + key.secret
            }),
        MarkdownContext(
            name: "URL query string",
            template: "# Setup\n\n<https://api.example.com/v1/models?{KEY}&format=json>\n",
            write: { key in
                (key.lead.isEmpty ? "key=" : "access_token=") + "1️⃣" + key.secret
            }),
        MarkdownContext(
            name: "URL query string, percent-encoded",
            template: "# Setup\n\n<https://api.example.com/v1/models?{KEY}&format=json>\n",
            write: { key in
                var encoded = ""
                for c in key.secret {
                    switch c {
                    case "/": encoded += "%2F"
                    case "+": encoded += "%2B"
                    case "=": encoded += "%3d"
                    case "_": encoded += "%5F"
                    default: encoded.append(c)
                    }
                }
                return (key.lead.isEmpty ? "key=" : "access_token=") + "1️⃣" + encoded
            }),
        MarkdownContext(
            name: "raw HTML attribute",
            template: "# Setup\n\n<div class=\"config\" data-example=\"{KEY}\"></div>\n",
            write: { key in key.lead.replacingOccurrences(of: "\"", with: "'") + "1️⃣" + key.secret }),
        MarkdownContext(
            name: "HTML comment", template: "# Setup\n\n<!-- old value: {KEY} -->\n\nText.\n"),
        MarkdownContext(
            name: "front matter value",
            template: "---\ntitle: Setup\nnotes: |\n  {KEY}\ntags: [keys]\n---\n\n# Setup\n\nText.\n"),
        MarkdownContext(
            name: "table row",
            template: "# Keys\n\n| Service | Value |\n| --- | --- |\n| Billing | {KEY} |\n"),
        MarkdownContext(name: "blockquote list", template: "# Setup\n\n> - First {KEY} then more.\n"),
        MarkdownContext(
            name: "escaped underscores in prose", template: "# Setup\n\nYour key is {KEY} today.\n",
            write: { key in
                (key.lead + "1️⃣" + key.secret).replacingOccurrences(of: "_", with: "\\_")
            }),
        MarkdownContext(
            name: "HTML character references", template: "# Setup\n\nYour key is {KEY} today.\n",
            write: { key in
                (key.lead + "1️⃣" + key.secret).replacingOccurrences(of: "_", with: "&#95;")
            }),
    ]

    @Test(arguments: contexts)
    func everyProviderIsFoundAtItsPosition(_ context: MarkdownContext) throws {
        let seed = FakeKeys.seed()
        var rng = SplitMix64(seed: seed)
        for provider in FakeKeys.providers where provider.isInline {
            let key = provider.make(&rng)
            let fixture = MarkedFixture(
                context.template.replacingOccurrences(of: "{KEY}", with: context.write(key)))
            let findings = try lintSecrets(fixture.text)
            let location = Comment(
                rawValue: "\(provider.name) in \(context.name), seed \(seed):\n\(fixture.text)")
            try #require(findings.count == 1, location)
            #expect(findings[0].ruleID == "realistic-secret", location)
            #expect(findings[0].severity == .error, location)
            #expect(findings[0].line == fixture.line, location)
            #expect(findings[0].column == fixture.column, location)
        }
    }

    @Test(arguments: [
        "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY",
    ])
    func privateKeyBlocksAreFoundInCodeAndStrings(_ label: String) throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let (block, _) = FakeKeys.privateKey(label, characters: 900, &rng)
        let fixtures = [
            "# Keys\n\n```\n1️⃣" + block + "\n```\n",
            "# Keys\n\nThe file holds:\n\n"
                + block.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
                .replacingOccurrences(of: "    -----BEGIN", with: "    1️⃣-----BEGIN") + "\n",
            "# Keys\n\n```json\n{\"private_key\": \"1️⃣" + block.replacingOccurrences(of: "\n", with: "\\n")
                + "\\n\"}\n```\n",
        ]
        for marked in fixtures {
            let fixture = MarkedFixture(marked)
            let findings = try lintSecrets(fixture.text)
            try #require(findings.count == 1, "\(label):\n\(fixture.text)")
            #expect(findings[0].line == fixture.line)
            #expect(findings[0].column == fixture.column)
            #expect(findings[0].message.contains("private key block"))
        }
    }

    @Test func columnsCountCharactersNotBytes() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let key = FakeKeys.providers[0].make(&rng)
        let fixture = MarkedFixture("# Clés\n\nClé d’accès — « 1️⃣\(key.secret) » à éviter.\n")
        let findings = try lintSecrets(fixture.text)
        try #require(findings.count == 1)
        #expect(findings[0].column == fixture.column)
    }

    @Test func crlfLineEndingsKeepLineNumbers() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let key = FakeKeys.providers[7].make(&rng).secret
        let fixture = MarkedFixture("---\ntitle: Keys\n---\n\n# Keys\n\nOld:\n\n    export KEY=1️⃣\(key)\n")
        let findings = try lintSecrets(fixture.text.replacingOccurrences(of: "\n", with: "\r\n"))
        try #require(findings.count == 1)
        #expect(findings[0].line == fixture.line)
        #expect(findings[0].column == fixture.column)
    }

    @Test func everyKeyOnALineIsReported() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let a = FakeKeys.providers[1].make(&rng).secret
        let b = FakeKeys.providers[7].make(&rng).secret
        let findings = try lintSecrets("# Keys\n\nUse \(a) or \(b).\n")
        #expect(findings.map(\.line) == [3, 3])
        #expect(findings.map(\.column) == [5, 5 + a.count + 4])
    }
}

/// Arbitrary text, however broken, is scanned without a crash, and every match lies inside it.
@Suite("realistic-secret: robustness")
struct RealisticSecretRobustnessTests {
    static let fragments: [String] = [
        "sk" + "-", "sk" + "-proj-", "gh" + "p_", "AK" + "IA", "eyJ", "-----" + "BEGIN PRIVATE KEY-----", "-----END",
        "xo" + "xb-", "hooks.slack.com/services/", "T0", "/B", "SG.", "github" + "_pat_", "\\_", "\\", "&#95;",
        "&#x5F;",
        "&amp;", "&", "...", "…", "*", "=", ":", "\"", "'", " ", "\n", "\r\n", "\r", "é", "1️⃣", "`", "api_key",
        "Bearer ",
        "Authorization", ".", "_", "-", "<", "$",
    ]

    @Test func arbitraryTextNeverCrashesTheScanner() {
        let seed = FakeKeys.seed()
        var rng = SplitMix64(seed: seed)
        let scanner = SecretScanner()
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...30, using: &rng) {
                if Bool.random(using: &rng) {
                    text += Self.fragments.randomElement(using: &rng)!
                } else {
                    text += FakeKeys.random(Int.random(in: 1...120, using: &rng), FakeKeys.base64URL, &rng)
                }
            }
            let count = text.utf8.count
            for match in scanner.scan(text) {
                #expect(match.range.lowerBound >= 0 && match.range.upperBound <= count, "seed \(seed): \(text)")
                #expect(!match.range.isEmpty)
            }
        }
    }
}
