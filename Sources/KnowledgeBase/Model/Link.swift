/// A link or image found in a guide.
public struct Link: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// Another file in the knowledge base (`other.md`, `../x.md#anchor`).
        case guide
        /// An anchor in the same guide (`#anchor`).
        case anchor
        /// Anything with a URL scheme other than `mailto:` (`https://…`).
        case external
        case mail
    }

    /// The destination exactly as written.
    public var target: String
    /// The link text as plain text (an image's alt text).
    public var text: String
    public var line: Int
    public var kind: Kind
    public var isImage: Bool

    public init(target: String, text: String, line: Int, isImage: Bool = false) {
        self.target = target
        self.text = text
        self.line = line
        self.kind = Link.kind(of: target)
        self.isImage = isImage
    }

    /// The path part of a guide link, without `#fragment` or `?query`.
    public var path: String {
        var end = target.endIndex
        if let i = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { end = i }
        return String(target[..<end])
    }

    /// The `#fragment`, without the `#`.
    public var fragment: String? {
        guard let i = target.firstIndex(of: "#") else { return nil }
        return String(target[target.index(after: i)...])
    }

    static func kind(of target: String) -> Kind {
        if target.hasPrefix("#") { return .anchor }
        let bytes = Array(target.utf8)
        // A URL scheme: a letter, then letters, digits, "+", "-", "." up to ":".
        if let first = bytes.first, isASCIILetter(first) {
            var i = 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: ":") {
                    // "c:" style drive letters are not schemes worth calling external; they are
                    // still not guides, so treat any scheme as external.
                    let scheme = String(decoding: bytes[0..<i], as: UTF8.self).lowercased()
                    return scheme == "mailto" ? .mail : .external
                }
                if !(isASCIILetter(b) || (b >= 48 && b <= 57) || b == 43 || b == 45 || b == 46) { break }
                i += 1
            }
        }
        if target.hasPrefix("//") { return .external }
        return .guide
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
}

extension Link {
    /// The scheme when cmark's safe mode would drop `url`, as its `_scan_dangerous_url` does:
    /// `javascript:`, `vbscript:`, `file:` and `data:` other than PNG, GIF, JPEG and WebP images.
    /// Lint warns about these, and the Markdown copies drop them as the HTML pages do.
    public static func dangerousScheme(_ url: String) -> String? {
        let lowered = url.lowercased()
        for scheme in ["javascript", "vbscript", "file"] where lowered.hasPrefix(scheme + ":") { return scheme }
        if lowered.hasPrefix("data:") {
            for safe in ["png", "gif", "jpeg", "webp"] where lowered.hasPrefix("data:image/\(safe)") { return nil }
            return "data"
        }
        return nil
    }
}
