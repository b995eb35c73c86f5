/// A question reduced to what it asks, so that "How do I rotate my key?" and "how to rotate
/// keys" compare equal: lowercased, punctuation and stop words dropped, each word cut to a
/// rough stem. Word order is kept: "move a key to a project" is not "move a project to a key".
///
/// The stemmer is a small suffix stripper, not Porter2: it only has to make two spellings of
/// one question meet, and errs on the side of leaving words alone.
public struct QuestionKey: Sendable, Hashable {
    public let words: [String]

    public init(_ question: String) {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            current.removeAll(keepingCapacity: true)
            if !QuestionKey.stopWords.contains(word) { words.append(QuestionKey.stem(word)) }
        }
        for scalar in question.lowercased().unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil {
                current.append(contentsOf: Array(String(scalar).utf8))
            } else if scalar == "'" || scalar == "\u{2019}" {
                // "don't" → "dont", "key's" → "keys".
                continue
            } else {
                flush()
            }
        }
        flush()
        self.words = words
    }

    /// True when nothing but stop words is left ("Why?"): such questions are not compared.
    public var isEmpty: Bool { words.isEmpty }

    public var text: String { words.joined(separator: " ") }

    /// Function words that do not change what is asked. Question words (how, why, what, where,
    /// when, who, which) are kept: "Why do I need a key?" and "How do I get a key?" differ.
    static let stopWords: Set<String> = [
        "a", "an", "the", "i", "me", "my", "mine", "we", "our", "you", "your", "it", "its", "this", "that",
        "these", "those", "do", "does", "did", "doing", "is", "are", "am", "was", "were", "be", "been", "being",
        "can", "could", "should", "would", "will", "shall", "may", "might", "must", "to", "of", "in", "on", "at",
        "for", "with", "by", "from", "and", "or", "so", "there", "here", "any", "some", "please", "just",
        "s", "t", "about", "into", "up",
    ]

    /// Cuts common English inflections: plurals, -ing, -ed, -ly, -ies.
    static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 < 0x80 }) else { return word }
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            return w.count > s.count + 2 && w.suffix(s.count).elementsEqual(s)
        }
        if ends("ies") {
            w.removeLast(3)
            w.append(UInt8(ascii: "y"))
        } else if ends("sses") {
            w.removeLast(2)
        } else if ends("ing") {
            w.removeLast(3)
            undouble(&w)
        } else if ends("ed") {
            w.removeLast(2)
            undouble(&w)
        } else if ends("ly") {
            w.removeLast(2)
        } else if ends("es"), endsInSibilant(w.dropLast(2)) {
            w.removeLast(2)
        } else if w.last == UInt8(ascii: "s"), !ends("ss"), !ends("us"), !ends("is") {
            w.removeLast()
        }
        // "rotate" and "rotat(ing)" meet: drop a final silent e.
        if w.count > 3, w.last == UInt8(ascii: "e") { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    /// "boxes", "matches", "wishes": the "es" is the plural ending only after s, x, z, ch, sh.
    private static func endsInSibilant(_ w: ArraySlice<UInt8>) -> Bool {
        guard let last = w.last else { return false }
        if last == UInt8(ascii: "s") || last == UInt8(ascii: "x") || last == UInt8(ascii: "z") { return true }
        return last == UInt8(ascii: "h") && w.count >= 2
            && (w[w.endIndex - 2] == UInt8(ascii: "c") || w[w.endIndex - 2] == UInt8(ascii: "s"))
    }

    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 2, w[w.count - 1] == w[w.count - 2] else { return }
        let c = w[w.count - 1]
        if c != UInt8(ascii: "l"), c != UInt8(ascii: "s"), c != UInt8(ascii: "z") { w.removeLast() }
    }
}
