/// Heading anchors as GitHub makes them, so links written for GitHub keep working on the site.
///
/// GitHub lowercases the heading, drops every character that is not a letter, mark, number,
/// connector, hyphen or space, and turns spaces into hyphens; repeats get `-1`, `-2`, ….
public struct AnchorSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The base slug of `heading`, before de-duplication.
    public static func slug(_ heading: String) -> String {
        // ASCII headings (nearly all) take a byte path; Unicode properties are costly per scalar.
        if heading.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(heading.utf8.count)
            for b in heading.utf8 {
                switch b {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(b + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "_"):
                    bytes.append(b)
                case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
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

    /// Splits a trailing `{#custom-id}` off a heading: `("Install", "setup")` for
    /// `Install {#setup}`, or nil when there is none.
    public static func customID(in heading: String) -> (text: String, id: String)? {
        var trimmed = heading[...]
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        guard trimmed.hasSuffix("}") else { return nil }
        // The last "{#" in the heading.
        var open: Substring.Index?
        var i = trimmed.startIndex
        while i < trimmed.endIndex {
            let next = trimmed.index(after: i)
            if trimmed[i] == "{", next < trimmed.endIndex, trimmed[next] == "#" { open = i }
            i = next
        }
        guard let open else { return nil }
        let idStart = trimmed.index(open, offsetBy: 2)
        let id = trimmed[idStart..<trimmed.index(before: trimmed.endIndex)]
        guard !id.isEmpty, !id.contains(where: { $0 == " " || $0 == "{" || $0 == "}" || $0 == "\t" }) else {
            return nil
        }
        var text = trimmed[..<open]
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return (String(text), String(id))
    }
}
