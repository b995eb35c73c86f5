import Foundation
import Testing

/// The files commands write besides the site: `kb lint --output` reports and `faq`'s index
/// cache. Both are written atomically; both must survive a hostile filesystem.
@Suite("Hostile output files", .serialized)
struct OutputFileTests {
    @Test(
        "kb lint --output: a whole report or none, nothing beside it; a folder or missing parent is named",
        .enabled(if: KBCommand.lint.isAvailable, "kb lint is not built on this branch yet: skipped"))
    func lintReport() throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        try world.writeNormalGuide()
        try world.write("bad.md", bytes: Array("# Bad\n\n".utf8) + [0xFF, 0x0A])
        try world.write("broken.md", "# Broken\n\n[nowhere](missing.md)\n")

        let report = world.outParent + "/report.sarif"
        let result = try lint(world, ["--format", "sarif", "--output", report])
        let code = try #require(result.exitCode, "\(result.ending)")
        #expect((1...2).contains(code), "findings and a bad file, yet exit \(code)")
        let data = try #require(FileManager.default.contents(atPath: report), "no report at \(report)")
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "the report is not whole JSON")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: world.outParent)
        #expect(siblings == ["report.sarif"], "left beside the report: \(siblings)")

        // An output path that is a folder, or inside a folder that does not exist.
        let folder = world.outParent + "/a-folder"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for target in [folder, world.outParent + "/no/such/folder/report.json"] {
            let refused = try lint(world, ["--format", "json", "--output", target])
            #expect(refused.exitCode == 2, "\(target): \(refused.ending)")
            #expect(refused.stderr.contains(target), "\(target) not named:\n\(refused.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test(
        "faq names a file it could not index on every run, from the cached index too",
        .enabled(if: KBCommand.faq.isAvailable, "faq --guides is not built on this branch yet: skipped"))
    func skippedFilesNamedWarm() throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        try world.writeNormalGuide()
        try world.write("latin1.md", bytes: Array("# Caf".utf8) + [0xE9] + Array(" au lait\n".utf8))
        let cold = try HostileRun.run(.faq, world: world)
        let warm = try HostileRun.run(.faq, world: world)
        for (label, run) in [("cold", cold), ("warm", warm)] {
            #expect(run.exitCode == 0 || run.exitCode == 1, "\(label): \(run.ending)\n\(run.stderr)")
            #expect(run.stderr.contains("latin1.md:1"), "\(label) run does not name latin1.md:\n\(run.stderr)")
        }
        #expect(cold.stderr == warm.stderr, "the warm run says what the cold run said")
    }

    @Test(
        "faq with a corrupt, truncated or unwritable index cache still answers or says no, never crashes",
        .enabled(if: KBCommand.faq.isAvailable, "faq --guides is not built on this branch yet: skipped"))
    func corruptCache() throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        try world.writeNormalGuide()
        let cache = world.scratch + "/cache"
        let first = try HostileRun.run(.faq, world: world)
        #expect(first.exitCode == 0, "the clean guide does not answer: \(first.ending)\n\(first.stderr)")
        let written = Snapshot.names(below: cache).filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: cache + "/" + $0, isDirectory: &isFolder)
                && !isFolder.boolValue
        }
        #expect(!written.isEmpty, "faq kept no index cache under XDG_CACHE_HOME")

        var state: UInt64 = 42
        func random(_ count: Int) -> Data {
            Data(
                (0..<count).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1
                    return UInt8(truncatingIfNeeded: state >> 33)
                })
        }
        for file in written {
            let path = cache + "/" + file
            let original = try #require(FileManager.default.contents(atPath: path))
            let damaged: [(String, Data)] = [
                ("truncated to half", original.prefix(original.count / 2)),
                ("truncated to 3 bytes", original.prefix(3)),
                ("empty", Data()),
                ("random bytes", random(original.count)),
                ("header kept, body random", original.prefix(32) + random(max(0, original.count - 32))),
                ("doubled", original + original),
            ]
            for (what, bytes) in damaged {
                try bytes.write(to: URL(fileURLWithPath: path))
                let result = try HostileRun.run(.faq, world: world)
                let code = try #require(result.exitCode, "cache \(what): \(result.ending)")
                #expect(code == 0, "cache \(what): exit \(code)\n\(result.stderr)")
            }
        }

        // A cache location that cannot be a folder: the answer comes anyway.
        try FileManager.default.removeItem(atPath: cache)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: cache))
        let result = try HostileRun.run(.faq, world: world)
        #expect(result.exitCode == 0, "cache path is a file: \(result.ending)\n\(result.stderr)")
    }

    private func lint(_ world: HostileWorld, _ extra: [String]) throws -> ChildResult {
        try ChildProcess(
            executable: Binaries.kb, arguments: ["lint", world.guides] + extra,
            environment: ["NO_COLOR": "1", "HOME": world.scratch + "/home"], scratch: world.scratch
        ).run()
    }
}
