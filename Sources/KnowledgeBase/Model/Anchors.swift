/// Heading anchors as GitHub makes them, so links written for GitHub keep working on the site.
///
/// GitHub lowercases the heading, drops every character that is not a letter, mark, number,
/// connector, hyphen or space, and turns spaces into hyphens; repeats get `-1`, `-2`, ….
public struct AnchorSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The base slug of `heading`, before de-duplication.
    public static func slug(_ heading: String) -> String {
        if let ascii = asciiSlug(heading) { return ascii }
        var out = ""
        out.unicodeScalars.reserveCapacity(heading.utf8.count)
        for scalar in heading.lowercased().unicodeScalars {
            let p = scalar.properties
            if scalar == " " {
                out.unicodeScalars.append("-")
            } else if scalar == "-" || scalar == "_" || p.isAlphabetic || p.numericType != nil
                || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
                || p.generalCategory == .connectorPunctuation
            {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The same slug for an all-ASCII heading, byte by byte (most headings are ASCII, and a
    /// megabyte-long one should cost milliseconds, not seconds); nil when the heading is not ASCII.
    static func asciiSlug(_ heading: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(heading.utf8.count)
        for b in heading.utf8 {
            switch b {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(b + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
                UInt8(ascii: "_"):
                out.append(b)
            case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A unique anchor for `heading` in this guide.
    public mutating func anchor(for heading: String) -> String {
        var base = AnchorSlugger.slug(heading)
        if base.isEmpty { base = "section" }
        return claim(base)
    }

    /// Registers an explicit `{#id}` or a derived slug, de-duplicating it.
    public mutating func claim(_ base: String) -> String {
        if let count = used[base] {
            var n = count
            var candidate = "\(base)-\(n)"
            while used[candidate] != nil {
                n += 1
                candidate = "\(base)-\(n)"
            }
            used[base] = n + 1
            used[candidate] = 1
            return candidate
        }
        used[base] = 1
        return base
    }

    /// Splits a trailing `{#custom-id}` off a heading: `("Install", "setup", [])` for
    /// `Install {#setup}`, or nil when there is none. Ids after the first are the heading's
    /// old anchors, kept so that deep links written before a rename still land:
    /// `Install {#setup #installing #getting-started}`.
    public static func customID(in heading: String) -> (text: String, id: String, oldIDs: [String])? {
        // Bytes, scanned back from the end: an id cannot hold a space or brace, and a space
        // must be followed by the next `#id`, so the scan stops at the first byte that breaks
        // the form, and a megabyte-long heading costs no more than a short one.
        let bytes = Array(heading.utf8)
        var end = bytes.count
        while end > 0, isBlank(bytes[end - 1]) { end -= 1 }
        guard end >= 4, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        var open = end - 2
        while open >= 0 {
            let b = bytes[open]
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "}") { break }
            if isBlank(b)
                && (open + 1 >= end - 1 || !(bytes[open + 1] == UInt8(ascii: "#") || isBlank(bytes[open + 1])))
            {
                return nil
            }
            open -= 1
        }
        guard open >= 0, bytes[open] == UInt8(ascii: "{"), bytes[open + 1] == UInt8(ascii: "#") else { return nil }
        var ids: [String] = []
        for token in bytes[(open + 1)..<(end - 1)].split(whereSeparator: isBlank) {
            guard token.count >= 2, token.first == UInt8(ascii: "#") else { return nil }
            ids.append(String(decoding: token.dropFirst(), as: UTF8.self))
        }
        guard let id = ids.first else { return nil }
        var textEnd = open
        while textEnd > 0, isBlank(bytes[textEnd - 1]) { textEnd -= 1 }
        return (String(decoding: bytes[0..<textEnd], as: UTF8.self), id, Array(ids.dropFirst()))
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Registers an old anchor as it is, when no heading of the guide uses it yet; false
    /// when it is taken (an id may appear once on a page).
    public mutating func claimExactly(_ id: String) -> Bool {
        guard used[id] == nil else { return false }
        used[id] = 1
        return true
    }
}
