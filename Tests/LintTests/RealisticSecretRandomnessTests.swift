import Foundation
import KnowledgeBase
import Testing

@testable import Lint
@testable import SecretScanning

/// Random bodies of the right shape are reported with overwhelming probability; structured
/// ones are not.
@Suite("realistic-secret: randomness")
struct RealisticSecretRandomnessTests {
    @Test func twoHundredRandomKeysOfEveryProviderAreAllReported() throws {
        let seed = FakeKeys.seed()
        var rng = SplitMix64(seed: seed)
        let rule = RealisticSecretRule()
        let context = LintContext(
            knowledgeBase: KnowledgeBase(root: "", guides: [], problems: []), configuration: .default)
        for provider in FakeKeys.providers where provider.isInline {
            var missed: [String] = []
            for _ in 0..<200 {
                let key = provider.make(&rng)
                let guide = Guide(path: "keys.md", source: "Use \(key.lead)\(key.secret) here.\n")
                if rule.check(guide, in: context).count != 1 { missed.append(key.secret) }
            }
            #expect(
                missed.isEmpty,
                "\(provider.name), seed \(seed): \(missed.count) of 200 missed, e.g. \(missed.first ?? "")")
        }
    }

    /// A name and a random value as `FakeKeys.providers` writes them, for values that may
    /// happen to start with `eyJ`, the JSON Web Token prefix (one in 262,144 of base62 or base64).
    struct TokenLikeAssignment: Sendable, CustomTestStringConvertible {
        var lead: String
        var alphabet: [Character]
        var count: Int
        var testDescription: String { "\(lead)eyJ… (\(count))" }
    }

    static let tokenLikeAssignments: [TokenLikeAssignment] = [
        .init(lead: "API_KEY=", alphabet: FakeKeys.base62, count: 40),
        .init(lead: "api_key = ", alphabet: FakeKeys.base62, count: 32),
        .init(lead: #""apiKey": ""#, alphabet: FakeKeys.base62, count: 40),
        .init(lead: "Authorization: Bearer ", alphabet: FakeKeys.base62, count: 40),
        .init(lead: "CLIENT_SECRET=", alphabet: FakeKeys.base64URL, count: 48),
        .init(lead: "secret: ", alphabet: FakeKeys.base64URL, count: 24),
        .init(lead: "aws_secret_access_key = ", alphabet: FakeKeys.base64, count: 40),
    ]

    /// Such a value is no token (no dot-separated parts, a "header" that decodes to binary, not
    /// JSON), so the token detector must leave it to the assignment check, which reports it.
    /// Deterministic: the same 300 seeds every run.
    @Test(arguments: tokenLikeAssignments)
    func randomAssignedValuesStartingLikeATokenAreReported(_ assignment: TokenLikeAssignment) throws {
        var missed: [String] = []
        for seed in UInt64(1)...300 {
            var rng = SplitMix64(seed: seed)
            var value = ""
            // Letters and digits both, as `FakeKeys.assigned` draws them.
            while !value.contains(where: \.isNumber) {
                value = "eyJ" + FakeKeys.random(assignment.count - 3, assignment.alphabet, &rng)
            }
            if try lintSecrets("# Keys\n\nUse \(assignment.lead)\(value) here.\n").count != 1 {
                missed.append("seed \(seed): \(value)")
            }
        }
        #expect(missed.count == 0, "\(missed.count) of 300 missed, e.g. \(missed.prefix(3))")
    }

    /// The same for every other prefix a random value can start with (`hf_`, `r8_`, `AKIA`,
    /// `ghp_`, `sk-ant-`…): a value that does not have that format's shape is judged as a value.
    /// Deterministic: 100 seeds per prefix.
    @Test func randomAssignedValuesStartingWithAnyKnownPrefixAreReported() throws {
        let valueCharacters = Set(FakeKeys.base64URL)
        var missed: [String] = []
        var checked = 0
        var keys = SplitMix64(seed: 0)
        let prefixes = Set(FakeKeys.providers.map { $0.make(&keys).prefix }).sorted()
        for prefix in prefixes
        where !prefix.isEmpty && prefix.allSatisfy(valueCharacters.contains) && prefix.count <= 24 {
            for seed in UInt64(1)...100 {
                var rng = SplitMix64(seed: seed)
                var body = ""
                // Letters and digits both in the part after the prefix, which is what is judged.
                while !body.contains(where: \.isNumber) {
                    body = FakeKeys.random(48 - prefix.count, FakeKeys.base64URL, &rng)
                }
                let value = prefix + body
                checked += 1
                if try lintSecrets("# Keys\n\nUse CLIENT_SECRET=\(value) here.\n").count != 1 {
                    missed.append(value)
                }
            }
        }
        #expect(checked >= 2_000)
        #expect(missed.count == 0, "\(missed.count) of \(checked) missed, e.g. \(missed.prefix(5))")
    }

    @Test func randomPrivateKeyBodiesOfEveryLengthAreReported() throws {
        var rng = SplitMix64(seed: FakeKeys.seed())
        for characters in [160, 400, 1_600, 3_200] {
            let (block, _) = FakeKeys.privateKey("PRIVATE KEY", characters: characters, &rng)
            #expect(try lintSecrets("# Key\n\n```\n\(block)\n```\n").count == 1, "\(characters)")
        }
    }

    @Test(arguments: [
        ("QQQQQQQQQQQQQQQQQQQQQQQQ", RandomnessCheck.Reason.fewDistinctCharacters),
        ("abcdefghijklmnopqrstuvwxyzABCDEF", .sequentialOrRepeated),
        ("0123456789abcdef0123456789abcdef", .sequentialOrRepeated),
        ("ZYXWVUTSRQPONMLKJIHGFEDCBA987654", .sequentialOrRepeated),
        ("a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", .sequentialOrRepeated),
        ("q9Kx2Lm4Pq8RTESTtokenEXAMPLEsecretVALUE", .placeholderWord),
        ("orientationandmotivationonthestation", .readsAsWords),
        ("sk9ExamplePlaceholder4U", .placeholderWord),
    ])
    func structuredBodiesAreRecognised(_ body: String, _ reason: RandomnessCheck.Reason) {
        let verdict = RandomnessCheck().assess(Array(body.utf8))
        #expect(verdict != .random)
        #expect(verdict == .structured(reason))
    }

    @Test func aLongRunInsideAnOtherwiseRandomBodyIsStructured() {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let body =
            FakeKeys.random(60, FakeKeys.base62, &rng) + String(repeating: "X", count: 16)
            + FakeKeys.random(60, FakeKeys.base62, &rng)
        #expect(RandomnessCheck().assess(Array(body.utf8)) != .random)
    }

    @Test func aBodyAvoidingWholeClassesOfItsAlphabetIsStructured() {
        var rng = SplitMix64(seed: FakeKeys.seed())
        let mashed = FakeKeys.random(40, Array("asdfghjkl"), &rng)
        let hexInBase62 = FakeKeys.random(40, FakeKeys.hex, &rng)
        #expect(RandomnessCheck().assess(Array(mashed.utf8), declared: .alphanumerics) != .random)
        #expect(
            RandomnessCheck().assess(Array(hexInBase62.utf8), declared: .alphanumerics)
                == .structured(.narrowAlphabet))
        // Without a declared alphabet, hex is judged as hex: random.
        #expect(RandomnessCheck().assess(Array(hexInBase62.utf8)) == .random)
    }

    @Test func binomialTailMatchesDirectSums() {
        // P(X ≥ 2) for Binomial(3, 0.5) = 4/8; P(X ≥ 0) = 1; P(X ≥ 4) = 0.
        #expect(abs(RandomnessCheck.binomialTail(3, 2, 0.5) - 0.5) < 1e-12)
        #expect(RandomnessCheck.binomialTail(3, 0, 0.3) == 1)
        #expect(RandomnessCheck.binomialTail(3, 4, 0.3) == 0)
        let direct = (7...10).reduce(0.0) { sum, k in
            sum + exp(RandomnessCheck.logChoose(10, k)) * pow(0.2, Double(k)) * pow(0.8, Double(10 - k))
        }
        #expect(abs(RandomnessCheck.binomialTail(10, 7, 0.2) - direct) < 1e-15)
    }
}
