/// Alternative phrasings of a question or section, written in the guide itself as the first
/// paragraph under its heading:
///
/// ```markdown
/// ## Requests fail with an authentication error
///
/// Also asked as: 401 Unauthorized; Incorrect API key provided; invalid_api_key
/// ```
///
/// A visible paragraph rather than front matter or a comment: it sits beside the question it
/// widens, reviewers see it in the diff, and readers of the page see the words they searched
/// with. Phrases are separated by semicolons (commas occur inside error messages); the model
/// keeps them in `aliases` and leaves the paragraph out of the answer, and search indexes them
/// with the question.
public enum AlsoAskedAs {
    /// The label that opens the paragraph, compared without regard to case.
    public static let label = "also asked as:"

    /// Whether a paragraph's first text (a C string from cmark) opens with the label: checked
    /// before the paragraph's whole text is gathered, since nearly every paragraph fails here.
    static func opensWithLabel(_ text: UnsafePointer<CChar>) -> Bool {
        var i = 0
        for l in label.utf8 {
            let b = UInt8(bitPattern: text[i])  // a NUL ends the string and fails the compare
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != l { return false }
            i += 1
        }
        return true
    }

    /// The phrases of `paragraph` (its plain text), or nil when it does not open with the label.
    /// Blank phrases are dropped; a phrase's surrounding quotes and final period are not part
    /// of it.
    public static func phrases(in paragraph: String) -> [String]? {
        let bytes = Array(paragraph.utf8)
        let labelBytes = Array(label.utf8)
        guard bytes.count >= labelBytes.count else { return nil }
        for (b, l) in zip(bytes, labelBytes) where (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != l {
            return nil
        }
        var phrases: [String] = []
        for part in bytes[labelBytes.count...].split(separator: UInt8(ascii: ";")) {
            var phrase = part[...]
            func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            while let f = phrase.first, isBlank(f) { phrase = phrase.dropFirst() }
            while let l = phrase.last, isBlank(l) || l == UInt8(ascii: ".") { phrase = phrase.dropLast() }
            if phrase.count >= 2, phrase.first == UInt8(ascii: "\""), phrase.last == UInt8(ascii: "\"") {
                phrase = phrase.dropFirst().dropLast()
            }
            if !phrase.isEmpty { phrases.append(String(decoding: phrase, as: UTF8.self)) }
        }
        return phrases
    }
}
