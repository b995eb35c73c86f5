import Foundation
import Testing

@testable import Platform

/// The site carries its index as base64 text that the browser decodes with `atob`, and the
/// secret scanner decodes JSON Web Token parts: both must agree with Foundation's codec.
@Suite struct Base64Tests {
    @Test(arguments: [0, 1, 2, 3, 4, 5, 255, 256, 257, 10_000])
    func encodesLikeFoundationAndRoundTrips(length: Int) {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
        var out: [UInt8] = Array("prefix:".utf8)
        Base64.encode(bytes, into: &out)
        let expected = Data(bytes).base64EncodedString()
        #expect(String(decoding: out, as: UTF8.self) == "prefix:" + expected)
        #expect(Base64.encode(bytes) == expected)
        #expect(Base64.decode(Array(expected.utf8)) == bytes)
    }

    @Test func decodesURLAlphabetWithoutPadding() {
        // 0xFB 0xFF encodes to "+/8=" in the standard alphabet and "-_8" in base64url.
        #expect(Base64.decode(Array("-_8".utf8)) == [0xFB, 0xFF])
        #expect(Base64.decode(Array("+/8=".utf8)) == [0xFB, 0xFF])
    }

    @Test func refusesBytesOutsideTheAlphabets() {
        #expect(Base64.decode(Array("ab$d".utf8)) == nil)
        #expect(Base64.decode(Array("ab d".utf8)) == nil)
    }
}

@Suite struct ParallelTests {
    /// Callers sum or store per-index results, so every index must run exactly once.
    @Test(arguments: [0, 1, 2, 3, 100, 10_000]) func forEachRunsEveryIndexOnce(count: Int) {
        let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(count, 1))
        runs.initialize(repeating: 0)
        defer { runs.deallocate() }
        nonisolated(unsafe) let slots = runs
        Parallel.forEach(count) { i in slots[i] += 1 }
        #expect(Array(runs.prefix(count)) == Array(repeating: 1, count: count))
    }

    @Test(arguments: [(0, 1), (1, 1), (7, 3), (1000, 1), (1000, 16), (1001, 2048)])
    func mapKeepsIndexOrder(count: Int, chunk: Int) {
        #expect(Parallel.map(count, chunk: chunk) { $0 * $0 } == (0..<count).map { $0 * $0 })
    }

    /// Elements with storage of their own (strings, arrays) are initialised and released once.
    @Test func mapBuildsNonTrivialElements() {
        let strings = Parallel.map(500, chunk: 7) { String(repeating: "x", count: $0 % 50) + "\($0)" }
        #expect(strings == (0..<500).map { String(repeating: "x", count: $0 % 50) + "\($0)" })
    }

    @Test func updateEachChangesEveryElementInPlace() {
        var values = (0..<1000).map { [$0] }
        Parallel.updateEach(&values) { i, value in value.append(i * 2) }
        #expect(values == (0..<1000).map { [$0, $0 * 2] })
    }

    @Test func slotsCollectWritesFromOtherThreads() {
        let slots = ParallelSlots(count: 300, initial: -1)
        Parallel.forEach(300) { i in slots[i] = i + 1 }
        #expect(slots.values == Array(1...300))
    }

    @Test func coreCountIsPositive() {
        #expect(onlineCoreCount >= 1)
    }
}

@Suite struct FileOutputTests {
    @Test func writesAtomicallyWithTheModeAsked() throws {
        let folder = NSTemporaryDirectory() + "platform-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        #expect(mkdir(folder, 0o700) == 0)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.txt"
        try FileOutput.writeAtomically(Array("one".utf8), to: path)
        try FileOutput.writeAtomically(Array("two".utf8), to: path, mode: 0o600, durable: false)
        #expect(FileManager.default.contents(atPath: path) == Data("two".utf8))
        var st = stat()
        #expect(stat(path, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }

    @Test func reportsTheFolderThatCannotBeWritten() {
        #expect(throws: FileOutputError.self) {
            try FileOutput.writeAtomically([1], to: "/nonexistent-folder-for-kb-tests/x")
        }
    }
}
