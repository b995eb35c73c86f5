/// Paths and URLs inside the site: every link the site writes is relative, built as the page's
/// way back to the site root (`../` per folder) followed by the target's root-relative path, so
/// the site works under any sub-path and from `file://`.
public enum URLPath {
    /// `../` once per folder in `page` (`common/tar.html` → `../`, `index.html` → empty).
    public static func rootPrefix(forPage page: String) -> String {
        var depth = 0
        for b in page.utf8 where b == UInt8(ascii: "/") { depth += 1 }
        return String(repeating: "../", count: depth)
    }

    /// The folder part of a root-relative path (`common/tar.md` → `common`, `faq.md` → empty).
    public static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Joins a relative reference to a folder and normalises `.` and `..`; nil when the result
    /// would climb out of the root. A leading `/` means the root itself.
    public static func resolve(_ reference: String, from directory: String) -> String? {
        var parts: [Substring] = []
        if !reference.hasPrefix("/") {
            parts = directory.split(separator: "/", omittingEmptySubsequences: true)
        }
        for part in reference.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Decodes `%XX` escapes; invalid escapes are kept as written.
    public static func percentDecode(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2])
            {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes a root-relative file path for use in an `href`: everything but
    /// unreserved characters, `/` and a few safe sub-delimiters.
    public static func encode(_ path: String) -> String {
        var needs = false
        for b in path.utf8 where !isSafe(b) {
            needs = true
            break
        }
        guard needs else { return path }
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in path.utf8 {
            if isSafe(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(digits[Int(b >> 4)])
                out.append(digits[Int(b & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes a fragment (heading anchors may hold any letter).
    public static func encodeFragment(_ fragment: String) -> String { encode(fragment) }

    private static func isSafe(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
            UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
            return true
        default:
            return b >= 0x80  // UTF-8 is fine in IRIs, and keeps non-Latin anchors readable
        }
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// True when `s` starts with a URL scheme (`https:`, `mailto:`).
    public static func hasScheme(_ s: String) -> Bool {
        var first = true
        for b in s.utf8 {
            if b == UInt8(ascii: ":") { return !first }
            let letter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
            if first {
                if !letter { return false }
                first = false
            } else if !(letter || (b >= 48 && b <= 57) || b == 43 || b == 45 || b == 46) {
                return false
            }
        }
        return false
    }
}
