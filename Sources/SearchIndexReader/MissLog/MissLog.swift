import Platform

/// The local log of questions `faq` could not answer well, which `kb gaps` reads: one line per
/// miss in `$XDG_STATE_HOME/faq/misses.tsv` (default `~/.local/state/faq/misses.tsv`), with
/// the time, the guides root, the best score and the query. Nothing else is stored and nothing
/// leaves the machine.
///
/// Here, beside the ranking, because both ends need it: `faq` (which links only this module)
/// writes it, `kb gaps` reads it, and the format has one home.
public enum MissLog {
    /// The best answer is weak below this coverage (the rarity-weighted share of the query's
    /// words it matched) or below this score from its words (`SearchHit.wordScore`: the cosine
    /// says how close in meaning, not whether the guides answer). Set on the relevance suites
    /// (`MissLogTests`) when ranking was by words alone: the right first answers on the shipped
    /// guides had coverage 0.36–1.0 (one under 0.57) and scores 1.6–75 (one under 3.2); the
    /// first answers to 25 off-topic questions had coverage under 0.45 for 19 of them and scores
    /// under 1.9 for 20; on tldr the lowest first-answer score is 10.9. With the cosine fused in,
    /// both floors together mark 22 of the 25 off-topic questions and 3 of the 78 answered ones.
    public static let weakCoverage = 0.4
    public static let weakScore = 3.0

    /// True when `best` (the first hit, nil for none) is no real answer.
    public static func isWeak(_ best: SearchHit?) -> Bool {
        guard let best else { return true }
        return best.coverage < weakCoverage || best.wordScore < weakScore
    }

    /// What the header line of a log file says; lines starting with `#` are comments.
    public static let header = "# faq misses: time (UTC)\tguides root\tbest score\tquery"

    /// One logged miss.
    public struct Entry: Sendable, Hashable {
        /// `2026-12-03T07:55:00Z`.
        public var time: String
        /// The guides folder, or `(built-in)`.
        public var root: String
        /// The best hit's score, nil when nothing matched.
        public var bestScore: Double?
        public var query: String

        public init(time: String, root: String, bestScore: Double?, query: String) {
            self.time = time
            self.root = root
            self.bestScore = bestScore
            self.query = query
        }

        /// The entry as a log line (with its newline): fields separated by tabs, and tabs,
        /// newlines and backslashes inside a field escaped, so any query stays on one line.
        public var line: String {
            let score = bestScore.map { MissLog.formatScore($0) } ?? ""
            return [time, root, score, query].map(MissLog.escape).joined(separator: "\t") + "\n"
        }
    }

    /// The log file: `$XDG_STATE_HOME/faq/misses.tsv` when that is an absolute path (as the
    /// XDG base directory spec asks), else `$HOME/.local/state/faq/misses.tsv`; nil without
    /// either.
    public static func path(environment: (String) -> String?) -> String? {
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/faq/misses.tsv" }
        if let home = environment("HOME"), home.hasPrefix("/") { return home + "/.local/state/faq/misses.tsv" }
        return nil
    }

    /// `FAQ_NO_LOG` set to anything but empty or `0` turns the log off.
    public static func isDisabled(environment: (String) -> String?) -> Bool {
        guard let value = environment("FAQ_NO_LOG") else { return false }
        return !value.isEmpty && value != "0"
    }

    /// Appends `entry` to the log at `path`, creating its folders (mode 0700, as the XDG spec
    /// asks) and the file (0600: queries are the user's own). One `write` of one line to a file
    /// opened for appending, so concurrent runs never interleave within a line.
    public static func append(_ entry: Entry, to path: String) -> Bool {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return false }
        makeFolders(String(path[..<slash]))
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        var bytes = Array(entry.line.utf8)
        if fstat(fd, &st) == 0, st.st_size == 0 { bytes = Array((header + "\n").utf8) + bytes }
        return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    private static func makeFolders(_ folder: String) {
        var prefix = ""
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + part
            _ = mkdir(prefix, 0o700)
        }
    }

    /// The entries of a log's text, and the line numbers (1-based) of lines that are not
    /// entries; comments and blank lines are skipped.
    public static func parse(_ text: String) -> (entries: [Entry], bad: [Int]) {
        var entries: [Entry] = []
        var bad: [Int] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape($0) }
            guard fields.count == 4, !fields[3].isEmpty else {
                bad.append(i + 1)
                continue
            }
            let score = fields[2].isEmpty ? nil : Double(fields[2])
            if !fields[2].isEmpty && score == nil {
                bad.append(i + 1)
                continue
            }
            entries.append(Entry(time: fields[0], root: fields[1], bestScore: score, query: fields[3]))
        }
        return (entries, bad)
    }

    /// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// A score with two decimals, without Foundation's formatter.
    static func formatScore(_ score: Double) -> String {
        guard score.isFinite, score >= 0 else { return "0.00" }
        let hundredths = Int((score * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else {
            return field
        }
        var out: [UInt8] = []
        for b in field.utf8 {
            switch b {
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unescape(_ field: Substring) -> String {
        guard field.utf8.contains(0x5C) else { return String(field) }
        var out: [UInt8] = []
        var escaped = false
        for b in field.utf8 {
            if escaped {
                switch b {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: out.append(b)
                }
                escaped = false
            } else if b == 0x5C {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
