import Foundation
import KnowledgeBase

/// A guides folder written to a temporary directory from in-memory files (markers stripped),
/// loaded with the real loader, and removed when the value goes away.
final class TemporaryGuides {
    let root: String
    /// Marker → (path, line, column), gathered from every file.
    private(set) var markers: [String: (path: String, line: Int, column: Int)] = [:]

    init(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-lint-\(UUID().uuidString)").path
        for (path, marked) in files {
            let fixture = MarkedFixture(marked)
            for (marker, at) in fixture.markers { markers[marker] = (path, at.line, at.column) }
            try write(Array(fixture.text.utf8), to: path)
        }
        for (path, bytes) in binary { try write(bytes, to: path) }
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func load() -> KnowledgeBase {
        KnowledgeBase.load(root, inlineRuns: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }
}
