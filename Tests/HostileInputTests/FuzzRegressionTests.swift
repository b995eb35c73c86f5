import Foundation
import KnowledgeBase
import Testing

/// Every input the fuzzer ever crashed on (`Tests/Fuzz/crashers`), and the seeds, through the
/// parser with HTML on, as `make fuzz` runs them: a regression crashes this test.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = Binaries.packageRoot + "/Tests/Fuzz"

    static func inputs(_ name: String) -> [String] {
        let folder = FuzzRegressionTests.folder + "/" + name
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    @Test("Seeds and kept crashers parse without crashing, in bounded output")
    func replay() throws {
        let seeds = FuzzRegressionTests.inputs("seeds")
        #expect(!seeds.isEmpty, "no seeds in \(FuzzRegressionTests.folder)/seeds")
        for path in seeds + FuzzRegressionTests.inputs("crashers") {
            let bytes = try GuideFiles.read(path)
            // Parsing may refuse the input (not UTF-8); it must not crash, and what it keeps
            // cannot outgrow the input by more than markup does.
            if let (guide, _) = try? GuideParser(renderHTML: true).parse(path: "fuzz.md", bytes: bytes) {
                #expect((guide.html?.utf8.count ?? 0) < 64 * bytes.count + 4096, "\(path)")
            }
        }
    }
}
