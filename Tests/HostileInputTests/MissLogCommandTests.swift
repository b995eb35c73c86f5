import Foundation
import Testing

/// faq's miss log and `kb gaps`, as a user runs them: the built binaries, a private
/// XDG_STATE_HOME and cache, and the shipped guides.
@Suite(.serialized, .enabled(if: Binaries.missing == nil, "swift build first"))
struct MissLogCommandTests {
    let scratch: String
    let state: String
    let guides = Binaries.packageRoot + "/guides"

    init() throws {
        scratch = NSTemporaryDirectory() + "kb-misslog-\(UUID().uuidString.prefix(8))"
        state = scratch + "/state"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    var log: String { state + "/faq/misses.tsv" }

    func faq(_ words: [String], _ extra: [String: String] = [:]) throws -> ChildResult {
        var environment = ["XDG_STATE_HOME": state, "XDG_CACHE_HOME": scratch + "/cache", "NO_COLOR": "1"]
        for (key, value) in extra { environment[key] = value }
        return try ChildProcess(
            executable: Binaries.faq, arguments: ["--guides", guides] + words, environment: environment,
            scratch: scratch
        ).run()
    }

    func logLines() -> [String] {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    /// A GitHub token made at run time (no real-looking key is committed).
    static func fakeToken() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return "gh" + "p_" + String((0..<36).map { _ in alphabet.randomElement()! })
    }

    @Test func aMissIsLoggedAndAGoodAnswerIsNot() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let good = try faq(["lose", "my", "key"])
        #expect(good.exitCode == 0)
        #expect(logLines().isEmpty, "a good answer is not logged")
        let miss = try faq(["bake", "sourdough", "bread"])
        #expect(miss.exitCode == 0 || miss.exitCode == 1)
        let lines = logLines()
        #expect(lines.count == 1)
        let fields = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) ?? []
        #expect(fields.count == 4)
        #expect(fields.first?.hasSuffix("Z") == true, "the time, in UTC")
        #expect(fields.dropFirst().first == URL(fileURLWithPath: guides).resolvingSymlinksInPath().path)
        #expect(fields.dropFirst(2).first.flatMap { Double($0) } != nil, "the best score")
        #expect(fields.last == "bake sourdough bread")
        let attributes = try FileManager.default.attributesOfItem(atPath: log)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "the log is the user's alone")

        _ = try faq(["how", "tall", "is", "mount", "everest"], ["FAQ_NO_LOG": "1"])
        #expect(logLines().count == 1, "FAQ_NO_LOG=1 turns the log off")
    }

    @Test func kbYAMLCanTurnTheLogOff() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let copy = scratch + "/guides"
        try FileManager.default.copyItem(atPath: guides, toPath: copy)
        try "faq:\n  log-misses: false\n".write(toFile: copy + "/kb.yaml", atomically: true, encoding: .utf8)
        let environment = ["XDG_STATE_HOME": state, "XDG_CACHE_HOME": scratch + "/cache"]
        let miss = try ChildProcess(
            executable: Binaries.faq, arguments: ["--guides", copy, "bake", "sourdough", "bread"],
            environment: environment, scratch: scratch
        ).run()
        #expect(miss.exitCode == 0 || miss.exitCode == 1, "\(miss.stderr)")
        #expect(logLines().isEmpty, "faq.log-misses: false in kb.yaml turns the log off")
        // Switched back on, the same folder logs again: the setting is part of the index's key.
        try "faq:\n  log-misses: true\n".write(toFile: copy + "/kb.yaml", atomically: true, encoding: .utf8)
        _ = try ChildProcess(
            executable: Binaries.faq, arguments: ["--guides", copy, "bake", "sourdough", "bread"],
            environment: environment, scratch: scratch
        ).run()
        #expect(logLines().count == 1)
        try "faq:\n  log-misses: maybe\n".write(toFile: copy + "/kb.yaml", atomically: true, encoding: .utf8)
        let bad = try ChildProcess(
            executable: Binaries.kb, arguments: ["lint", copy], environment: environment, scratch: scratch
        ).run()
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("kb.yaml:2:"), "\(bad.stderr)")
    }

    @Test func aQueryHoldingAKeyIsNeverLoggedAndGetsTheRevokeSteps() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let token = MissLogCommandTests.fakeToken()
        let result = try faq(["why", "does", token, "fail"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("looks like a real API key"))
        #expect(result.stderr.contains("revoke it"))
        let out = String(decoding: result.stdout, as: UTF8.self)
        #expect(out.contains("Revoke a leaked key step by step"), "the guides' own revoke steps: \(out.prefix(200))")
        #expect(!out.contains(token) && !result.stderr.contains(token))
        #expect(!FileManager.default.fileExists(atPath: log) || logLines().isEmpty)
    }

    @Test func gapsGroupsTheLoggedQuestions() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for words in [
            ["bake", "sourdough", "bread"], ["baking", "sourdough", "breads"], ["bake", "sourdouhg", "bread"],
            ["what", "time", "zone", "is", "tokyo"],
        ] {
            _ = try faq(words)
        }
        #expect(logLines().count == 4)
        let gaps = try ChildProcess(
            executable: Binaries.kb, arguments: ["gaps", "--guides", guides, "--format", "json", log],
            environment: ["XDG_CACHE_HOME": scratch + "/cache"], scratch: scratch
        ).run()
        #expect(gaps.exitCode == 0, "\(gaps.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(gaps.stdout)) as? [String: Any]
        let groups = json?["groups"] as? [[String: Any]] ?? []
        #expect(groups.map { $0["count"] as? Int } == [3, 1])
        let closest = groups.first?["closest"] as? [String: Any]
        #expect(closest?["weak"] as? Bool == true)
        #expect(closest?["score"] is Double)
        let text = try ChildProcess(
            executable: Binaries.kb, arguments: ["gaps", "--guides", guides, log],
            environment: ["XDG_CACHE_HOME": scratch + "/cache"], scratch: scratch
        ).run()
        #expect(String(decoding: text.stdout, as: UTF8.self).contains("3× bake sourdough bread"))
        let missing = try ChildProcess(
            executable: Binaries.kb, arguments: ["gaps", "--guides", guides, scratch + "/no-such.tsv"], scratch: scratch
        ).run()
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("no-such.tsv"))
    }
}
