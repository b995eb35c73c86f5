import Foundation
import Testing

/// The HTML of one small page, compared byte for byte with a recorded copy kept beside the
/// test, so any change to the markup is seen in review. Re-record on purpose with
/// `KB_RECORD_GOLDEN=1 swift test --filter GoldenPageTests`.
@Suite struct GoldenPageTests {
    static let golden = TestSite.testsFolder.appendingPathComponent("Golden").path

    @Test(arguments: ["tools/cli.html", "faq.html"])
    func pageMatchesTheRecordedCopy(_ page: String) throws {
        let site = try TestSite.build(TestSite.fixtures + "/basic")
        let actual = TestSite.read(site + "/" + page)
        let goldenPath = GoldenPageTests.golden + "/" + page.replacingOccurrences(of: "/", with: "--")
        if ProcessInfo.processInfo.environment["KB_RECORD_GOLDEN"] == "1" {
            try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let expected = try #require(
            try? String(contentsOfFile: goldenPath, encoding: .utf8),
            "no recorded copy at \(goldenPath): run with KB_RECORD_GOLDEN=1 to record it")
        #expect(actual == expected, "\(page) changed; if on purpose, re-record with KB_RECORD_GOLDEN=1")
    }
}
