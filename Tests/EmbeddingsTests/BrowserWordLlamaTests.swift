import Foundation
import TestRequirements
import Testing

@testable import Embeddings

/// Browser/wordllama.js must give the vectors Swift gives: this runs it under node on the
/// fixture texts, with the table cut into the parts the site serves, and compares.
@Suite struct BrowserWordLlamaTests {
    struct Output: Decodable {
        let ids: [Int]
        let vector: [Float]?
    }

    struct Run: Decodable {
        let outputs: [Output]
        /// The parts node loaded while embedding the first text alone.
        let partsForFirstText: [Int]
    }

    func runNode(texts: [String]) throws -> Run {
        let node = try #require(TestRequirements.program("node"), "node is not on PATH")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kb-wordllama-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (number, part) in WordLlama.builtIn.table.browserParts.enumerated() {
            try Data(part).write(to: folder.appendingPathComponent("part-\(number).bin"))
        }
        try JSONEncoder().encode(texts).write(to: folder.appendingPathComponent("texts.json"))
        // The script as the site serves it, with the part size written in.
        let script = folder.appendingPathComponent("wordllama.js").path
        try Data(WordLlamaBrowser.script).write(to: URL(fileURLWithPath: script))
        let driver = """
            const fs = require("fs");
            require(\(String(decoding: try JSONEncoder().encode(script), as: UTF8.self)));
            const folder = \(String(decoding: try JSONEncoder().encode(folder.path), as: UTF8.self));
            const loaded = [];
            const loadPart = (n) => { loaded.push(n); return Promise.resolve(fs.readFileSync(folder + "/part-" + n + ".bin")); };
            const texts = JSON.parse(fs.readFileSync(folder + "/texts.json", "utf8"));
            (async () => {
              const model = await globalThis.KBWordLlama.open(loadPart);
              await model.embed(texts[0]);
              const partsForFirstText = loaded.slice();
              const outputs = [];
              for (const text of texts) {
                const vector = await model.embed(text);
                outputs.push({ ids: model.tokenizer.encode(text), vector: vector ? Array.from(vector) : null });
              }
              fs.writeFileSync(folder + "/out.json", JSON.stringify({ outputs, partsForFirstText }));
            })().catch((e) => { console.error(e); process.exit(1); });
            """
        try driver.write(to: folder.appendingPathComponent("driver.js"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [folder.appendingPathComponent("driver.js").path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("out.json"))
        return try JSONDecoder().decode(Run.self, from: data)
    }

    @Test(.requires(program: "node"))
    func scriptGivesSwiftsIdsAndVectors() throws {
        let texts = ["lose my key"] + Fixture.records.map(\.text)
        let run = try runNode(texts: texts)
        try #require(run.outputs.count == texts.count)
        let model = WordLlama.builtIn
        for (text, output) in zip(texts, run.outputs) {
            #expect(output.ids == model.tokenizer.encode(text).map(Int.init), "\(text.debugDescription)")
            let swift = model.embed(text)
            #expect((output.vector == nil) == (swift == nil), "\(text.debugDescription)")
            if let js = output.vector, let swift {
                let cosine = WordLlama.cosine(js, swift)
                #expect(cosine > 0.99999, "\(text.debugDescription): cosine \(cosine)")
            }
        }
        // "lose my key" is three tokens: the header, the tokenizer and the two vector parts
        // holding rows 590, 1820 and 14074, not all 18 parts.
        #expect(run.partsForFirstText.sorted() == [0, 1, 2, 8])
    }
}
