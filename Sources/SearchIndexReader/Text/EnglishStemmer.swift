/// The Porter2 ("Snowball English") stemmer, written from the published algorithm.
///
/// Search needs "rotating", "rotated" and "rotation" to meet at one term; Porter2 is the
/// stemmer most engines (lunr, Lucene's EnglishAnalyzer via Snowball, Xapian) agree on, and its
/// published vocabulary lets the tests check every step. It works on lowercase ASCII bytes;
/// anything else (digits, other scripts) is returned unchanged. The browser engine carries a
/// line-by-line port of this type, so both sides must change together.
public enum EnglishStemmer {
    /// Stems a lowercase word.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard stem(&bytes) else { return word }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems `word` in place; false when it was left alone (too short, or not plain letters).
    @discardableResult
    public static func stem(_ word: inout [UInt8]) -> Bool {
        if word.count <= 2 { return false }
        for b in word where !(b >= 0x61 && b <= 0x7A) && b != 0x27 { return false }
        if word[0] == 0x27 { word.removeFirst() }
        if let special = exceptions1[String(decoding: word, as: UTF8.self)] {
            word = Array(special.utf8)
            return true
        }
        var w = Word(word)
        w.markConsonantY()
        w.computeRegions()
        w.step0()
        w.step1a()
        if exceptions2.contains(String(decoding: w.b, as: UTF8.self)) {
            word = w.finished()
            return true
        }
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        word = w.finished()
        return true
    }

    static let exceptions1: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
        "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
        "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
        "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]

    static let exceptions2: Set<String> = [
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ]
}

/// The word being stemmed: bytes (with `Y` marking a consonant y) and the R1/R2 regions.
private struct Word {
    var b: [UInt8]
    var r1 = 0
    var r2 = 0

    init(_ bytes: [UInt8]) { b = bytes }

    /// A consonant `y`, marked as the algorithm says (capital Y never occurs in the input).
    static let consonantY: UInt8 = 0x59

    func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79
    }

    mutating func markConsonantY() {
        for i in 0..<b.count where b[i] == 0x79 {
            if i == 0 || isVowel(b[i - 1]) { b[i] = Word.consonantY }
        }
    }

    mutating func computeRegions() {
        r1 = b.count
        r2 = b.count
        if hasPrefix("gener") {
            r1 = 5
        } else if hasPrefix("commun") || hasPrefix("arsen") {
            r1 = hasPrefix("commun") ? 6 : 5
        } else {
            r1 = regionStart(from: 0)
        }
        r2 = regionStart(from: r1)
    }

    /// The position after the first non-vowel that follows a vowel, at or after `from`.
    func regionStart(from: Int) -> Int {
        var i = from
        while i + 1 < b.count {
            if isVowel(b[i]) && !isVowel(b[i + 1]) { return i + 2 }
            i += 1
        }
        return b.count
    }

    func hasPrefix(_ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard b.count >= n else { return false }
        let ptr = p.utf8Start
        for i in 0..<n where b[i] != ptr[i] { return false }
        return true
    }

    /// Compared from the last byte back, in place: most suffixes fail on the first byte
    /// compared, and this runs some sixty times per word at index time.
    func ends(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { u in
            guard b.count >= u.count else { return false }
            var i = b.count - 1
            var j = u.count - 1
            while j >= 0 {
                if b[i] != u[j] { return false }
                i -= 1
                j -= 1
            }
            return true
        } ?? false
    }

    /// The longest of `suffixes` the word ends with.
    func longest(_ suffixes: [String]) -> String? {
        var best: String?
        for s in suffixes where ends(s) {
            if best == nil || s.utf8.count > best!.utf8.count { best = s }
        }
        return best
    }

    mutating func replace(_ suffix: String, with r: String) {
        b.removeLast(suffix.utf8.count)
        b.append(contentsOf: Array(r.utf8))
    }

    func inR1(_ suffix: String) -> Bool { b.count - suffix.utf8.count >= r1 }
    func inR2(_ suffix: String) -> Bool { b.count - suffix.utf8.count >= r2 }

    /// A vowel followed by a non-vowel other than w, x or Y and preceded by a non-vowel, or
    /// a vowel at the start followed by a non-vowel, ending at `end` (exclusive).
    func endsInShortSyllable(_ end: Int) -> Bool {
        if end == 2 {
            return isVowel(b[0]) && !isVowel(b[1])
        }
        if end >= 3 {
            let c = b[end - 1]
            return !isVowel(b[end - 3]) && isVowel(b[end - 2]) && !isVowel(c) && c != 0x77 && c != 0x78
                && c != Word.consonantY
        }
        return false
    }

    var isShort: Bool { r1 >= b.count && endsInShortSyllable(b.count) }

    func containsVowel(before end: Int) -> Bool {
        for i in 0..<end where isVowel(b[i]) { return true }
        return false
    }

    mutating func step0() {
        if let s = longest(Word.apostropheSuffixes) { b.removeLast(s.utf8.count) }
    }

    mutating func step1a() {
        guard let s = longest(Word.step1aSuffixes) else { return }
        switch s {
        case "sses": replace(s, with: "ss")
        case "ied", "ies": replace(s, with: b.count > 4 ? "i" : "ie")
        case "s":
            // Delete if a vowel appears before the letter just ahead of the s.
            if b.count >= 3 && containsVowel(before: b.count - 2) { b.removeLast() }
        default: break
        }
    }

    mutating func step1b() {
        guard let s = longest(Word.step1bSuffixes) else { return }
        if s == "eed" || s == "eedly" {
            if inR1(s) { replace(s, with: "ee") }
            return
        }
        let stemEnd = b.count - s.utf8.count
        guard containsVowel(before: stemEnd) else { return }
        b.removeLast(s.utf8.count)
        if ends("at") || ends("bl") || ends("iz") {
            b.append(0x65)
        } else if let last = b.last, b.count >= 2, last == b[b.count - 2],
            [UInt8]("bdfgmnprt".utf8).contains(last)
        {
            b.removeLast()
        } else if isShort {
            b.append(0x65)
        }
    }

    mutating func step1c() {
        guard b.count > 2, let last = b.last, last == 0x79 || last == Word.consonantY else { return }
        if !isVowel(b[b.count - 2]) { b[b.count - 1] = 0x69 }
    }

    static let step2Rules: [(String, String)] = [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ]
    static let apostropheSuffixes = ["'s'", "'s", "'"]
    static let step1aSuffixes = ["sses", "ied", "ies", "us", "ss", "s"]
    static let step1bSuffixes = ["eed", "eedly", "ed", "edly", "ing", "ingly"]
    static let step2Suffixes = step2Rules.map(\.0)

    mutating func step2() {
        guard let s = longest(Word.step2Suffixes), inR1(s) else { return }
        let end = b.count - s.utf8.count
        if s == "ogi" {
            guard end > 0, b[end - 1] == 0x6C else { return }
        } else if s == "li" {
            guard end > 0, [UInt8]("cdeghkmnrt".utf8).contains(b[end - 1]) else { return }
        }
        replace(s, with: Word.step2Rules.first { $0.0 == s }!.1)
    }

    static let step3Rules: [(String, String)] = [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ]
    static let step3Suffixes = step3Rules.map(\.0)

    mutating func step3() {
        guard let s = longest(Word.step3Suffixes), inR1(s) else { return }
        if s == "ative" && !inR2(s) { return }
        replace(s, with: Word.step3Rules.first { $0.0 == s }!.1)
    }

    static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
        "iti", "ous", "ive", "ize", "ion",
    ]

    mutating func step4() {
        guard let s = longest(Word.step4Suffixes), inR2(s) else { return }
        if s == "ion" {
            let end = b.count - 3
            guard end > 0, b[end - 1] == 0x73 || b[end - 1] == 0x74 else { return }
        }
        b.removeLast(s.utf8.count)
    }

    mutating func step5() {
        guard let last = b.last else { return }
        if last == 0x65 {
            if inR2("e") || (inR1("e") && !endsInShortSyllable(b.count - 1)) { b.removeLast() }
        } else if last == 0x6C {
            if inR2("l") && b.count >= 2 && b[b.count - 2] == 0x6C { b.removeLast() }
        }
    }

    func finished() -> [UInt8] {
        b.map { $0 == Word.consonantY ? 0x79 : $0 }
    }
}
