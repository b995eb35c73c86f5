import Foundation
import Platform
import Testing

/// Hostile situations around the guides rather than inside them: a root that is not a folder,
/// files the process may not read, an output path that is a file, a build that fails over a
/// good site.
@Suite("Hostile surroundings", .serialized)
struct CommandEdgeTests {
    static var availableCommands: [KBCommand] { KBCommand.allCases.filter(\.isAvailable) }

    @Test("A guides root that is missing, a file, or a symlink loop: exit 2, the path named")
    func badRoots() throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        let file = world.base + "/root-file.md"
        try Data("# A file\n".utf8).write(to: URL(fileURLWithPath: file))
        let loop = world.base + "/root-loop"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        for root in [world.base + "/no-such-folder", file, loop] {
            for command in CommandEdgeTests.availableCommands {
                let result = try ChildProcess(
                    executable: command.executable, arguments: command.arguments(guides: root, site: world.site),
                    environment: ["NO_COLOR": "1", "HOME": world.scratch + "/home"], scratch: world.scratch
                ).run()
                let label = "\(command.rawValue) \(root)"
                let messages = result.stderr + String(decoding: result.stdout, as: UTF8.self)
                if root == file {
                    // A command may accept a single guide in place of a folder; if it refuses,
                    // it says which path.
                    let code = try #require(result.exitCode, "\(label): \(result.ending)")
                    #expect((0...2).contains(code), "\(label): exit \(code)")
                    if code == 2 { #expect(messages.contains(root), "\(label): no message names the root") }
                } else {
                    #expect(result.exitCode == 2, "\(label): \(result.ending)\n\(result.stderr)")
                    #expect(messages.contains(root), "\(label): no message names the root:\n\(result.stderr)")
                }
            }
        }
    }

    @Test("Unreadable files and folders (chmod 000) are named and skipped; run as nobody when tests run as root")
    func unreadable() throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        try world.writeNormalGuide()
        try world.write("locked.md", "# Locked\n\nmarker-locked\n")
        try world.write("closed/inner.md", "# Inner\n\nmarker-inner\n")
        world.chmod("locked.md", 0)
        world.chmod("closed", 0)

        // Root reads chmod 000 files regardless; dropping to nobody shows what a user sees.
        let setpriv = "/usr/bin/setpriv"
        let asRoot = geteuid() == 0
        let canDrop = asRoot && FileManager.default.isExecutableFile(atPath: setpriv)
        // nobody may not reach the build folder (a checkout under /root, mode 700): run copies of
        // kb and faq side by side in the world-readable scratch folder, as `make install` would.
        var binaries = Binaries.directory
        if canDrop {
            binaries = world.scratch + "/bin"
            try FileManager.default.createDirectory(atPath: binaries, withIntermediateDirectories: true)
            _ = Glibc.chmod(binaries, 0o755)
            for name in ["kb", "faq"] {
                try FileManager.default.copyItem(atPath: Binaries.directory + "/" + name, toPath: binaries + "/" + name)
                _ = Glibc.chmod(binaries + "/" + name, 0o755)
            }
        }
        for command in CommandEdgeTests.availableCommands {
            let arguments = command.arguments(guides: world.guides, site: world.site)
            let executable = binaries + "/" + (command == .faq ? "faq" : "kb")
            let child =
                canDrop
                ? ChildProcess(
                    executable: setpriv,
                    arguments: ["--reuid=65534", "--regid=65534", "--clear-groups", "--", executable]
                        + arguments,
                    environment: ["NO_COLOR": "1", "HOME": world.scratch + "/home"], scratch: world.scratch)
                : ChildProcess(
                    executable: command.executable, arguments: arguments,
                    environment: ["NO_COLOR": "1", "HOME": world.scratch + "/home"], scratch: world.scratch)
            let result = try child.run()
            let label = "\(command.rawValue)\(canDrop ? " as nobody" : asRoot ? " as root" : "")"
            let code = try #require(result.exitCode, "\(label): \(result.ending)")
            #expect((0...2).contains(code), "\(label): exit \(code)")
            if asRoot && !canDrop {
                // Root without a way to drop privileges: the files are read like any other.
                if command == .inspect { #expect(String(decoding: result.stdout, as: UTF8.self).contains("locked.md")) }
            } else {
                // faq may still answer from the guides it could read; the others must fail.
                if command != .faq { #expect(code != 0, "\(label): unreadable files went unreported") }
                let messages = result.stderr + String(decoding: result.stdout, as: UTF8.self)
                #expect(messages.contains("locked.md"), "\(label): no message names locked.md:\n\(result.stderr)")
                #expect(messages.contains("closed"), "\(label): no message names the closed folder:\n\(result.stderr)")
            }
        }
    }

    @Test(
        "kb build --output naming a file: exit 2, the path named, the file untouched",
        .enabled(if: KBCommand.build.isAvailable, "kb build is not built on this branch yet: skipped"))
    func outputIsAFile() throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        try world.writeNormalGuide()
        let target = world.outParent + "/not-a-folder.txt"
        let original = Data("keep me\n".utf8)
        try original.write(to: URL(fileURLWithPath: target))
        let result = try ChildProcess(
            executable: Binaries.kb, arguments: ["build", world.guides, "--output", target], scratch: world.scratch
        ).run()
        #expect(result.exitCode == 2, "\(result.ending)\n\(result.stderr)")
        #expect(result.stderr.contains(target), "stderr does not name \(target):\n\(result.stderr)")
        #expect(FileManager.default.contents(atPath: target) == original)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: world.outParent)
        #expect(siblings == ["not-a-folder.txt"], "left beside the output: \(siblings)")
    }

    @Test(
        "A build that fails keeps the previous site byte for byte, with nothing left beside it",
        .enabled(if: KBCommand.build.isAvailable, "kb build is not built on this branch yet: skipped"))
    func failedBuildKeepsSite() throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        try world.writeNormalGuide()
        let previous = try HostileRun.buildPreviousSite(in: world)
        #expect(!previous.isEmpty)
        // A guide that cannot be read as text cannot be published.
        try world.write("bad.md", bytes: Array("# Bad\n\n".utf8) + [0xFF, 0xFE, 0x0A])
        let result = try HostileRun.run(.build, world: world)
        #expect(result.exitCode == 1 || result.exitCode == 2, "\(result.ending)\n\(result.stderr)")
        #expect(result.stderr.contains("bad.md"), "stderr does not name bad.md:\n\(result.stderr)")
        #expect(Snapshot.contents(below: world.site) == previous, "the failed build changed the previous site")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: world.outParent)
        #expect(siblings == ["site"], "left beside the site: \(siblings)")
    }
}
