/// Finds realistic credentials anywhere in a text: prose, code, URLs, raw HTML, comments and
/// front matter alike, since all of them end up published.
///
/// One pass over the UTF-8 bytes. A 256-entry table says which bytes can start a key (the first
/// bytes of the known prefixes, at a word boundary) or end a secret's name (`=`, `:`); every
/// other byte costs one load and a compare. Heavier work (prefix comparison, body reading,
/// the randomness check) runs only where a trigger fires.
public struct SecretScanner: Sendable {
    /// Strings configured as known placeholders: a token containing one is never reported.
    public var allowedPlaceholders: [[UInt8]]
    var check = RandomnessCheck()

    public init(allowedPlaceholders: [String] = []) {
        self.allowedPlaceholders = allowedPlaceholders.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    private static let prefixTrigger: UInt8 = 1
    private static let separatorTrigger: UInt8 = 2

    private static let triggers: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for f in SecretCatalog.formats { table[Int(f.prefix[0])] |= prefixTrigger }
        table[Int(UInt8(ascii: "="))] |= separatorTrigger
        table[Int(UInt8(ascii: ":"))] |= separatorTrigger
        return table
    }()

    /// For each first byte of a prefix, the bytes that can follow it: most word-initial `s`,
    /// `p` or `e` are rejected here without touching the format table.
    private static let secondBytes: [ByteSet] = {
        var table = [ByteSet](repeating: ByteSet(), count: 256)
        for f in SecretCatalog.formats where f.prefix.count >= 2 { table[Int(f.prefix[0])].insert(f.prefix[1]) }
        return table
    }()

    /// Matches in `text`, with byte ranges in `text`'s UTF-8 as written (escapes included).
    public func scan(_ text: String) -> [SecretMatch] {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    /// True when `text` holds a realistic credential: what a caller that must not store or log
    /// the text (faq's miss log) asks.
    public func containsSecret(_ text: String) -> Bool {
        !scan(text).isEmpty
    }

    /// Matches in `source`, with byte ranges in `source`.
    public func scan(_ source: UnsafeBufferPointer<UInt8>) -> [SecretMatch] {
        guard let unescaped = UnescapedText(source) else { return scanBytes(source) }
        return unescaped.bytes.withUnsafeBufferPointer { scanBytes($0) }.map { match in
            var m = match
            let lower = unescaped.originalOffset(match.range.lowerBound)
            let upper = unescaped.originalOffset(match.range.upperBound - 1) + 1
            m.range = lower..<upper
            m.isVerbatim = upper - lower == match.range.count
            return m
        }
    }

    /// Matches in text assembled from pieces of a source, with ranges in that source. With
    /// `acrossJoinsOnly`, only matches that cross a join: what the assembling alone revealed.
    public func scan(_ text: MappedText, acrossJoinsOnly: Bool = false) -> [SecretMatch] {
        guard !text.isEmpty, !acrossJoinsOnly || !text.joins.isEmpty else { return [] }
        return text.bytes.withUnsafeBufferPointer { scanBytes($0) }.compactMap { match in
            if acrossJoinsOnly, !text.crossesJoin(match.range) { return nil }
            var m = match
            m.range = text.sourceRange(of: match.range)
            m.isVerbatim = text.isVerbatim(match.range)
            return m
        }
    }

    /// Matches of strings that code cuts over two lines or joins with an operator
    /// (`"sk_live_ab" +` / `"cd"`, a shell `\` continuation), found by joining the pieces;
    /// ranges in `source`. Only matches that the joining revealed are returned.
    public func scanContinuations(_ source: UnsafeBufferPointer<UInt8>) -> [SecretMatch] {
        guard let joined = CodeContinuations.join(source) else { return [] }
        return scan(joined, acrossJoinsOnly: true)
    }

    private func scanBytes(_ s: UnsafeBufferPointer<UInt8>) -> [SecretMatch] {
        var matches: [SecretMatch] = []
        let n = s.count
        let word = Bytes.word
        return Self.triggers.withUnsafeBufferPointer { triggers in
            Self.secondBytes.withUnsafeBufferPointer { secondBytes in
                var i = 0
                while i < n {
                    let b = s[i]
                    let trigger = triggers[Int(b)]
                    if trigger == 0 {
                        i += 1
                        continue
                    }
                    if trigger & Self.prefixTrigger != 0, i + 1 < n, secondBytes[Int(b)].contains(s[i + 1]),
                        i == 0 || !word.contains(s[i - 1]), let outcome = matchPrefix(s, at: i)
                    {
                        i = resume(after: outcome, at: i, in: s, collecting: &matches)
                        continue
                    }
                    if b == UInt8(ascii: "-"), i + 1 < n, s[i + 1] == UInt8(ascii: "-"),
                        i == 0 || !word.contains(s[i - 1]),
                        let outcome = KeyAssignment.matchOption(in: s, at: i, check: check)
                    {
                        i = resume(after: outcome, at: i, in: s, collecting: &matches)
                        continue
                    }
                    if trigger & Self.separatorTrigger != 0, KeyAssignment.mayFollowSecretName(s, separator: i),
                        let outcome = KeyAssignment.match(in: s, separator: i, check: check)
                    {
                        i = resume(after: outcome, at: i, in: s, collecting: &matches)
                        continue
                    }
                    i += 1
                }
                return matches
            }
        }
    }

    /// Records a secret unless it is an allowed placeholder; returns where scanning resumes.
    private func resume(
        after outcome: ScanOutcome, at i: Int, in s: UnsafeBufferPointer<UInt8>, collecting matches: inout [SecretMatch]
    ) -> Int {
        switch outcome {
        case .secret(let match):
            if !isAllowed(s[match.range]) { matches.append(match) }
            return max(match.range.upperBound, i + 1)
        case .placeholder(let end), .wrongShape(let end):
            return max(end, i + 1)
        }
    }

    /// The first format whose prefix starts at `i` decides (longest prefixes are tried first,
    /// so `sk-proj-` never falls back to plain `sk-`).
    private func matchPrefix(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> ScanOutcome? {
        for index in SecretCatalog.byFirstByte[Int(s[i])] {
            let format = SecretCatalog.formats[index]
            if Bytes.hasPrefix(s, format.prefix, at: i) {
                return format.match(in: s, at: i, check: check)
            }
        }
        return nil
    }

    private func isAllowed(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        allowedPlaceholders.contains { Bytes.contains(token, $0) }
    }
}
