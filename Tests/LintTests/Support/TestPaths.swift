import Foundation
import TestRequirements

/// Places the tests need outside themselves, found from this file's location.
enum TestPaths {
    /// The package root: three levels above `Tests/LintTests/Support/`.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The debug `kb` binary `swift build` makes.
    static let kb = packageRoot.appendingPathComponent(".build/debug/kb")

    /// `../shared/corpora/NAME`, or nil when it is not there (see `TestRequirements`).
    static func corpus(_ name: String) -> URL? {
        TestRequirements.corpus(name).map { URL(fileURLWithPath: $0) }
    }

    /// Unpacks a corpus tarball into a fresh temporary folder and returns that folder.
    static func unpack(_ tarball: URL) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", tarball.path, "-C", folder.path]
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return folder
    }
}
