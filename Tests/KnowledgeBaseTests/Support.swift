import Foundation
import KnowledgeBase

/// Parses an in-memory guide the way the loader parses a file.
func parse(_ markdown: String, path: String = "guide.md", html: Bool = false) throws -> Guide {
    try GuideParser(renderHTML: html).parse(path: path, bytes: Array(markdown.utf8)).0
}

/// A throwaway guides folder, removed when the value is released.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kb-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ contents: String) throws {
        try write(relative, bytes: Array(contents.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The shared corpora tarballs: `$KB_CORPORA`, else `../shared/corpora` beside the package (where
/// CI and developers have them). A machine without them skips the corpus tests, saying why.
enum Corpora {
    static let shared: URL = {
        if let custom = ProcessInfo.processInfo.environment["KB_CORPORA"] { return URL(fileURLWithPath: custom) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpora")
    }()

    static var available: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("tldr-pages.tar.gz").path)
    }

    static func unpack(_ name: String) throws -> URL {
        let tarball = shared.appendingPathComponent("\(name).tar.gz")
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("kb-corpus-\(name)-\(getpid())")
        if FileManager.default.fileExists(atPath: target.appendingPathComponent(".done").path) { return target }
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-xzf", tarball.path, "-C", target.path]
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else { throw CorpusError.unpackFailed(tarball.path) }
        FileManager.default.createFile(atPath: target.appendingPathComponent(".done").path, contents: nil)
        return target
    }

    enum CorpusError: Error { case unpackFailed(String) }
}
