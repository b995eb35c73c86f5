import Testing

@testable import Search

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> [String] {
        var out: [String] = []
        Tokenizer().tokenize(text) { bytes, position, compound in
            out.append(String(decoding: bytes, as: UTF8.self) + "@\(position)" + (compound ? "+" : ""))
        }
        return out
    }

    @Test func lowercasesAndSplitsOnPunctuation() {
        #expect(tokens("Lose MY key!") == ["lose@0", "my@1", "key@2"])
        #expect(tokens("keys, tokens; (secrets)") == ["keys@0", "tokens@1", "secrets@2"])
    }

    @Test func foldsDiacriticsAndCase() {
        #expect(tokens("Café CRÈME Straße") == ["cafe@0", "creme@1", "strasse@2"])
        // A decomposed accent (e + combining acute) folds the same way as the composed one.
        #expect(tokens("cafe\u{301}") == ["cafe@0"])
        #expect(tokens("ΣΟΦΊΑ") == ["σοφία@0"])
    }

    @Test func keepsDottedAndHyphenatedNamesWholeAndAsParts() {
        #expect(tokens("node.js") == ["node@0", "js@1", "node.js@0+"])
        #expect(tokens("x-api-key header") == ["x@0", "api@1", "key@2", "x-api-key@0+", "header@3"])
        // A trailing dot or a lone hyphen is punctuation, not a joiner.
        #expect(tokens("end. - next") == ["end@0", "next@1"])
    }

    @Test func keepsNumbers() {
        #expect(tokens("HTTP 429 in v1.2") == ["http@0", "429@1", "in@2", "v1@3", "2@4", "v1.2@3+"])
    }

    @Test func dropsApostrophesInsideWords() {
        #expect(
            tokens("don't use the key's value") == ["dont@0", "use@1", "the@2", "keys@3", "value@4"])
        #expect(tokens("it’s") == ["its@0"])
    }

    @Test func readsTldrMnemonicBrackets() {
        #expect(
            tokens("E[x]tract a [c]ompressed file") == ["extract@0", "a@1", "compressed@2", "file@3"])
        // Brackets that are not mnemonics still separate words.
        #expect(tokens("[link] text") == ["link@0", "text@1"])
    }

    @Test func dropsOverlongWords() {
        let blob = String(repeating: "a1", count: 40)
        #expect(tokens("key \(blob) value") == ["key@0", "value@1"])
    }
}
