import Foundation
import Testing

@testable import Lint
@testable import SecretScanning

/// Recall and false alarms on a generated corpus: every provider's key (built at run time, see
/// `FakeKeys`) written inside every inline construct CommonMark has, alone and nested, in every
/// block that holds inline text; and the same constructs around placeholders, which must never
/// be reported. The counts are printed so that a change's effect can be quoted.
@Suite("realistic-secret: keys inside inline Markdown")
struct InlineKeyCorpusTests {
    /// How a construct writes `lead` (a secret's name, for keys known only by it) and `secret`;
    /// `1️⃣` goes where the finding must point: the secret's first character as written.
    struct Construct: Sendable {
        var name: String
        /// Only for keys that are a single token (no `lead`), such as inside a URL.
        var tokenOnly = false
        /// Spans two lines: not in a heading, which ends at the line's end.
        var multiline = false
        /// Delimited by `_`: not around keys that contain `_`, which CommonMark may take as the
        /// closing delimiter (`_ab_8_-cd_`), leaving underscores on the page inside the word.
        var underscores = false
        var write: @Sendable (_ lead: String, _ secret: String) -> String
    }

    static let marker = "1️⃣"

    /// `secret` with `open` and `close` around its middle third: one word on the page, several
    /// nodes in cmark. The cuts fall between letters or digits: next to punctuation a `*` run
    /// cannot open or close emphasis and stays on the page as a character of the word.
    static func split(_ secret: String, _ open: String, _ close: String) -> String {
        let chars = Array(secret)
        let a = cut(chars, near: max(1, chars.count / 3))
        let b = max(a + 1, cut(chars, near: max(a + 1, 2 * chars.count / 3)))
        return String(chars[..<a]) + open + String(chars[a..<b]) + close + String(chars[b...])
    }

    /// `secret` cut in two near its middle, between letters or digits (a line starting with `-`
    /// or `1.` would start a list).
    static func halves(_ secret: String) -> (String, String) {
        let chars = Array(secret)
        let a = cut(chars, near: max(1, chars.count / 2))
        return (String(chars[..<a]), String(chars[a...]))
    }

    static func cut(_ chars: [Character], near start: Int) -> Int {
        var i = start
        while i < chars.count - 1,
            !(chars[i - 1].isLetter || chars[i - 1].isNumber) || !(chars[i].isLetter || chars[i].isNumber)
        {
            i += 1
        }
        return i
    }

    static let constructs: [Construct] = [
        Construct(name: "plain") { "\($0)\(marker)\($1)" },
        Construct(name: "emphasis *") { "*\($0)\(marker)\($1)*" },
        Construct(name: "emphasis _", underscores: true) { "_\($0)\(marker)\($1)_" },
        Construct(name: "strong **") { "**\($0)\(marker)\($1)**" },
        Construct(name: "strong __", underscores: true) { "__\($0)\(marker)\($1)__" },
        Construct(name: "strong emphasis ***") { "***\($0)\(marker)\($1)***" },
        Construct(name: "emphasis in strong", underscores: true) { "**_\($0)\(marker)\($1)_**" },
        Construct(name: "strong in emphasis _", underscores: true) { "_**\($0)\(marker)\($1)**_" },
        Construct(name: "key split by strong") { "\($0)\(marker)" + split($1, "**", "**") },
        Construct(name: "key split by emphasis") { "\($0)\(marker)" + split($1, "*", "*") },
        Construct(name: "key split by code span") { "\($0)\(marker)" + split($1, "`", "`") },
        Construct(name: "key split by inline HTML") { "\($0)\(marker)" + split($1, "<b>", "</b>") },
        Construct(name: "code span") { "`\($0)\(marker)\($1)`" },
        Construct(name: "code span, two backticks") { "`` \($0)\(marker)\($1) ``" },
        Construct(name: "code span in strong") { "**`\($0)\(marker)\($1)`**" },
        Construct(name: "link text") { "[\($0)\(marker)\($1)](https://example.com/docs)" },
        Construct(name: "strong link text") { "[**\($0)\(marker)\($1)**](https://example.com/docs)" },
        Construct(name: "link text split by emphasis") {
            "[\($0)\(marker)" + split($1, "*", "*") + "](https://example.com/docs)"
        },
        Construct(name: "link destination", tokenOnly: true) {
            "[the console](https://example.com/keys/\($0)\(marker)\($1))"
        },
        Construct(name: "link destination in angle brackets", tokenOnly: true) {
            "[the console](<https://example.com/keys/\($0)\(marker)\($1)>)"
        },
        Construct(name: "link title") { "[the console](https://example.com \"\($0)\(marker)\($1)\")" },
        Construct(name: "image alt") { "![\($0)\(marker)\($1)](shot.png)" },
        Construct(name: "image destination", tokenOnly: true) {
            "![shot](https://example.com/\($0)\(marker)\($1).png)"
        },
        Construct(name: "image title") { "![shot](shot.png '\($0)\(marker)\($1)')" },
        Construct(name: "autolink", tokenOnly: true) { "<https://example.com/keys/\($0)\(marker)\($1)>" },
        Construct(name: "numeric reference") { lead, secret in
            var chars = Array(secret)
            let i = chars.count / 2
            let code = String(chars[i].asciiValue ?? 65)
            chars[i] = "#"
            return lead + marker + String(chars).replacingOccurrences(of: "#", with: "&#\(code);")
        },
        Construct(name: "hex reference in strong") { lead, secret in
            var chars = Array(secret)
            let i = chars.count / 2
            let code = String(chars[i].asciiValue ?? 65, radix: 16)
            chars[i] = "#"
            return "**" + lead + marker + String(chars).replacingOccurrences(of: "#", with: "&#x\(code);") + "**"
        },
        Construct(name: "entity first character") { lead, secret in
            let first = secret.unicodeScalars.first!.value
            return lead + marker + "&#\(first);" + String(secret.dropFirst())
        },
        Construct(name: "backslash escapes in emphasis", underscores: true) { lead, secret in
            "_" + lead + marker
                + secret.replacingOccurrences(of: "_", with: "\\_")
                .replacingOccurrences(of: "-", with: "\\-") + "_"
        },
        Construct(name: "hard line break, backslash", multiline: true) { "\($0)\(marker)\($1)\\\nthen the next line" },
        Construct(name: "hard line break, spaces in strong", multiline: true) {
            "**\($0)\(marker)\($1)**  \nthen the next line"
        },
        Construct(name: "after a hard line break", multiline: true) { "The key:\\\n*\($0)\(marker)\($1)*" },
        Construct(name: "key split across a soft line break", multiline: true) { lead, secret in
            let (a, b) = halves(secret)
            return lead + marker + a + "\n" + b
        },
        Construct(name: "key split across a soft line break in strong", multiline: true) { lead, secret in
            let (a, b) = halves(secret)
            return "**" + lead + marker + a + "\n" + b + "**"
        },
    ]

    /// The blocks inline text lives in; `{X}` is the construct. Each puts `{X}` on one line.
    static let blocks: [(name: String, template: String)] = [
        ("paragraph", "# Setup\n\nPaste {X} into the settings page.\n"),
        ("list item", "# Setup\n\n- First\n- Paste {X} here.\n"),
        ("ordered list in block quote", "# Setup\n\n> 1. Paste {X} here.\n"),
        ("table cell", "# Keys\n\n| Service | Value |\n| --- | --- |\n| Billing | {X} |\n"),
        ("block quote", "# Setup\n\n> Note: {X} is the key.\n"),
        ("heading", "# Setup\n\n## Using {X}\n\nText.\n"),
    ]

    /// Continuation: a key cut over two lines of code the way programs join strings.
    static let continuations: [(name: String, write: @Sendable (String, String) -> String)] = [
        ("shell backslash continuation", { a, b in "```sh\nexport ACME_KEY=\"\(marker)\(a)\\\n\(b)\"\n```" }),
        ("JavaScript + concatenation", { a, b in "```js\nconst key = \"\(marker)\(a)\" +\n  \"\(b)\";\n```" }),
        ("Python implicit concatenation", { a, b in "```python\nkey = (\"\(marker)\(a)\"\n       \"\(b)\")\n```" }),
        ("Python + on one line", { a, b in "```python\nkey = \"\(marker)\(a)\" + \"\(b)\"\n```" }),
        ("PHP . concatenation", { a, b in "```php\n$key = '\(marker)\(a)' .\n    '\(b)';\n```" }),
    ]

    /// Placeholder bodies for a key of `n` characters: none of them may be reported.
    static let placeholderBodies: [(name: String, body: @Sendable (Int) -> String)] = [
        ("X run", { String(repeating: "X", count: $0) }),
        ("EXAMPLE", { n in "EXAMPLE" + String(repeating: "0", count: max(0, n - 7)) }),
        ("ellipsis", { _ in "..." }),
        ("angle brackets", { _ in "&lt;your-key&gt;" }),
        ("your key here", { n in "YOUR_KEY_HERE" + String(repeating: "x", count: max(0, n - 13)) }),
    ]

    struct Tally {
        var keys = 0
        var found = 0
        var misplaced: [String] = []
        var missed: [String: Int] = [:]
        var placeholders = 0
        var falseAlarms: [String] = []
        /// What scanning the file as written finds alone (the rule before inline text was
        /// reassembled), for the before/after comparison.
        var foundByFileScan = 0
        var falseAlarmsOfFileScan = 0
    }

    static let fileScanner = SecretScanner()

    static func run(seed: UInt64) throws -> Tally {
        var rng = SplitMix64(seed: seed)
        var tally = Tally()
        for provider in FakeKeys.providers where provider.isInline {
            let key = provider.make(&rng)
            for construct in constructs
            where (!construct.tokenOnly || key.lead.isEmpty) && !(construct.underscores && key.secret.contains("_")) {
                for block in blocks where !construct.multiline || block.name != "heading" {
                    let fixture = MarkedFixture(
                        block.template.replacingOccurrences(of: "{X}", with: construct.write(key.lead, key.secret)))
                    let findings = try lintSecrets(fixture.text)
                    tally.keys += 1
                    if !fileScanner.scan(fixture.text).isEmpty { tally.foundByFileScan += 1 }
                    if findings.isEmpty {
                        tally.missed["\(construct.name) in \(block.name)", default: 0] += 1
                        if ProcessInfo.processInfo.environment["KB_DEBUG_MISSES"] != nil { print("MISS", fixture.text) }
                        continue
                    }
                    tally.found += 1
                    if findings.count != 1 || findings[0].line != fixture.line || findings[0].column != fixture.column {
                        tally.misplaced.append(
                            "\(provider.name), \(construct.name) in \(block.name): "
                                + "\(findings.map { "\($0.line):\($0.column)" }) for \(fixture.line!):\(fixture.column!)"
                        )
                    }
                }
                for style in placeholderBodies {
                    let fake = key.prefix + style.body(key.body.count)
                    for block in blocks where !construct.multiline || block.name != "heading" {
                        let text = block.template.replacingOccurrences(
                            of: "{X}", with: construct.write(key.lead, fake).replacingOccurrences(of: marker, with: ""))
                        tally.placeholders += 1
                        if !fileScanner.scan(text).isEmpty { tally.falseAlarmsOfFileScan += 1 }
                        if !(try lintSecrets(text)).isEmpty {
                            tally.falseAlarms.append(
                                "\(provider.name), \(style.name), \(construct.name) in \(block.name)")
                        }
                    }
                }
            }
            guard key.lead.isEmpty, key.secret.count >= 24 else { continue }
            let chars = Array(key.secret)
            let a = String(chars[..<(chars.count / 2)])
            let b = String(chars[(chars.count / 2)...])
            for continuation in continuations {
                let fixture = MarkedFixture("# Setup\n\n" + continuation.write(a, b) + "\n")
                let findings = try lintSecrets(fixture.text)
                tally.keys += 1
                if !fileScanner.scan(fixture.text).isEmpty { tally.foundByFileScan += 1 }
                if findings.isEmpty {
                    tally.missed[continuation.name, default: 0] += 1
                    continue
                }
                tally.found += 1
                if findings.count != 1 || findings[0].line != fixture.line || findings[0].column != fixture.column {
                    tally.misplaced.append(
                        "\(provider.name), \(continuation.name): \(findings.map { "\($0.line):\($0.column)" })")
                }
            }
        }
        return tally
    }

    @Test func everyKeyInEveryInlineConstructIsFoundAndNoPlaceholderIs() throws {
        let seed = ProcessInfo.processInfo.environment["KB_SEED"].flatMap { UInt64($0) } ?? FakeKeys.seed()
        let tally = try Self.run(seed: seed)
        print(
            "inline key corpus (seed \(seed)): recall \(tally.found)/\(tally.keys), "
                + "false alarms \(tally.falseAlarms.count)/\(tally.placeholders), misplaced \(tally.misplaced.count); "
                + "the file scan alone: recall \(tally.foundByFileScan)/\(tally.keys), "
                + "false alarms \(tally.falseAlarmsOfFileScan)/\(tally.placeholders)")
        for (where_, count) in tally.missed.sorted(by: { $0.key < $1.key }) { print("  missed \(count): \(where_)") }
        #expect(tally.keys > 10_000)
        #expect(tally.found == tally.keys, "seed \(seed): missed \(tally.missed.sorted { $0.key < $1.key }.prefix(20))")
        #expect(tally.falseAlarms.isEmpty, "seed \(seed): \(tally.falseAlarms.prefix(20))")
        #expect(tally.misplaced.isEmpty, "seed \(seed): \(tally.misplaced.prefix(20))")
    }
}
