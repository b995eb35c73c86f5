import Platform

/// Decides whether a key body reads as random, as a real credential's does, or shows the
/// structure people put into made-up examples: words (`your`, `EXAMPLE`), runs (`XXXX`, `0000`),
/// sequences (`1234567890abcdef`, `AbCdEf`), repeated patterns (`a1b2a1b2`), keyboard mashing
/// confined to a few letters.
///
/// Every test is a hypothesis test against "each character drawn uniformly from the alphabet":
/// a body is called structured only when a random body would show that much structure with
/// probability below `significance` (10⁻⁹ per test by default). So a genuinely random body of
/// the right shape is flagged with overwhelming probability, whatever its length, while obvious
/// placeholders fail by many orders of magnitude. The alphabet is taken from the body itself
/// (hex stays hex, uppercase stays uppercase), which keeps the tests honest for formats whose
/// exact alphabet is not documented.
struct RandomnessCheck: Sendable {
    /// The probability, per test, that a truly random body is called structured.
    var significance: Double = 1e-9
    /// Placeholder words must be this unlikely to occur by chance, all together (10⁻⁷).
    var wordEvidence: Double = 7

    enum Verdict: Sendable, Equatable {
        case random
        case structured(Reason)
    }

    enum Reason: String, Sendable, Equatable {
        case tooShort = "too short"
        case placeholderWord = "contains a placeholder word"
        case fewDistinctCharacters = "too few distinct characters"
        case lowEntropy = "low entropy"
        case repeatedCharacter = "one character dominates"
        case sequentialOrRepeated = "sequential or repeated pattern"
        case longRun = "long sequential or repeated run"
        case readsAsWords = "reads as words"
        case narrowAlphabet = "uses only part of the key's alphabet"
    }

    init() {}

    /// `declared` is the format's alphabet when it is known for certain that real keys draw from
    /// all of it (then a body that avoids whole classes, such as uppercase, is not random).
    func assess(_ body: some Collection<UInt8>, declared: ByteSet? = nil) -> Verdict {
        let chars = Array(body)
        let n = chars.count
        guard n >= 8 else { return .structured(.tooShort) }

        var counts = [Int](repeating: 0, count: 128)
        var present = ByteSet()
        for b in chars where b < 128 {
            counts[Int(b)] += 1
            present.insert(b)
        }
        let alphabet = Self.effectiveAlphabet(present)
        let a = Double(alphabet.count)

        let words = PlaceholderVocabulary.evidence(in: chars, alphabetSize: a)
        if words >= wordEvidence { return .structured(.placeholderWord) }

        // Too few distinct characters: P(all n draws fall in some d-subset) ≤ C(A,d)(d/A)^n.
        let distinct = present.count
        if distinct < alphabet.count {
            let logBound =
                Self.logChoose(alphabet.count, distinct) + Double(n) * log(Double(distinct) / a)
            if logBound < log(significance) { return .structured(.fewDistinctCharacters) }
        }

        // Shannon entropy, a sanity bound: half the bits a random body of this length could show.
        var entropy = 0.0
        for c in counts where c > 0 {
            let p = Double(c) / Double(n)
            entropy -= p * log2(p)
        }
        if entropy < 0.5 * log2(min(Double(n), a)) { return .structured(.lowEntropy) }

        let maxCount = counts.max() ?? 0
        if a * Self.binomialTail(n, maxCount, 1 / a) < significance {
            return .structured(.repeatedCharacter)
        }

        // English letter pairs: common bigrams are rare in random text, frequent in words.
        // Weaker word evidence and weaker bigram evidence add up (`your-access-token`).
        var folded = [Int](repeating: 0, count: 128)
        for m in alphabet.members { folded[Int(Self.fold(m))] += 1 }
        let values = chars.map { Int(Self.fold($0)) }
        var pairProbability = 0.0
        for pair in Self.commonBigrams {
            pairProbability += Double(folded[Int(pair.0)] * folded[Int(pair.1)])
        }
        pairProbability /= a * a
        var pairHits = 0
        for i in 0..<(n - 1) where Self.isCommonBigram(values[i], values[i + 1]) { pairHits += 1 }
        let pairs = -log10(max(Self.binomialTail(n - 1, pairHits, pairProbability), 1e-300))
        if pairs >= -log10(significance) || words + pairs >= wordEvidence + 2.5 {
            return .structured(.readsAsWords)
        }

        // Lag tests: x[i+d] equal to, one above, one below, or within one of x[i] (case
        // folded). Sequences (`0123`, `AbCd`), repeats (`XXXX`, `abcabc`) and interleavings
        // (`a1b2c3`) show far more of these than chance allows.
        var pSame = 0.0
        var pUp = 0.0
        for v in 0..<127 {
            pSame += Double(folded[v] * folded[v])
            pUp += Double(folded[v] * folded[v + 1])
        }
        pSame /= a * a
        pUp /= a * a
        let pNear = pSame + 2 * pUp
        let maxLag = min(8, n / 4)
        if maxLag >= 1 {
            let tests = Double(maxLag * 4)
            for lag in 1...maxLag {
                var same = 0
                var up = 0
                var down = 0
                var run = 0
                var longest = 0
                for i in 0..<(n - lag) {
                    let d = values[i + lag] - values[i]
                    if d == 0 { same += 1 } else if d == 1 { up += 1 } else if d == -1 { down += 1 }
                    if abs(d) <= 1 {
                        run += 1
                        longest = max(longest, run)
                    } else {
                        run = 0
                    }
                }
                let trials = n - lag
                let tail = [
                    Self.binomialTail(trials, same, pSame), Self.binomialTail(trials, up, pUp),
                    Self.binomialTail(trials, down, pUp), Self.binomialTail(trials, same + up + down, pNear),
                ].min()!
                if tests * tail < significance { return .structured(.sequentialOrRepeated) }
                if lag == 1, longest >= 3, Double(n) * pow(pNear, Double(longest)) < significance {
                    return .structured(.longRun)
                }
            }
        }

        if let declared,
            Self.narrowAlphabetProbability(present, declared: declared, length: n) < significance
        {
            return .structured(.narrowAlphabet)
        }
        return .random
    }

    // MARK: - Alphabet

    /// The classes the body draws from: digits, lowercase, uppercase (hex when only a–f
    /// appear beside digits), plus each symbol that occurs. Erring small keeps every test conservative.
    static func effectiveAlphabet(_ present: ByteSet) -> ByteSet {
        var alphabet = ByteSet()
        let lower = present.intersection(.lowercase)
        let upper = present.intersection(.uppercase)
        let hasDigits = !present.intersection(.digits).isEmpty
        if hasDigits { alphabet = alphabet.union(.digits) }
        // Hex only with digits: a random hex body without digits is vanishingly rare, while
        // `abcabc` is a placeholder that must be judged against the whole lowercase alphabet.
        if !lower.isEmpty {
            let hexOnly = hasDigits && upper.isEmpty && lower.intersection(ByteSet("a"..."f")) == lower
            alphabet = alphabet.union(hexOnly ? ByteSet("a"..."f") : .lowercase)
        }
        if !upper.isEmpty {
            let hexOnly = hasDigits && lower.isEmpty && upper.intersection(ByteSet("A"..."F")) == upper
            alphabet = alphabet.union(hexOnly ? ByteSet("A"..."F") : .uppercase)
        }
        for m in present.members where !ByteSet.alphanumerics.contains(m) { alphabet.insert(m) }
        return alphabet
    }

    /// Probability that a random body of `length` drawn from `declared` touches only the
    /// classes (digits, a–f, g–z, A–F, G–Z, symbols) that `present` touches, times the number
    /// of class subsets.
    static func narrowAlphabetProbability(_ present: ByteSet, declared: ByteSet, length: Int)
        -> Double
    {
        let classes = [
            ByteSet.digits, ByteSet("a"..."f"), ByteSet("g"..."z"), ByteSet("A"..."F"),
            ByteSet("G"..."Z"),
        ]
        var symbols = declared
        var used = ByteSet()
        for c in classes {
            symbols = ByteSet(members: symbols.members.filter { !c.contains($0) })
            let inDeclared = c.intersection(declared)
            if !present.intersection(inDeclared).isEmpty { used = used.union(inDeclared) }
        }
        if !present.intersection(symbols).isEmpty { used = used.union(symbols) }
        guard declared.count > 0, used.count < declared.count else { return 1 }
        return 64 * pow(Double(used.count) / Double(declared.count), Double(length))
    }

    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b
    }

    // MARK: - Bigrams

    private static let commonBigrams: [(UInt8, UInt8)] = [
        "th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed",
        "is", "it", "al", "ar", "st", "to", "nt", "ng", "se", "ha", "as", "ou", "io", "le", "ve", "co",
        "me", "de", "hi", "ri", "ro", "ic", "ne", "ea", "ra", "ce", "ke", "ey", "ur", "yo",
    ].map { (Array($0.utf8)[0], Array($0.utf8)[1]) }

    private static let bigramTable: [Bool] = {
        var table = [Bool](repeating: false, count: 128 * 128)
        for (x, y) in commonBigrams { table[Int(x) * 128 + Int(y)] = true }
        return table
    }()

    @inline(__always)
    private static func isCommonBigram(_ x: Int, _ y: Int) -> Bool {
        x < 128 && y < 128 && bigramTable[x * 128 + y]
    }

    // MARK: - Probability

    /// P(X ≥ k) for X ~ Binomial(n, p).
    static func binomialTail(_ n: Int, _ k: Int, _ p: Double) -> Double {
        if k <= 0 { return 1 }
        if k > n || p <= 0 { return 0 }
        if p >= 1 { return 1 }
        var term = exp(logChoose(n, k) + Double(k) * log(p) + Double(n - k) * log1p(-p))
        var sum = 0.0
        var j = k
        while j <= n {
            sum += term
            if term < sum * 1e-17 { break }
            term *= Double(n - j) / Double(j + 1) * p / (1 - p)
            j += 1
        }
        return min(1, sum)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
