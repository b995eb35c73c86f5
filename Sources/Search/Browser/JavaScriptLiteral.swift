/// Swift values written as JavaScript source, for the values the browser engine receives from
/// Swift (`BrowserEngine`).
///
/// Hand-written rather than through a JSON encoder: the project's `JSONWriter` rounds doubles
/// to three decimals (right for scores, wrong for parameters, which must reach the script
/// exactly), and Foundation's `JSONEncoder` would bring Foundation for a dozen numbers.
enum JavaScriptLiteral {
    /// An object literal with one property per stored property of `value`, in declaration
    /// order, by reflection: a property added to `value`'s type reaches the script with no other
    /// change. A property of a type `literal(_:)` does not know is written as `null`, which a
    /// test rejects.
    static func object(of value: Any) -> String {
        object(Mirror(reflecting: value).children.map { ($0.label ?? "", literal($0.value) ?? "null") })
    }

    /// An object literal of `properties`, whose values are literals already.
    static func object(_ properties: [(name: String, literal: String)]) -> String {
        "{ " + properties.map { string($0.name) + ": " + $0.literal }.joined(separator: ", ") + " }"
    }

    /// An object literal of integer properties: a record's layout.
    static func object(_ properties: KeyValuePairs<String, Int>) -> String {
        object(properties.map { ($0.key, String($0.value)) })
    }

    /// `value` as a literal: numbers in Swift's shortest round-trip form (which JavaScript
    /// reads back to the same double), strings quoted, arrays of those; nil for anything else,
    /// including infinities and NaN.
    static func literal(_ value: Any) -> String? {
        switch value {
        case let d as Double: return d.isFinite ? d.description : nil
        case let n as Int: return String(n)
        case let b as Bool: return b ? "true" : "false"
        case let s as String: return string(s)
        case let list as [Any]:
            var items: [String] = []
            for item in list {
                guard let text = literal(item) else { return nil }
                items.append(text)
            }
            return "[" + items.joined(separator: ", ") + "]"
        default: return nil
        }
    }

    /// A double-quoted string: quotes, backslashes, `<` (so `</script>` never appears), controls
    /// and everything outside ASCII as `\u` escapes.
    static func string(_ s: String) -> String {
        var out = "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x20..<0x7F where unit != 0x3C: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
}
