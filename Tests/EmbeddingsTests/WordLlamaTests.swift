import Foundation
import Testing

@testable import Embeddings

/// One fixture record: a text with the ids Hugging Face's tokenizer gives it and the Python
/// package's normalised vector (scripts/wordllama.py --fixtures).
struct FixtureRecord: Decodable {
    let text: String
    let ids: [Int]
    let vector: [Float]?
}

enum Fixture {
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/EmbeddingsTests/WordLlamaTests.swift
        return parts.joined(separator: "/")
    }()

    static let records: [FixtureRecord] = {
        let path = packageRoot + "/Tests/EmbeddingsTests/Fixtures/wordllama-vectors.json"
        guard let data = FileManager.default.contents(atPath: path),
            let records = try? JSONDecoder().decode([FixtureRecord].self, from: data)
        else { fatalError("cannot read \(path)") }
        return records
    }()
}

@Suite struct WordLlamaTests {
    let model = WordLlama.builtIn

    @Test func builtInTableHasTheWheelsShape() {
        #expect(model.table.tokenCount == 32_000)
        #expect(model.dimensions == 256)
        // The byte-fallback tokens and the space piece, where Llama-2's vocabulary has them.
        #expect(model.table.byteToken(0x0A) == 13)
        let space = Array("\u{2581}".utf8)
        #expect(space.withUnsafeBufferPointer { model.table.token(for: $0) } == 29871)
        #expect(Array(model.table.text(of: 1820)) == Array("\u{2581}key".utf8))
    }

    @Test func tokenIdsMatchHuggingFacesTokenizer() {
        #expect(Fixture.records.count >= 30)
        for record in Fixture.records {
            #expect(model.tokenizer.encode(record.text).map(Int.init) == record.ids, "\(record.text.debugDescription)")
        }
    }

    @Test func vectorsMatchThePythonPackage() throws {
        for record in Fixture.records {
            guard let expected = record.vector else {
                #expect(model.embed(record.text) == nil, "\(record.text.debugDescription) has no tokens")
                continue
            }
            let vector = try #require(model.embed(record.text))
            #expect(vector.count == 256)
            let cosine = WordLlama.cosine(vector, expected)
            // int8 rows against the package's fp16 rows: the quantisation error stays far below this.
            #expect(cosine >= 0.999, "\(record.text.debugDescription): cosine \(cosine)")
        }
    }

    @Test func vectorsAreUnitLengthAndCloserForParaphrases() throws {
        let lose = try #require(model.embed("I lost my API key"))
        let misplaced = try #require(model.embed("misplaced my token"))
        let tar = try #require(model.embed("extract a tar archive"))
        var squares: Float = 0
        for value in lose { squares += value * value }
        #expect(abs(squares - 1) < 1e-4)
        #expect(WordLlama.cosine(lose, misplaced) > WordLlama.cosine(lose, tar))
        #expect(abs(WordLlama.cosine(lose, lose) - 1) < 1e-5)
    }

    @Test func quantizedVectorsKeepTheCosine() throws {
        let a = try #require(model.embed("rotate my key without downtime"))
        let b = try #require(model.embed("replace a key with no outage"))
        let (scale, values) = WordLlama.quantized(b)
        #expect(values.count == 256)
        #expect(values.contains(127) || values.contains(-127))
        let dot = a.withUnsafeBufferPointer { query in
            values.withUnsafeBufferPointer { WordLlama.dot(query, $0.baseAddress!, scale: scale) }
        }
        #expect(abs(dot - WordLlama.cosine(a, b)) < 0.005, "\(dot) vs \(WordLlama.cosine(a, b))")
        let zero = WordLlama.quantized([Float](repeating: 0, count: 4))
        #expect(zero.scale == 0 && zero.values == [0, 0, 0, 0])
    }

    @Test func hostileTextGivesAVectorWithoutCrashing() throws {
        let texts = [
            String(repeating: "a", count: 100_000), String(repeating: "🔑", count: 10_000),
            "<s></s><unk>", String(repeating: " ", count: 5_000), "\u{0}\u{1}\u{7F}",
            "<script>alert(1)</script>", "\u{1B}[31mred\u{1B}[0m", "../../etc/passwd",
        ]
        for text in texts {
            let vector = try #require(model.embed(text), "\(text.prefix(20).debugDescription)")
            #expect(vector.allSatisfy { $0.isFinite })
        }
        #expect(model.embed("") == nil)
    }

    @Test func rejectsBytesThatAreNotATable() {
        func open(_ bytes: [UInt8]) -> WordLlamaTableError? {
            bytes.withUnsafeBytes { buffer -> WordLlamaTableError? in
                do {
                    _ = try WordLlamaTable(bytes: buffer)
                    return nil
                } catch {
                    return error as? WordLlamaTableError
                }
            }
        }
        #expect(open([1, 2, 3]) == .tooShort(3))
        #expect(open([UInt8](repeating: 0, count: 64)) == .notATable)
        // The real header over a file cut short: the stored length no longer matches.
        let header = Array(UnsafeRawBufferPointer(rebasing: model.table.bytes[0..<4096]))
        #expect(open(header) == .sectionOutOfBounds("file length"))
        var wrongVersion = header
        wrongVersion[4] = 9
        #expect(open(wrongVersion) == .unsupportedVersion(9))
    }

    @Test func browserPartsCoverTheFileInOrder() {
        let parts = model.table.browserParts
        let rows = WordLlamaTable.browserVectorPartRows
        #expect(parts.count == 2 + (32_000 + rows - 1) / rows)
        #expect(parts.reduce(0) { $0 + $1.count } == model.table.bytes.count)
        #expect(parts[0].baseAddress == model.table.bytes.baseAddress)
        for index in 2..<(parts.count - 1) {
            #expect(parts[index].count == rows * 256)
        }
    }

    /// Prints the cost of one query embedding (the tokenizer, the row loads and the pooling) and
    /// checks it stays far below faq's 5 ms budget even on a loaded machine.
    @Test func queryEmbeddingTakesMicroseconds() {
        let queries = Fixture.records.map(\.text).filter { $0.utf8.count < 100 }
        _ = model.embed("warm up")
        let rounds = 200
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        let start = Double(clock.tv_sec) * 1e6 + Double(clock.tv_nsec) / 1e3
        var tokens = 0
        for _ in 0..<rounds {
            for query in queries { tokens += model.embed(query)?.count ?? 0 }
        }
        clock_gettime(CLOCK_MONOTONIC, &clock)
        let microseconds =
            (Double(clock.tv_sec) * 1e6 + Double(clock.tv_nsec) / 1e3 - start)
            / Double(rounds * queries.count)
        print("WordLlama: \(String(format: "%.1f", microseconds)) µs per query embedding (\(queries.count) queries)")
        #expect(tokens > 0)
        #expect(microseconds < 1_000)
    }
}
