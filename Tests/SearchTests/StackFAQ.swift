import Foundation
import KnowledgeBase
import Platform
import TestRequirements

@testable import Search

/// StackFAQ (Karan & Šnajder 2018; `../shared/corpora/stackfaq.tar.gz`, CC BY-SA, see its
/// NOTICE.md): 125 Stack Exchange questions with their top answers, and about ten rephrasings of
/// each written by annotators. Unpacked at test time into a temporary guides folder holding one
/// FAQ page, each question a heading (`{#q-N}`) with its answers below it; a rephrasing is a hit
/// when its thread's question comes first. `Benchmarks/stackfaq_peers.py` builds the same
/// documents (question plus answers) for bm25s and lunr.
struct StackFAQ {
    /// The temporary folder the corpus was unpacked into: the caller removes it with
    /// `TestSupport.remove`.
    var folder: String
    /// The guides folder inside it, holding `stackfaq.md`.
    var root: String { folder + "/guides" }
    /// One case per rephrasing longer than three characters (1,249): the annotators' "*" marks
    /// a rephrasing they did not write, and one is null.
    var suite: RelevanceSuite

    /// The tarball in `../shared/corpora`, or nil when it is not there.
    static var tarball: String? { TestRequirements.corpus("stackfaq.tar.gz") }

    /// Unpacks the corpus and writes the guides folder; nil when the tarball or its JSON is
    /// missing or not shaped as NOTICE.md describes.
    static func unpack() -> StackFAQ? {
        guard let tarball else { return nil }
        let folder = TestSupport.temporaryFolder("stackfaq")
        guard TestSupport.shell("tar -xzf '\(tarball)' -C '\(folder)'") == 0,
            let data = FileManager.default.contents(atPath: folder + "/stackfaq/stackExchange-FAQ.json"),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let pairs = (json["root"] as? [String: Any])?["qapair"] as? [[String: Any]]
        else {
            TestSupport.remove(folder)
            return nil
        }
        let root = folder + "/guides"
        mkdir(root, 0o755)
        var page = "---\ntype: faq\ntitle: StackFAQ\n---\n\n"
        var cases: [RelevanceSuite.Case] = []
        for (number, pair) in pairs.enumerated() {
            guard let question = pair["question"] as? String else { continue }
            let answers = (pair["answer"] as? [String]) ?? [(pair["answer"] as? String) ?? ""]
            let id = "q-\(number + 1)"
            page += "## \(literal(oneLine(question))) {#\(id)}\n\n"
            for answer in answers { page += literal(answer) + "\n\n" }
            // One rephrasing is null in the JSON: skip it, keep its thread's others.
            for case let rephrasing as String in (pair["rephr"] as? [Any]) ?? [] {
                let query = oneLine(rephrasing)
                if query.utf8.count > 3 { cases.append(.init(query: query, expected: ["stackfaq#" + id])) }
            }
        }
        TestSupport.write(page, to: root + "/stackfaq.md")
        var suite = RelevanceSuite(text: "")
        suite.cases = cases
        return StackFAQ(folder: folder, suite: suite)
    }

    /// Text on one line with runs of blanks as single spaces (a heading, a query).
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(
            separator: " ")
    }

    /// `text` as Markdown that reads as the same characters: every ASCII punctuation character
    /// backslash-escaped (CommonMark allows that for all of them), so `<s>`, `*` and `#` in the
    /// threads stay text; lines become one paragraph.
    static func literal(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for b in oneLine(text).utf8 {
            switch b {
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: out += [0x5C, b]
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
