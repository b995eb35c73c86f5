import Foundation
import KnowledgeBase
import Lint
import Site

/// Builds sites from fixtures into fresh temporary folders, and reads what was written.
enum TestSite {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures").path
    static let shippedGuides = packageRoot.appendingPathComponent("guides").path

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ name: String = "kb-site-test") -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies a fixture folder somewhere writable, so tests can change it.
    static func copyFixture(_ name: String) -> String {
        let destination = temporaryFolder("kb-fixture") + "/guides"
        try! FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: destination)
        return destination
    }

    /// Builds `guides` with their `kb.yaml` into a new folder and returns the site folder; fails
    /// the test on errors.
    static func build(_ guides: String, linter: Linter = Linter(rules: [])) throws -> String {
        let output = temporaryFolder("kb-site") + "/site"
        let configuration = try Configuration.forGuides(root: guides, ruleIDs: Linter.allRuleIDs)
        let outcome = try SiteBuilder(guidesRoot: guides, output: output, configuration: configuration, linter: linter)
            .build()
        guard case .built = outcome else { throw TestFailure("build rejected: \(outcome)") }
        return output
    }

    /// Removes an unpacked corpus and a built site (its temporary parent folder) after a test.
    static func remove(_ corpus: String, _ site: String) {
        try? FileManager.default.removeItem(atPath: corpus)
        try? FileManager.default.removeItem(atPath: (site as NSString).deletingLastPathComponent)
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Every file below `folder`, relative to it, sorted.
    static func files(_ folder: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: folder)
        var out: [String] = []
        while let item = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + item, isDirectory: &isDir), !isDir.boolValue {
                out.append(item)
            }
        }
        return out.sorted()
    }

    /// Runs a program and returns its exit status and output (stdout then stderr).
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Output goes to a file: no pipe can fill up and stall the program.
        let log = temporaryFolder("kb-run") + "/output"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, read(log))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
