import Foundation
import Platform
import Testing

/// One hostile case through one command, with every check the issue asks for.
enum HostileRun {
    static func check(_ command: KBCommand, on hostile: HostileCase) throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        try world.writeNormalGuide()
        try hostile.make(world)

        // The build must leave the previous site alone when it fails: make one first.
        var previousSite: [String: Data]?
        if command == .build {
            previousSite = try buildPreviousSite(in: world)
        }
        let guidesBefore = Snapshot.names(below: world.guides)
        let result = try run(command, world: world)
        report(hostile, command, result)

        let label = "\(hostile.name) | \(command.rawValue)"
        let code = try #require(result.exitCode, "\(label): \(result.ending), stderr:\n\(result.stderr.prefix(2000))")
        #expect((0...2).contains(code), "\(label): exit \(code), stderr:\n\(result.stderr.prefix(2000))")
        // CPU time, not wall time: a quadratic path shows in it whatever else the machine is
        // running; a hang is caught by the hard wall-clock limit the child is killed at.
        #expect(result.cpuSeconds < Bounds.seconds, "\(label): took \(result.cpuSeconds) s of CPU")
        #expect(result.peakRSSBytes < Bounds.peakRSSBytes, "\(label): peak RSS \(result.peakRSSBytes >> 20) MB")
        // Lint reports on stdout, the others on stderr: either stream may name the file.
        let stdout = String(decoding: result.stdout, as: UTF8.self)
        for name in hostile.mustName {
            #expect(
                result.stderr.contains(name) || stdout.contains(name),
                "\(label): no message names \(name); stderr:\n\(result.stderr.prefix(2000))")
        }

        // Nothing outside the root read: not printed, not copied into the site.
        #expect(!stdout.contains(world.outsideMarker), "\(label): printed a file from outside the guides folder")
        #expect(!stdout.contains("root:x:0:0:"), "\(label): printed /etc/passwd")
        // Guide text can carry terminal escapes; what the commands print must not.
        if let control = Snapshot.firstTerminalControl(in: result.stdout) {
            Issue.record("\(label): stdout carries a terminal control character at byte \(control)")
        }
        if let control = Snapshot.firstTerminalControl(in: Array(result.stderr.utf8)) {
            Issue.record("\(label): stderr carries a terminal control character at byte \(control)")
        }

        // Nothing left behind by an interrupted write: no temporary files in the guides folder,
        // the search cache or HOME.
        let added = Snapshot.names(below: world.guides).subtracting(guidesBefore)
        #expect(added.filter(Snapshot.looksTemporary).isEmpty, "\(label): left \(added.sorted()) in the guides folder")
        for folder in [world.scratch + "/cache", world.scratch + "/home"] {
            let left = Snapshot.names(below: folder).filter(Snapshot.looksTemporary)
            #expect(left.isEmpty, "\(label): left \(left.sorted()) in \(folder)")
        }

        if command == .build, let previousSite {
            try checkSite(hostile, world: world, result: result, previous: previousSite, label: label)
        }
    }

    static func run(_ command: KBCommand, world: HostileWorld) throws -> ChildResult {
        try ChildProcess(
            executable: command.executable, arguments: command.arguments(guides: world.guides, site: world.site),
            environment: [
                "NO_COLOR": "1", "TERM": "dumb", "HOME": world.scratch + "/home",
                "XDG_CACHE_HOME": world.scratch + "/cache",
            ],
            scratch: world.scratch, hardLimitSeconds: Bounds.hardLimitSeconds
        ).run()
    }

    /// Builds the clean guide alone into the site folder, and returns the site's files.
    static func buildPreviousSite(in world: HostileWorld) throws -> [String: Data] {
        let clean = world.base + "/clean-guides"
        try FileManager.default.createDirectory(atPath: clean, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: world.guides + "/normal.md", toPath: clean + "/normal.md")
        let result = try ChildProcess(
            executable: Binaries.kb, arguments: ["build", clean, "--output", world.site], scratch: world.scratch
        ).run()
        try #require(result.exitCode == 0, "the clean guide does not build: \(result.ending)\n\(result.stderr)")
        return Snapshot.contents(below: world.site)
    }

    static func checkSite(
        _ hostile: HostileCase, world: HostileWorld, result: ChildResult, previous: [String: Data], label: String
    ) throws {
        // Output swapped atomically: only the site folder beside it, no half-written sibling.
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: world.outParent)) ?? []
        #expect(siblings == ["site"], "\(label): the output folder's parent holds \(siblings)")

        guard result.exitCode == 0 else {
            #expect(
                Snapshot.contents(below: world.site) == previous, "\(label): a failed build changed the previous site")
            return
        }
        let scan = SiteScan(site: world.site, payload: HostileCatalog.payload)
        let files = scan.files()
        #expect(files.contains("index.html"), "\(label): the site has no index.html")
        for problem in scan.problems() { Issue.record("\(label): \(problem)") }
        for file in files {
            guard let data = FileManager.default.contents(atPath: world.site + "/" + file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            #expect(
                !text.contains(world.outsideMarker), "\(label): \(file) holds a file from outside the guides folder")
            #expect(!text.contains("root:x:0:0:"), "\(label): \(file) holds /etc/passwd")
        }
        // Two guides, two pages: a collision loses one of them.
        var pagesByMarker: [String: Set<String>] = [:]
        for file in files where file.hasSuffix(".html") {
            let text = String(
                decoding: FileManager.default.contents(atPath: world.site + "/" + file) ?? Data(), as: UTF8.self)
            for marker in hostile.distinctPages where text.contains(marker) {
                pagesByMarker[marker, default: []].insert(file)
            }
        }
        for marker in hostile.distinctPages {
            let pages = pagesByMarker[marker] ?? []
            #expect(!pages.isEmpty, "\(label): no page shows \(marker)")
            for other in hostile.distinctPages where other != marker {
                #expect(
                    !pages.isSubset(of: pagesByMarker[other] ?? []) || pages.isEmpty,
                    "\(label): \(marker) appears only on pages that also show \(other): \(pages.sorted())")
            }
        }
    }

    static func report(_ hostile: HostileCase, _ command: KBCommand, _ result: ChildResult) {
        let line = String(
            format: "hostile | %-28@ | %-14@ | %-8@ | %6.2f s wall | %6.2f s cpu | %5d MB", hostile.name as NSString,
            command.rawValue as NSString, result.ending.description as NSString, result.wallSeconds, result.cpuSeconds,
            result.peakRSSBytes >> 20)
        print(line)
    }
}
