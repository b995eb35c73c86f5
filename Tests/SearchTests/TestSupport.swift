import KnowledgeBase
import Platform
import TestRequirements
import Testing

@testable import Search

/// Paths and shared fixtures for the search tests.
enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/SearchTests/TestSupport.swift
        return parts.joined(separator: "/")
    }()

    static let shippedGuides = packageRoot + "/guides"
    static let fixtures = packageRoot + "/Tests/SearchTests/Fixtures"

    static func read(_ path: String) -> String? {
        IndexCache.readFile(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A fresh temporary folder; the test removes it with `remove` when done.
    static func temporaryFolder(_ label: String) -> String {
        var template = Array("/tmp/kb-search-\(label)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        return String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
    }

    static func remove(_ folder: String) {
        guard folder.hasPrefix("/tmp/kb-search-") else { return }
        _ = shell("rm -rf '\(folder)'")
    }

    static func write(_ text: String, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0, "cannot write \(path)")
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func shell(_ command: String) -> Int32 {
        let status = system(command)
        return status == -1 ? -1 : (status >> 8) & 0xFF
    }

    /// An index over the shipped guides, built in memory.
    static let shippedIndex: SearchIndex = {
        let kb = KnowledgeBase.load(shippedGuides)
        return SearchIndex(bytes: IndexBuilder().build(kb, key: 1))!
    }()

    /// The tldr pages unpacked from ../shared/corpora (once per test run), or nil when the
    /// corpus is not there.
    static let tldrPages: String? = {
        guard let tarball = TestRequirements.corpus("tldr-pages.tar.gz") else { return nil }
        // Unpacked once per machine into a folder named by the tarball's size and date (30 MB
        // that every test run would otherwise copy again); a temporary copy renamed into place
        // keeps concurrent runs safe.
        var st = stat()
        guard stat(tarball, &st) == 0 else { return nil }
        let shared = "/tmp/kb-search-tldr-\(st.st_size)-\(st.st_mtim.tv_sec)"
        let pages = shared + "/tldr-pages/pages"
        if access(pages + "/common/tar.md", R_OK) == 0 { return pages }
        let folder = temporaryFolder("unpack")
        guard shell("tar -xzf '\(tarball)' -C '\(folder)'") == 0 else {
            remove(folder)
            return nil
        }
        if rename(folder, shared) != 0 { remove(folder) }
        return access(pages + "/common/tar.md", R_OK) == 0 ? pages : nil
    }()

    static let tldrIndex: SearchIndex? = {
        guard let root = tldrPages else { return nil }
        return SearchIndex(bytes: IndexBuilder().build(KnowledgeBase.load(root), key: 1))
    }()
}
