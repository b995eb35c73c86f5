import Platform

/// Words that mark a made-up key (`sk-proj-YOUR_KEY_HERE`, `AKIAIOSFODNN7EXAMPLE`), weighed by
/// how unlikely they are to turn up by chance.
///
/// A random 150-character body contains some 4-letter word now and then, so a word counts only
/// as much as its chance occurrence is improbable: `EXAMPLE` in 16 characters is decisive,
/// `test` somewhere in 150 characters is not. Matches must be case-consistent (`example`,
/// `EXAMPLE` or `Example`), as people write them.
enum PlaceholderVocabulary {
    static let words: [String] = [
        "placeholder", "generated", "redacted", "changeme", "personal", "example", "notreal", "invalid",
        "replace", "sample", "access", "actual", "secret", "insert", "qwerty", "foobar", "paste", "enter", "dummy",
        "token", "lorem", "ipsum", "hello", "world", "value", "fake", "your", "here", "test", "mock", "demo", "asdf",
        "xxxx", "todo", "key", "foo", "bar", "my",
    ]

    private static let variants: [[UInt8]] = words.sorted { $0.count > $1.count }.flatMap {
        w -> [[UInt8]] in
        let lower = Array(w.utf8)
        let upper = lower.map { $0 &- 32 }
        let capitalized = [upper[0]] + lower.dropFirst()
        return [lower, upper, capitalized]
    }

    /// −log₁₀ of the probability that the placeholder words found in `body` (longest first,
    /// not overlapping) all occur by chance in a random body over an alphabet of `alphabetSize`.
    static func evidence(in body: [UInt8], alphabetSize: Double) -> Double {
        let n = body.count
        var covered = [Bool](repeating: false, count: n)
        var total = 0.0
        let perCharacter = 1 / alphabetSize
        for variant in variants {
            let k = variant.count
            guard k <= n else { continue }
            var i = 0
            while i + k <= n {
                if body[i] == variant[0], !covered[i], matches(variant, in: body, at: i, covered: covered) {
                    for j in i..<(i + k) { covered[j] = true }
                    let positions = Double(n - k + 1)
                    let chance = positions * 3 * pow(perCharacter, Double(k)) * Double(words.count)
                    total += max(0, -log10(chance))
                    i += k
                } else {
                    i += 1
                }
            }
        }
        return total
    }

    private static func matches(_ word: [UInt8], in body: [UInt8], at i: Int, covered: [Bool]) -> Bool {
        for j in 0..<word.count where body[i + j] != word[j] || covered[i + j] { return false }
        return true
    }
}
