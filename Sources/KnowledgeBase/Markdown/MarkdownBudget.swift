/// A bound on how much structure one guide may have, counted on the bytes before cmark runs.
///
/// cmark's tree costs 100 to 200 bytes per node, and a file can hold nearly one node per byte
/// (`[a] [a] …`, `# a` on every line, `*a* *a* …`): a 10 MB file of list items takes over 1 GB
/// and seconds to walk, while 20 MB of prose takes 200 MB. The byte limit alone cannot tell them
/// apart; this count can. It is an upper-bound estimate of the nodes a file can produce: lines,
/// and the characters that open inlines or containers.
public enum MarkdownBudget {
    /// More than this and the guide is refused, named, with the count: far above any guide a
    /// person reads (the shipped guides use a few hundred; tldr's largest page under 200), and low
    /// enough that the worst file allowed parses in well under a second and 1 GB.
    public static let maximumUnits = 500_000

    /// Lines, plus `[ ! * _ ` < > & \ #`, plus `-` and `+` before a space or line end (list
    /// markers, not hyphens), plus a digit before `.` or `)` (ordered-list markers).
    public static func units(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buf -> Int in
            let n = buf.count
            var units = 0
            var i = 0
            while i < n {
                switch buf[i] {
                case 0x0A, 0x5B, 0x21, 0x2A, 0x5F, 0x60, 0x3C, 0x3E, 0x26, 0x5C, 0x23:
                    units += 1
                case 0x2D, 0x2B:
                    if i + 1 == n || buf[i + 1] == 0x20 || buf[i + 1] == 0x09 || buf[i + 1] == 0x0A
                        || buf[i + 1] == 0x0D
                    {
                        units += 1
                    }
                case 0x30...0x39:
                    if i + 1 < n, buf[i + 1] == 0x2E || buf[i + 1] == 0x29 { units += 1 }
                default:
                    break
                }
                i += 1
            }
            return units
        }
    }
}
