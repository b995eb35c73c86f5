/// Finds realistic credentials anywhere in a text: prose, code, URLs, raw HTML, comments and
/// front matter alike, since all of them end up published.
///
/// One pass over the UTF-8 bytes. A 256-entry table says which bytes can start a key (the first
/// bytes of the known prefixes, at a word boundary) or end a secret's name (`=`, `:`); every
/// other byte costs one load and a compare. Heavier work (prefix comparison, body reading,
/// the randomness check) runs only where a trigger fires.
struct SecretScanner: Sendable {
    /// Strings configured as known placeholders: a token containing one is never reported.
    var allowedPlaceholders: [[UInt8]]
    var check = RandomnessCheck()

    init(allowedPlaceholders: [String] = []) {
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

    /// Matches in `text`, with byte ranges in `text`'s UTF-8 as written (escapes included).
    func scan(_ text: String) -> [SecretMatch] {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    /// Matches in `source`, with byte ranges in `source`.
    func scan(_ source: UnsafeBufferPointer<UInt8>) -> [SecretMatch] {
        guard let unescaped = UnescapedText(source) else { return scanBytes(source) }
        return unescaped.bytes.withUnsafeBufferPointer { scanBytes($0) }.map { match in
            var m = match
            let lower = unescaped.originalOffset(match.range.lowerBound)
            let upper = unescaped.originalOffset(match.range.upperBound - 1) + 1
            m.range = lower..<upper
            return m
        }
    }

    private func scanBytes(_ s: UnsafeBufferPointer<UInt8>) -> [SecretMatch] {
        var matches: [SecretMatch] = []
        let n = s.count
        var i = 0
        while i < n {
            let trigger = Self.triggers[Int(s[i])]
            if trigger == 0 {
                i += 1
                continue
            }
            var outcome: ScanOutcome?
            if trigger & Self.prefixTrigger != 0, i == 0 || !Bytes.word.contains(s[i - 1]) {
                outcome = matchPrefix(s, at: i)
            }
            if outcome == nil, trigger & Self.separatorTrigger != 0 {
                outcome = KeyAssignment.match(in: s, separator: i, check: check)
            }
            switch outcome {
            case .secret(let match):
                if !isAllowed(s[match.range]) { matches.append(match) }
                i = max(match.range.upperBound, i + 1)
            case .placeholder(let end):
                i = max(end, i + 1)
            case nil:
                i += 1
            }
        }
        return matches
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
