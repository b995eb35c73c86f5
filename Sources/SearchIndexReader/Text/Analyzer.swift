/// Turns a tokenizer word into an index term: stop words out, irregular forms to their base
/// (`lost` → `lose`), British spellings to American (`organisation` → `organization`), then the
/// Porter2 stem.
///
/// The stop-word list and the irregular-form table travel inside the index, so the browser
/// engine analyses queries with exactly the tables the index was built with.
public struct Analyzer: Sendable {
    public var stopWords: Set<String>
    public var irregularForms: [String: String]

    public init(
        stopWords: Set<String> = Analyzer.defaultStopWords,
        irregularForms: [String: String] = Analyzer.defaultIrregularForms
    ) {
        self.stopWords = stopWords
        self.irregularForms = irregularForms
    }

    public func isStopWord(_ word: String) -> Bool { stopWords.contains(word) }

    /// The term for `word`, or nil for a stop word. Compounds (`node.js`) and words with
    /// digits or non-ASCII letters are kept as they are.
    public func term(for word: String, isCompound: Bool = false) -> String? {
        if isCompound { return word }
        if stopWords.contains(word) { return nil }
        var base = irregularForms[word] ?? word
        var bytes = Array(base.utf8)
        for b in bytes where !(b >= 0x61 && b <= 0x7A) { return base }
        if Analyzer.americanize(&bytes) { base = String(decoding: bytes, as: UTF8.self) }
        if let again = irregularForms[base] { bytes = Array(again.utf8) }
        EnglishStemmer.stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// British to American spelling for the regular patterns: `-ise`/`-isation` → `-ize`,
    /// `-lyse` → `-lyze`, `-our` → `-or` (words of six letters or more), `-tre` → `-ter`.
    /// Applied the same way to guides and queries, so an odd conversion (`promise` →
    /// `promize`) is harmless: both sides meet at the same term.
    @discardableResult
    public static func americanize(_ w: inout [UInt8]) -> Bool {
        func ends(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard w.count >= n else { return false }
            for k in 0..<n where w[w.count - n + k] != s.utf8Start[k] { return false }
            return true
        }
        for suffix: StaticString in [
            "isations", "isation", "ising", "ised", "ises", "isers", "iser", "ise",
        ] {
            if ends(suffix) {
                let at = w.count - suffix.utf8CodeUnitCount
                guard at >= 3 else { return false }
                w[at + 1] = 0x7A  // s → z
                return true
            }
        }
        for suffix: StaticString in ["lysing", "lysed", "lyses", "lyse"] where ends(suffix) {
            w[w.count - suffix.utf8CodeUnitCount + 2] = 0x7A
            return true
        }
        for suffix: StaticString in ["ouring", "oured", "ours", "our"] where ends(suffix) {
            let at = w.count - suffix.utf8CodeUnitCount
            guard at + 3 >= 6 else { return false }
            w.remove(at: at + 1)  // drop the u
            return true
        }
        for suffix: StaticString in ["tres", "tre"] where ends(suffix) {
            let at = w.count - suffix.utf8CodeUnitCount
            guard at >= 2 else { return false }
            w[at + 1] = 0x65
            w[at + 2] = 0x72
            return true
        }
        return false
    }

    /// Words that carry no meaning on their own. They still take a position, so "lose my key"
    /// keeps "lose" and "key" two apart, and phrase matches see through them.
    public static let defaultStopWords: Set<String> = [
        "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by",
        "could", "did", "do", "does", "doing", "for", "from", "had", "has", "have", "having", "he",
        "her",
        "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "me",
        "might", "must", "my", "myself", "of", "on", "or", "our", "ours", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "those",
        "to", "us", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why",
        "will", "with", "would", "you", "your", "yours", "yourself", "s", "t", "can", "shall", "may",
        "im", "ive", "id", "dont", "doesnt", "didnt", "cant", "isnt", "whats", "wheres", "hows",
        "please",
        "much", "very", "just", "also", "really", "anymore",
    ]

    /// Irregular verb forms and plurals that no suffix-stripping stemmer can join to their base.
    public static let defaultIrregularForms: [String: String] = [
        "lost": "lose", "forgot": "forget", "forgotten": "forget", "stole": "steal", "stolen": "steal",
        "went": "go", "gone": "go", "made": "make", "took": "take", "taken": "take", "gave": "give",
        "given": "give", "saw": "see", "seen": "see", "wrote": "write", "written": "write",
        "broke": "break", "broken": "break", "ran": "run", "began": "begin", "begun": "begin",
        "chose": "choose", "chosen": "choose", "done": "do", "found": "find", "got": "get",
        "gotten": "get", "hid": "hide", "hidden": "hide", "kept": "keep", "knew": "know",
        "known": "know", "meant": "mean", "paid": "pay", "sent": "send", "spent": "spend",
        "shown": "show", "sold": "sell", "told": "tell", "thought": "think", "understood": "understand",
        "bought": "buy", "brought": "bring", "built": "build", "caught": "catch", "fell": "fall",
        "fallen": "fall", "felt": "feel", "froze": "freeze", "frozen": "freeze", "held": "hold",
        "mistook": "mistake", "mistaken": "mistake", "spoke": "speak", "spoken": "speak",
        "stood": "stand", "stuck": "stick", "taught": "teach", "threw": "throw", "thrown": "throw",
        "won": "win", "wore": "wear", "worn": "wear", "overwritten": "overwrite",
        "overwrote": "overwrite",
        "rewritten": "rewrite", "rewrote": "rewrite", "undone": "undo", "withdrew": "withdraw",
        "withdrawn": "withdraw", "children": "child", "men": "man", "women": "woman", "mice": "mouse",
        "feet": "foot", "teeth": "tooth", "indices": "index", "indexes": "index", "matrices": "matrix",
        "vertices": "vertex", "analyses": "analysis", "criteria": "criterion", "knives": "knife",
        "licence": "license", "licences": "license", "defence": "defense",
        "offence": "offense", "catalogue": "catalog", "dialogue": "dialog", "programme": "program",
        "programmes": "program", "grey": "gray", "cheque": "check", "cheques": "check",
    ]
}
