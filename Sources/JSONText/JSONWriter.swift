/// A streaming JSON writer over bytes.
///
/// Hand-written because Foundation's `JSONEncoder` boxes every value and sorts keys per object,
/// several times slower on a 7,000-guide model, and the key order here is part of the output
/// contract (stable, in the order the model declares them).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    private var depth: Int { needsComma.count - 1 }

    public init(pretty: Bool = true, capacity: Int = 1 << 16) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        newline()
    }

    private mutating func newline() {
        guard pretty, depth > 0 else { return }
        bytes.append(0x0A)
        for _ in 0..<depth {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    private mutating func key(_ key: String?) {
        separator()
        if let key {
            append(string: key)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(0x20) }
        }
    }

    public mutating func beginObject(_ name: String? = nil) {
        key(name)
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray(_ name: String? = nil) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ b: UInt8) {
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        bytes.append(b)
    }

    public mutating func value(_ name: String? = nil, _ s: String?) {
        key(name)
        if let s { append(string: s) } else { bytes.append(contentsOf: Array("null".utf8)) }
    }

    public mutating func value(_ name: String? = nil, _ n: Int?) {
        key(name)
        if let n {
            bytes.append(contentsOf: Array(String(n).utf8))
        } else {
            bytes.append(contentsOf: Array("null".utf8))
        }
    }

    public mutating func value(_ name: String? = nil, _ d: Double) {
        key(name)
        if d.isFinite {
            // Three decimals are plenty for scores and keep output stable across platforms.
            let scaled = (d * 1000).rounded() / 1000
            bytes.append(contentsOf: Array("\(scaled)".utf8))
        } else {
            bytes.append(contentsOf: Array("null".utf8))
        }
    }

    /// `d` with every digit it needs to read back as the same `Double` (Swift's shortest
    /// round-trip form), for data that is computed on, not shown: `FusionDumpTests`' scores,
    /// whose near-ties a rounding would flip.
    public mutating func value(_ name: String? = nil, exactly d: Double) {
        key(name)
        bytes.append(contentsOf: Array((d.isFinite ? "\(d)" : "null").utf8))
    }

    public mutating func value(_ name: String? = nil, _ b: Bool) {
        key(name)
        bytes.append(contentsOf: Array((b ? "true" : "false").utf8))
    }

    public mutating func value(_ name: String? = nil, _ list: [String]) {
        beginArray(name)
        for s in list { value(nil, s) }
        endArray()
    }

    /// Escapes per RFC 8259: quotes, backslashes and control characters (C0, DEL and C1); `<`,
    /// `>` and `&` too, so the output can sit inside an HTML `<script>` element unchanged.
    private mutating func append(string s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Runs that need no escaping (nearly all text) are copied in one call.
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26 || b == 0x7F {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                    appendEscaped(b)
                    runStart = i + 1
                } else if b == 0xC2, i + 1 < n, utf8[i + 1] <= 0x9F {
                    // C1 controls (U+0080–U+009F, CSI among them) as \u escapes too: JSON
                    // printed to a terminal must not drive it.
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                    appendEscaped(utf8[i + 1])
                    i += 1
                    runStart = i + 1
                }
                i += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ b: UInt8) {
        switch b {
        case 0x22:
            bytes.append(0x5C)
            bytes.append(0x22)
        case 0x5C:
            bytes.append(0x5C)
            bytes.append(0x5C)
        case 0x0A:
            bytes.append(0x5C)
            bytes.append(UInt8(ascii: "n"))
        case 0x0D:
            bytes.append(0x5C)
            bytes.append(UInt8(ascii: "r"))
        case 0x09:
            bytes.append(0x5C)
            bytes.append(UInt8(ascii: "t"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
        }
    }
}
