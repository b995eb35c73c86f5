/// A page under construction, as bytes: pages are assembled by appending literals, escaped
/// text and pre-rendered HTML, never by chains of String interpolation.
public struct HTMLBuffer: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 16 * 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Markup the site itself wrote: appended as is.
    @inline(__always)
    public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Trusted HTML held in a String (cmark's safe output, markup built by the site).
    public mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    mutating func raw(slice: Slice<UnsafeBufferPointer<UInt8>>) {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: slice))
    }

    /// Text from a guide (titles, tags, front-matter values): escaped for element content and
    /// for quoted attribute values alike.
    public mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            // Most text has nothing to escape: one scan, then one copy.
            var clean = true
            for b in buf where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 {
                clean = false
                break
            }
            if clean {
                bytes.append(contentsOf: buf)
                return
            }
            for b in buf {
                switch b {
                case 0x26: raw("&amp;")
                case 0x3C: raw("&lt;")
                case 0x3E: raw("&gt;")
                case 0x22: raw("&quot;")
                case 0x27: raw("&#39;")
                default: bytes.append(b)
                }
            }
        }
    }

    /// A number as decimal digits.
    public mutating func number(_ n: Int) {
        raw(String(n))
    }
}
