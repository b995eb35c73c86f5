import Testing

@testable import Search

@Suite struct EnglishStemmerTests {
    /// Pairs from the algorithm's published vocabulary and output (snowball-data), spread
    /// over the alphabet: every one must match.
    @Test func matchesThePublishedVocabulary() throws {
        let text = try #require(TestSupport.read(TestSupport.fixtures + "/porter2-sample.txt"))
        var checked = 0
        var wrong: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            let word = String(parts[0])
            let expected = parts.count > 1 ? String(parts[1]) : word
            let actual = EnglishStemmer.stem(word)
            if actual != expected { wrong.append("\(word): expected \(expected), got \(actual)") }
            checked += 1
        }
        #expect(checked > 1500)
        #expect(
            wrong.isEmpty,
            "\(wrong.count) of \(checked) differ:\n\(wrong.prefix(30).joined(separator: "\n"))")
    }

    @Test func joinsTheFormsSearchCaresAbout() {
        let rotate = ["rotate", "rotated", "rotating", "rotates", "rotation"].map(EnglishStemmer.stem)
        #expect(Set(rotate).count == 1, "\(rotate)")
        #expect(EnglishStemmer.stem("keys") == EnglishStemmer.stem("key"))
        #expect(EnglishStemmer.stem("generously") == "generous")
        #expect(EnglishStemmer.stem("skies") == "sky")
    }

    @Test func leavesNonLettersAlone() {
        #expect(EnglishStemmer.stem("429s") == "429s")
        #expect(EnglishStemmer.stem("café") == "café")
        #expect(EnglishStemmer.stem("is") == "is")
    }
}
