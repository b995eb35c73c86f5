import Foundation
import Testing

/// `kb build` with the shipped rules refuses a guide holding a key that looks real: exit 1,
/// the finding named, nothing written. The key is assembled at run time from random parts of
/// the right shape, so no scanner ever finds one in this repository.
@Suite struct RealisticKeyTests {
    static func randomCharacters(_ count: Int, from alphabet: String) -> String {
        let letters = Array(alphabet)
        return String((0..<count).map { _ in letters.randomElement()! })
    }

    /// An OpenAI-style project key: prefix, random body with the base64 of the vendor's name inside.
    static func realisticKey() -> String {
        let body = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        let marker = Data("OpenAI".utf8).base64EncodedString()
        return "sk-" + "proj-" + randomCharacters(74, from: body + "_-") + marker
            + randomCharacters(74, from: body + "_-")
    }

    /// The `kb` executable built beside the test bundle.
    static var kb: String? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("kb").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let debug = TestSite.packageRoot.appendingPathComponent(".build/debug/kb").path
        return FileManager.default.isExecutableFile(atPath: debug) ? debug : nil
    }

    @Test func aRealisticKeyFailsTheBuildAndWritesNothing() throws {
        let kb = try #require(RealisticKeyTests.kb, "build kb first (make test does)")
        let guides = TestSite.copyFixture("basic")
        try
            "# Calling the API\n\nSet the key:\n\n```sh\nexport OPENAI_API_KEY=\(RealisticKeyTests.realisticKey())\n```\n"
            .write(toFile: guides + "/calling.md", atomically: true, encoding: .utf8)
        let output = TestSite.temporaryFolder() + "/site"
        let result = try TestSite.run(kb, ["build", guides, "--output", output])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("calling.md:6:"))
        #expect(result.output.contains("[realistic-secret]"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func theCommandRefusesAFileAsOutput() throws {
        let kb = try #require(RealisticKeyTests.kb, "build kb first (make test does)")
        let file = TestSite.temporaryFolder() + "/site.txt"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try TestSite.run(kb, ["build", TestSite.fixtures + "/basic", "--output", file])
        #expect(result.status == 2)
        #expect(result.output.contains("is not a folder"))
    }
}
