import Foundation
import Platform
import Testing

@testable import KnowledgeBase

/// The core fixes the hostile suite led to, checked in process: each keeps the behaviour it
/// replaced on ordinary input and stays linear on huge input.
@Suite("Core robustness")
struct CoreRobustnessTests {
    @Test("UTF-8 validation agrees with the standard library on random and edge-case bytes")
    func utf8ValidationAgrees() {
        var samples: [[UInt8]] = [
            [], Array("plain ASCII".utf8), Array("é ü 日本 🔑".utf8),
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98],
            [0xFF], [0x80], [0xC2], [0xEF, 0xBB, 0xBF, 0x41], [0xF5, 0x80, 0x80, 0x80],
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Mostly bytes near the interesting ranges: continuation and lead bytes.
                bytes.append(UInt8(truncatingIfNeeded: state >> 56) | (state & 1 == 0 ? 0x80 : 0))
            }
            samples.append(bytes)
        }
        for bytes in samples {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let offset = UTF8Validation.firstInvalidOffset(bytes)
            #expect((offset == nil) == expected, "\(bytes.map { String($0, radix: 16) })")
            if let offset {
                // Everything before the reported offset is valid on its own.
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil)
            }
        }
    }

    @Test("A bad byte at the end of a large file is found and named with its line")
    func invalidByteAtTheEnd() {
        let bytes = Array(String(repeating: "line\n", count: 100_000).utf8) + [0xF0, 0x9F, 0x98]
        #expect(throws: LoadProblem.self) { try GuideParser().parse(path: "cut.md", bytes: bytes) }
        do {
            _ = try GuideParser().parse(path: "cut.md", bytes: bytes)
        } catch {
            #expect(error.line == 100_001)
        }
    }

    @Test(
        "Custom heading ids: the byte scan keeps the rules",
        arguments: [
            ("Install {#setup}", "Install", "setup"), ("Install {#setup}  ", "Install", "setup"),
            ("{#a{#b}", "{#a", "b"), ("Téléchargement {#dl}", "Téléchargement", "dl"), ("x {##}", "x", "#"),
        ])
    func customIDs(heading: String, text: String, id: String) {
        let found = AnchorSlugger.customID(in: heading)
        #expect(found?.text == text)
        #expect(found?.id == id)
    }

    @Test(
        "Not custom ids: no braces, an empty id, spaces or braces inside",
        arguments: ["Plain", "x {#}", "a {#b c}", "{b}", "a {#b}c", "#}"])
    func notCustomIDs(heading: String) {
        #expect(AnchorSlugger.customID(in: heading) == nil)
    }

    @Test("ASCII slugs match the Unicode path GitHub's rules describe")
    func asciiSlugsMatch() {
        for heading in ["Step 2: Deploy", "API_key & tokens!", "  Leading spaces", "a--b", "UPPER lower 123"] {
            #expect(AnchorSlugger.asciiSlug(heading) == unicodeSlug(heading), "\(heading)")
        }
        #expect(AnchorSlugger.asciiSlug("Café") == nil)
        #expect(AnchorSlugger.slug("Café au lait") == "café-au-lait")
    }

    /// The rule as written before the ASCII fast path: lowercase, keep letters, marks, numbers,
    /// connectors and hyphens, spaces to hyphens.
    private func unicodeSlug(_ heading: String) -> String {
        var out = ""
        for scalar in heading.lowercased().unicodeScalars {
            let p = scalar.properties
            if scalar == " " {
                out += "-"
            } else if scalar == "-" || scalar == "_" || p.isAlphabetic || p.numericType != nil
                || p.generalCategory == .connectorPunctuation
            {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("FAQ pages and sections are still recognised by their words")
    func faqWords() {
        #expect(TreeWalk.isFAQHeading("FAQ"))
        #expect(TreeWalk.isFAQHeading("FAQs"))
        #expect(TreeWalk.isFAQHeading("Frequently Asked Questions (FAQ)"))
        #expect(TreeWalk.isFAQHeading("frequently  asked   questions"))
        #expect(!TreeWalk.isFAQHeading("FAQ about billing and more"))
        #expect(!TreeWalk.isFAQHeading(String(repeating: "faq ", count: 100_000)))
        #expect(TreeWalk.containsWord("faq", in: "billing faq—overview"))
        #expect(!TreeWalk.containsWord("faq", in: "faqtory"))
        #expect(!TreeWalk.containsWord("faq", in: "café-faqé"))
    }

    @Test("A FAQ page title found anywhere in a long title; the phrase spelled out works too")
    func faqPageTitles() throws {
        let long = try GuideParser().parse(
            path: "t.md", bytes: Array("# \(String(repeating: "word ", count: 50_000))FAQ\n\n## Q?\n\nA.\n".utf8)
        ).0
        #expect(long.faqs.map(\.question) == ["Q?"])
        let phrase = try GuideParser().parse(
            path: "p.md", bytes: Array("# Frequently asked questions on keys\n\n## Q?\n\nA.\n".utf8)
        ).0
        #expect(phrase.faqs.count == 1)
    }

    @Test("The inspect summary replaces terminal controls from guides, keeping newlines and tabs")
    func printableSummary() {
        let input = Array("a\u{1B}[2Jb\tc\n\u{9B}d\u{7}\u{7F}".utf8)
        #expect(
            String(decoding: TerminalText.bytes(input), as: UTF8.self) == "a\u{FFFD}b\tc\n\u{FFFD}\u{FFFD}\u{FFFD}"
        )
        #expect(TerminalText.bytes(Array("clean é\n".utf8)) == Array("clean é\n".utf8))
    }

    @Test("A control character in front matter is named by line, and the message does not repeat it")
    func frontMatterControlCharacter() throws {
        let bytes = Array("---\ntitle: fine\nowner: a\u{0}b\n---\n# Body\n".utf8)
        let (guide, problems) = try GuideParser().parse(path: "nul.md", bytes: bytes)
        #expect(guide.title == "Body")
        #expect(problems.map(\.line) == [3])
        #expect(problems.allSatisfy { !$0.message.utf8.contains(0) && !$0.message.contains("\n") })
    }

    @Test("The structure budget counts lines and markup, not prose hyphens or numbers")
    func structureBudget() throws {
        #expect(MarkdownBudget.units(in: Array("A well-known fix, done in a second-or-two.".utf8)) == 0)
        #expect(MarkdownBudget.units(in: Array("- a\n- b\n".utf8)) == 4)
        #expect(MarkdownBudget.units(in: Array("1. [x](y) *z*\n".utf8)) == 5)
        let dense = Array(String(repeating: "[a] ", count: MarkdownBudget.maximumUnits + 1).utf8)
        #expect(throws: LoadProblem.self) { try GuideParser().parse(path: "dense.md", bytes: dense) }
        let prose = Array(String(repeating: "Plain words in a long paragraph, nothing more. ", count: 400_000).utf8)
        #expect(try GuideParser().parse(path: "prose.md", bytes: prose).0.summary.isEmpty == false)
    }

    @Test("JSON strings escape quotes, controls and markup in runs of plain text")
    func jsonEscapes() {
        var writer = JSONWriter(pretty: false)
        writer.value(nil, "a\"b\\c\nd</script>\u{1B}é\u{9B}\u{7F}")
        #expect(writer.string == "\"a\\\"b\\\\c\\nd\\u003c/script\\u003e\\u001bé\\u009b\\u007f\"")
    }
    /// Rounded values are for display; `exactly:` writes what reads back as the same Double.
    @Test func jsonNumbersRoundOrReadBackExactly() {
        var writer = JSONWriter(pretty: false)
        writer.beginArray()
        writer.value(nil, 0.1 + 0.2)
        writer.value(nil, exactly: 0.1 + 0.2)
        writer.value(nil, exactly: .infinity)
        writer.endArray()
        #expect(writer.string == "[0.3,0.30000000000000004,null]")
    }
}
