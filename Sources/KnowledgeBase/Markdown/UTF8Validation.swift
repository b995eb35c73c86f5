/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF) that reports where the first bad byte is, so the error can name the line.
///
/// A plain loop over the buffer rather than `Unicode.UTF8.ForwardParser`: the generic parser
/// costs tens of seconds on a 30 MB file in a debug build, this loop a fraction of one, and a
/// guide of any size must be accepted or refused in bounded time.
enum UTF8Validation {
    /// Offset of the first byte that does not start or continue a valid sequence, or nil.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buf -> Int? in
            let n = buf.count
            var i = 0
            while i < n {
                let lead = buf[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                // The range allowed for the second byte narrows for the leads that could
                // otherwise spell overlong forms (E0, F0), surrogates (ED) or values above
                // U+10FFFF (F4).
                var continuation = 0
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: continuation = 1
                case 0xE0: (continuation, low) = (2, 0xA0)
                case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
                case 0xED: (continuation, high) = (2, 0x9F)
                case 0xF0: (continuation, low) = (3, 0x90)
                case 0xF1...0xF3: continuation = 3
                case 0xF4: (continuation, high) = (3, 0x8F)
                default: return i
                }
                guard i + continuation < n else { return i }
                let second = buf[i + 1]
                guard second >= low, second <= high else { return i }
                var k = 2
                while k <= continuation {
                    guard buf[i + k] & 0xC0 == 0x80 else { return i }
                    k += 1
                }
                i += continuation + 1
            }
            return nil
        }
    }
}
