import Foundation
import Testing

@testable import Lint
@testable import SecretScanning

/// Keys for these tests, made at run time (see `FakeKeys`): never written in the repository.
private func makeKey(_ provider: String, seed: UInt64) -> FakeKey {
    var rng = SplitMix64(seed: seed)
    return FakeKeys.providers.first { $0.name == provider }!.make(&rng)
}

/// True when no run of 8 characters of `secret` occurs in `text`.
private func holdsNoPart(of secret: String, in text: String) -> Bool {
    let chars = Array(secret)
    guard chars.count >= 8 else { return !text.contains(secret) }
    for i in 0...(chars.count - 8) where text.contains(String(chars[i..<(i + 8)])) { return false }
    return true
}

private func read(_ guides: TemporaryGuides, _ path: String) throws -> String {
    try String(contentsOfFile: guides.root + "/" + path, encoding: .utf8)
}

private func files(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

/// `kb lint --fix`: keys become placeholders and terms their replacements, in place and
/// atomically; every other byte stays; the value is gone from the file and the output.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.kb.path), "run `swift build` first"))
struct FixTests {
    @Test func fixesKeysAndTermsByteForByteAndLeavesTheSplitKey() throws {
        let seed = FakeKeys.seed()
        let project = makeKey("OpenAI project", seed: seed)
        let stripe = makeKey("Stripe live", seed: seed &+ 1)
        let split = makeKey("GitHub fine-grained", seed: seed &+ 2)
        let assigned = makeKey("api_key assignment", seed: seed &+ 3)
        let splitWritten =
            String(split.secret.prefix(20)) + "**" + String(split.secret.dropFirst(20).prefix(10)) + "**"
            + String(split.secret.dropFirst(30))
        // CRLF lines, a byte-order mark, non-ASCII text, no final newline: all kept as they are.
        let original =
            "\u{FEFF}---\r\ntitle: Clés\r\n---\r\n\r\nPut the api-key — « \(project.secret) » — in the vault.\r\n\r\n"
            + "```sh\nexport STRIPE=\(stripe.secret)\n\(assigned.lead)\(assigned.secret)\n```\n\n"
            + "Split: \(splitWritten) stays.\n\n`api-key` in code stays, the api-key in prose goes"
        let guides = try TemporaryGuides(["kb.yaml": "lint:\n  terms: {\"api-key\": \"API key\"}\n"])
        try guides.write(Array(original.utf8), to: "keys.md")
        chmod(guides.root + "/keys.md", 0o640)
        let before = try files(in: guides.root)

        let run = try ProcessRun.kb(["lint", ".", "--fix"], in: guides.root)

        let expected =
            original.replacingOccurrences(of: project.secret, with: "sk-proj-...")
            .replacingOccurrences(of: stripe.secret, with: "sk_live_...")
            .replacingOccurrences(of: assigned.secret, with: "...")
            .replacingOccurrences(of: "the api-key —", with: "the API key —")
            .replacingOccurrences(of: "the api-key in prose", with: "the API key in prose")
        let after = try Data(contentsOf: URL(fileURLWithPath: guides.root + "/keys.md"))
        #expect(Array(after) == Array(expected.utf8), "seed \(seed): \(String(decoding: after, as: UTF8.self))")
        for fixed in [project, stripe, assigned] {
            #expect(holdsNoPart(of: fixed.body, in: String(decoding: after, as: UTF8.self)), "seed \(seed)")
            #expect(holdsNoPart(of: fixed.body, in: run.output), "seed \(seed): \(run.output)")
            #expect(!run.output.contains(String(fixed.secret.suffix(4))), "seed \(seed): \(run.output)")
        }
        // The split key is still there and still reported: exit 1, and what was fixed is said.
        #expect(run.status == 1, "\(run.output)")
        #expect(run.stdout.contains("keys.md:12:8: error:"), "\(run.stdout)")
        #expect(run.stderr.contains("keys.md:5:") && run.stderr.contains("fixed:"), "\(run.stderr)")
        #expect(run.stderr.contains("fixed 5, 1 remain"), "\(run.stderr)")
        // No backup, no temporary file left; the file keeps its permissions.
        #expect(try files(in: guides.root) == before)
        var st = stat()
        #expect(stat(guides.root + "/keys.md", &st) == 0 && st.st_mode & 0o777 == 0o640)
    }

    @Test func exitsZeroWhenEverythingWasFixedAndTheNextRunIsClean() throws {
        let key = makeKey("Anthropic", seed: FakeKeys.seed())
        let guides = try TemporaryGuides(["keys.md": "# Keys\n\nUse `\(key.secret)` here.\n"])
        let run = try ProcessRun.kb(["lint", ".", "--fix"], in: guides.root)
        #expect(run.status == 0, "\(run.output)")
        #expect(try read(guides, "keys.md") == "# Keys\n\nUse `sk-ant-...` here.\n")
        let again = try ProcessRun.kb(["lint", "."], in: guides.root)
        #expect(again.status == 0 && again.stdout == "0 errors, 0 warnings in 1 file\n", "\(again.output)")
    }

    @Test func suppressedFindingsAreNotFixed() throws {
        let guides = try TemporaryGuides([
            "kb.yaml": "lint:\n  terms: {\"api-key\": \"API key\"}\n",
            "keys.md": "# Keys\n\n<!-- kb-ignore terminology -->\nThe vendor's api-key header.\n",
        ])
        let run = try ProcessRun.kb(["lint", ".", "--fix"], in: guides.root)
        #expect(run.status == 0)
        #expect(try read(guides, "keys.md").contains("api-key header"))
    }

    @Test func fixAndStagedTogetherAreAUsageError() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n"])
        let run = try ProcessRun.kb(["lint", ".", "--fix", "--staged"], in: guides.root)
        #expect(run.status == 64 || run.status == 2, "\(run.status) \(run.output)")
    }
}

/// `--write-baseline` and `--baseline`: entries survive moved lines, new findings are
/// reported, stale entries are named, and the file holds no secret.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.kb.path), "run `swift build` first"))
struct BaselineCommandTests {
    @Test func adoptOnALegacyRepository() throws {
        let seed = FakeKeys.seed()
        let key = makeKey("Stripe live", seed: seed)
        let legacy = "# Keys\n\nOld example: \(key.secret)\n\nSee [rotation](rotation.md).\n"
        let guides = try TemporaryGuides(["keys.md": legacy])

        let write = try ProcessRun.kb(["lint", ".", "--write-baseline", "../baseline.txt"], in: guides.root)
        #expect(write.status == 0, "\(write.output)")
        let baselinePath = URL(fileURLWithPath: guides.root).deletingLastPathComponent().appendingPathComponent(
            "baseline.txt"
        ).path
        defer { try? FileManager.default.removeItem(atPath: baselinePath) }
        let file = try String(contentsOfFile: baselinePath, encoding: .utf8)
        #expect(holdsNoPart(of: key.body, in: file), "seed \(seed): \(file)")
        #expect(!file.contains("…") && !file.contains(String(key.body.suffix(4)) + "\n"))
        #expect(!file.contains(":3") && !file.contains(":5"), "no line numbers")
        #expect(file.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("salt ") }.count == 2)

        // Lines move: three lines above, the same findings, nothing reported.
        try guides.write(Array(("<!-- moved -->\n\nIntro.\n\n" + legacy).utf8), to: "keys.md")
        let moved = try ProcessRun.kb(["lint", ".", "--baseline", baselinePath], in: guides.root)
        #expect(moved.status == 0, "\(moved.output)")
        #expect(moved.stdout == "0 errors, 0 warnings in 1 file\n", "\(moved.stdout)")

        // A new finding is reported, the accepted ones still are not.
        try guides.write(
            Array(("<!-- moved -->\n\nIntro.\n\n" + legacy + "\nAnd [faq](faq.md).\n").utf8), to: "keys.md")
        let added = try ProcessRun.kb(["lint", ".", "--baseline", baselinePath], in: guides.root)
        #expect(added.status == 1)
        #expect(added.stdout.contains("keys.md:11:11: error: broken link: `faq.md` does not exist"), "\(added.stdout)")
        #expect(added.stdout.contains("1 error, 0 warnings"), "\(added.stdout)")

        // The key is removed: its entry is stale, and said to be.
        try guides.write(Array("# Keys\n\nSee [rotation](rotation.md).\n".utf8), to: "keys.md")
        let shrunk = try ProcessRun.kb(["lint", ".", "--baseline", baselinePath], in: guides.root)
        #expect(shrunk.status == 0, "\(shrunk.output)")
        #expect(shrunk.stderr.contains("keys.md: note: a baseline entry for realistic-secret matches nothing now"))
        #expect(!shrunk.stderr.contains("entry for broken-link"))
    }

    @Test func aBaselineThatIsNotOneIsAnErrorWithItsLine() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n"])
        try guides.write(Array("salt 00ff\nbroken-link nothex guides/keys.md\n".utf8), to: "base.txt")
        let run = try ProcessRun.kb(["lint", "keys.md", "--baseline", "base.txt"], in: guides.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("base.txt:2: error: not a baseline line"), "\(run.stderr)")
    }

    @Test func identicalFindingsAreCounted() throws {
        let guides = try TemporaryGuides(["keys.md": "# Keys\n\n[a](gone.md)\n"])
        _ = try ProcessRun.kb(["lint", ".", "--write-baseline", "base.txt"], in: guides.root)
        try guides.write(Array("# Keys\n\n[a](gone.md)\n\n[a](gone.md)\n".utf8), to: "keys.md")
        let run = try ProcessRun.kb(["lint", "keys.md", "--baseline", "base.txt"], in: guides.root)
        #expect(run.status == 1)
        #expect(run.stdout.contains("1 error"), "\(run.stdout)")
    }
}

/// The baseline's keying, without the binary.
@Suite struct BaselineTests {
    let finding = Finding(ruleID: "broken-link", severity: .error, path: "a.md", line: 3, message: "broken link")

    @Test func theSameFindingOnAnotherLineHasTheSameEntryAndASaltChangesIt() throws {
        let a = Baseline(salt: "00", entries: [])
        var moved = finding
        moved.line = 40
        #expect(a.entry(for: finding, in: nil) == a.entry(for: moved, in: nil))
        #expect(Baseline(salt: "01", entries: []).entry(for: finding, in: nil) != a.entry(for: finding, in: nil))
        #expect(Baseline().salt != Baseline().salt)
    }

    @Test func roundTripsThroughTheFile() throws {
        var b = Baseline()
        b.entries = [
            b.entry(for: finding, in: nil),
            Baseline.Entry(rule: "x", path: "odd %\nname.md", hash: String(repeating: "ab", count: 32)),
        ]
        let parsed = try Baseline.parse(b.serialized(), path: "b")
        #expect(parsed.salt == b.salt)
        #expect(Set(parsed.entries) == Set(b.entries))
    }
}
