import Crypto
import KnowledgeBase

/// The findings a repository has agreed to live with for now (`kb lint --write-baseline`), so
/// that `kb lint --baseline` reports only new ones: how a linter is adopted on a legacy repo.
///
/// An entry is keyed by rule, file and a salted SHA-256 of the finding's text (its message and
/// the source line it points at, trimmed), never by line number: lines move when text is
/// added above them, and the entry must still match. The file never holds a secret, not even
/// redacted: a `realistic-secret` message and line are hashed with a random salt kept in the
/// file, so the hash cannot be looked up or checked against guessed keys without it, and the
/// key's randomness is far beyond guessing with it. Identical findings in one file are
/// counted: a baseline with one entry excuses one of two identical new lines, not both.
///
/// Swift Crypto (apple/swift-crypto) gives the SHA-256: hand-written hashing is what no one
/// should trust, and Foundation on Linux has none.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        public var rule: String
        /// Path relative to the guides root.
        public var path: String
        /// Lowercase hex SHA-256 of salt, rule, path, message and line text.
        public var hash: String
    }

    /// Random bytes mixed into every hash, as lowercase hex.
    public var salt: String
    public var entries: [Entry]

    public static let header = "# kb lint baseline: findings accepted for now (kb lint --write-baseline)."

    /// A new, empty baseline with a fresh random salt.
    public init() {
        var generator = SystemRandomNumberGenerator()
        salt = Self.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        entries = []
    }

    public init(salt: String, entries: [Entry]) {
        self.salt = salt
        self.entries = entries
    }

    /// The entry `finding` in `guide` has in this baseline (its salt).
    public func entry(for finding: Finding, in guide: Guide?) -> Entry {
        var input = Array(salt.utf8)
        for part in [finding.ruleID, finding.path, finding.message] {
            input.append(contentsOf: part.utf8)
            input.append(0)
        }
        if let guide { input.append(contentsOf: Self.lineText(guide.source, line: finding.line)) }
        return Entry(rule: finding.ruleID, path: finding.path, hash: Self.hex(Array(SHA256.hash(data: input))))
    }

    /// A baseline recording `findings` (paths relative to the guides root of `knowledgeBase`).
    public static func recording(_ findings: [Finding], in knowledgeBase: KnowledgeBase) -> Baseline {
        var baseline = Baseline()
        let guides = Dictionary(knowledgeBase.guides.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        baseline.entries = findings.map { baseline.entry(for: $0, in: guides[$0.path]) }
        return baseline
    }

    /// What `--baseline` does: the findings the baseline does not excuse, and the entries that
    /// excused nothing (stale: the baseline should shrink). Only entries for `paths` (relative
    /// to the root) can be stale when it is given: a run over one file says nothing of others.
    public func filter(_ findings: [Finding], in knowledgeBase: KnowledgeBase, paths: Set<String>? = nil)
        -> (new: [Finding], stale: [Entry])
    {
        var remaining: [Entry: Int] = [:]
        for e in entries { remaining[e, default: 0] += 1 }
        let guides = Dictionary(knowledgeBase.guides.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var new: [Finding] = []
        for finding in findings {
            let e = entry(for: finding, in: guides[finding.path])
            if let n = remaining[e], n > 0 {
                remaining[e] = n - 1
            } else {
                new.append(finding)
            }
        }
        var stale: [Entry] = []
        for e in entries where (paths?.contains(e.path) ?? true) {
            if let n = remaining[e], n > 0 {
                stale.append(e)
                remaining[e] = n - 1
            }
        }
        return (new, stale)
    }

    // MARK: - The file

    /// The file: a comment, `salt HEX`, then one `RULE HASH PATH` line per entry, sorted (so
    /// that the file diffs well). Paths have `%`, line breaks and tabs percent-escaped.
    public func serialized() -> [UInt8] {
        var out =
            Self.header + "\n# Entries are rule, salted SHA-256 of the finding's text, file; never line numbers.\n"
        out += "salt \(salt)\n"
        let sorted = entries.sorted { ($0.path, $0.rule, $0.hash) < ($1.path, $1.rule, $1.hash) }
        for e in sorted { out += "\(e.rule) \(e.hash) \(Self.escape(e.path))\n" }
        return Array(out.utf8)
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var message: String
        public var description: String { "\(path):\(line): error: \(message)" }
    }

    /// Reads a baseline file's bytes; `path` names it in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(ParseError) -> Baseline {
        var salt: String?
        var entries: [Entry] = []
        var number = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = raw[...]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let text = String(decoding: line, as: UTF8.self)
            let fields = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            if fields.count == 2, fields[0] == "salt", isHex(fields[1]), !fields[1].isEmpty {
                guard salt == nil else { throw ParseError(path: path, line: number, message: "a second salt line") }
                salt = fields[1]
                continue
            }
            guard fields.count == 3, !fields[0].isEmpty, fields[1].count == 64, isHex(fields[1]), !fields[2].isEmpty
            else {
                throw ParseError(
                    path: path, line: number,
                    message: "not a baseline line: expected `RULE SHA256 PATH` (write the file with --write-baseline)")
            }
            entries.append(Entry(rule: fields[0], path: unescape(fields[2]), hash: fields[1]))
        }
        guard let salt else {
            throw ParseError(path: path, line: max(number, 1), message: "no `salt` line: not a kb lint baseline")
        }
        return Baseline(salt: salt, entries: entries)
    }

    // MARK: - Helpers

    /// The bytes of 1-based `line` of `source`, without surrounding white space.
    static func lineText(_ source: String, line: Int) -> [UInt8] {
        var current = 1
        var out: [UInt8] = []
        for b in source.utf8 {
            if b == 0x0A {
                current += 1
                if current > line { break }
            } else if current == line, b != 0x0D {
                out.append(b)
            }
        }
        while let f = out.first, f == 0x20 || f == 0x09 { out.removeFirst() }
        while let l = out.last, l == 0x20 || l == 0x09 { out.removeLast() }
        return out
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isHex(_ s: String) -> Bool {
        s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    static func escape(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            case "\t": out += "%09"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ path: String) -> String {
        let codes: [[UInt8]: UInt8] = [
            Array("%0A".utf8): 0x0A, Array("%0D".utf8): 0x0D, Array("%09".utf8): 0x09, Array("%25".utf8): 0x25,
        ]
        let b = Array(path.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == 0x25, i + 3 <= b.count, let byte = codes[Array(b[i..<(i + 3)])] {
                out.append(byte)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
