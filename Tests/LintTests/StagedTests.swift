import Foundation
import Testing

/// `kb lint --staged` in a real git repository in a temporary folder: what is checked is the
/// index (what would be committed), not the working tree; links still resolve against the
/// whole knowledge base.
@Suite(
    .enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.kb.path), "run `swift build` first"),
    .enabled(if: ProcessRun.isInstalled("git"), "git is not installed"))
struct StagedTests {
    /// A repository with `guides/keys.md` committed, linking to nothing.
    final class Repository {
        let root: String

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-staged-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/guides", withIntermediateDirectories: true)
            try git("init", "-q")
            try write("guides/keys.md", "# Keys\n\nSee [rotation](rotation.md#steps).\n")
            try write("guides/rotation.md", "# Rotation\n\n## Steps\n\nRotate.\n")
            try git("add", ".")
            try git("commit", "-q", "-m", "guides")
        }

        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
        }

        @discardableResult
        func git(_ arguments: String...) throws -> ProcessRun {
            let run = try ProcessRun.tool(
                "git", ["-c", "user.name=kb tests", "-c", "user.email=tests@example.invalid"] + arguments, in: root,
                environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": root])
            try #require(run.status == 0, "git \(arguments): \(run.stderr)")
            return run
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func theStagedKeyIsFoundTheUnstagedOneIgnoredAndAnUnstagedFixNotTrusted() throws {
        let repo = try Repository()
        var rng = SplitMix64(seed: FakeKeys.seed())
        let staged = FakeKeys.providers[1].make(&rng).secret
        let unstaged = FakeKeys.providers[7].make(&rng).secret

        // A new guide with a key, staged; it links to a committed guide's anchor.
        try repo.write(
            "guides/new.md", "# New\n\nKey: \(staged)\n\nSee [keys](keys.md) and [steps](rotation.md#steps).\n")
        try repo.git("add", "guides/new.md")
        // A key in the working tree only, in a file that is not staged.
        try repo.write("guides/rotation.md", "# Rotation\n\n## Steps\n\nRotate \(unstaged).\n")

        let run = try ProcessRun.kb(["lint", "guides", "--staged"], in: repo.root)
        #expect(run.status == 1, "\(run.output)")
        #expect(run.stdout.contains("guides/new.md:3:6: error: realistic"), "\(run.stdout)")
        #expect(!run.stdout.contains("rotation.md"), "the unstaged file is not checked: \(run.stdout)")
        #expect(!run.stdout.contains("broken-link"), "links resolve against the knowledge base: \(run.stdout)")
        #expect(run.stdout.hasSuffix("1 error, 0 warnings in 1 file\n"), "\(run.stdout)")

        // The key is removed in the working tree but not staged: the commit would still hold it.
        try repo.write("guides/new.md", "# New\n\nKey: sk-proj-...\n")
        let unstagedFix = try ProcessRun.kb(["lint", "guides", "--staged"], in: repo.root)
        #expect(unstagedFix.status == 1, "\(unstagedFix.output)")
        #expect(unstagedFix.stdout.contains("guides/new.md:3:6: error: realistic"))

        // Once the fix is staged, the commit is clean.
        try repo.git("add", "guides/new.md")
        let fixed = try ProcessRun.kb(["lint", "guides", "--staged"], in: repo.root)
        #expect(fixed.status == 0, "\(fixed.output)")
    }

    @Test func aStagedBrokenLinkIsFoundAndNothingStagedIsClean() throws {
        let repo = try Repository()
        let clean = try ProcessRun.kb(["lint", "guides", "--staged"], in: repo.root)
        #expect(clean.status == 0, "\(clean.output)")
        #expect(clean.stdout == "0 errors, 0 warnings in 0 files\n", "\(clean.stdout)")

        try repo.write("guides/keys.md", "# Keys\n\nSee [rotation](rotation.md#gone).\n")
        try repo.git("add", "guides/keys.md")
        let run = try ProcessRun.kb(["lint", "guides", "--staged"], in: repo.root)
        #expect(run.status == 1)
        #expect(run.stdout.contains("guides/keys.md:3:16: error: broken link"), "\(run.stdout)")
    }

    @Test func outsideARepositoryItIsAnIOError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("guides"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ProcessRun.kb(
            ["lint", "guides", "--staged"], in: folder.path, environment: ["GIT_CEILING_DIRECTORIES": folder.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--staged"), "\(run.stderr)")
    }

    /// The plain hook the README shows, installed as `.git/hooks/pre-commit`: the commit with
    /// a staged key is refused.
    @Test func theDocumentedPreCommitHookRefusesTheCommit() throws {
        let repo = try Repository()
        let hook = repo.root + "/.git/hooks/pre-commit"
        try Data(("#!/bin/sh\nexec \"" + TestPaths.kb.path + "\" lint --staged guides\n").utf8).write(
            to: URL(fileURLWithPath: hook))
        chmod(hook, 0o755)
        var rng = SplitMix64(seed: FakeKeys.seed())
        try repo.write("guides/new.md", "# New\n\n\(FakeKeys.providers[1].make(&rng).secret)\n")
        try repo.git("add", "guides/new.md")
        let commit = try ProcessRun.tool(
            "git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "key"],
            in: repo.root,
            environment: ["NO_COLOR": "1"])
        #expect(commit.status != 0, "\(commit.output)")
        #expect(commit.output.contains("realistic"), "\(commit.output)")
    }
}
