import Yams

/// The YAML block at the top of a guide, between `---` lines.
///
/// Parsed with Yams (libyaml) rather than by hand: YAML's quoting, flow sequences and block
/// scalars are easy to get subtly wrong.
public struct FrontMatter: Sendable, Hashable {
    /// Top-level scalar values by key, as strings.
    public var values: [String: String] = [:]
    /// Top-level sequences of scalars by key (`tags: [a, b]`).
    public var lists: [String: [String]] = [:]
    /// 1-based file line of each top-level key.
    public var keyLines: [String: Int] = [:]
    /// 1-based file line of each item of a top-level sequence, beside `lists`.
    public var itemLines: [String: [Int]] = [:]

    /// Where the block sits in the file: line count including both delimiters.
    public var lineCount: Int = 0

    public init() {}

    /// Front matter larger than this is refused: a guide's metadata is a few lines, and a
    /// huge block is a mistake or an attack on the YAML parser.
    public static let maximumBytes = 64 * 1024
    /// Alias bombs expand a few lines into billions of nodes; metadata never needs many aliases.
    public static let maximumAliases = 16
    public static let maximumListLength = 1000

    /// Finds the block at the start of `text` (after any BOM). Returns the YAML text, the
    /// byte range to blank out (both delimiters included) and the line count; nil when the
    /// file does not start with `---` or the block is never closed.
    static func locate(in text: SourceText) -> (yaml: String, blank: Range<Int>, lines: Int)? {
        guard text.lineCount >= 2, isDelimiter(text, line: 1, allowDots: false) else { return nil }
        var line = 2
        while line <= text.lineCount {
            if isDelimiter(text, line: line, allowDots: true) {
                let yaml = text.text(lines: 2, through: line - 1)
                let end = text.range(ofLine: line).upperBound
                return (yaml, 0..<end, line)
            }
            line += 1
        }
        return nil
    }

    private static func isDelimiter(_ text: SourceText, line: Int, allowDots: Bool) -> Bool {
        var bytes = text.bytes[text.range(ofLine: line)][...]
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard bytes.count == 3 else { return false }
        if bytes.allSatisfy({ $0 == UInt8(ascii: "-") }) { return true }
        return allowDots && bytes.allSatisfy({ $0 == UInt8(ascii: ".") })
    }

    /// Parses the YAML; `firstLine` is the file line of the YAML's first line, so that errors
    /// and key lines are reported in file coordinates.
    static func parse(yaml: String, firstLine: Int) throws(FrontMatterError) -> FrontMatter {
        var result = FrontMatter()
        if yaml.utf8.count > maximumBytes {
            throw FrontMatterError(line: firstLine, message: "front matter is larger than \(maximumBytes / 1024) KB")
        }
        var aliases = 0
        for b in yaml.utf8 where b == UInt8(ascii: "*") { aliases += 1 }
        if aliases > maximumAliases {
            throw FrontMatterError(
                line: firstLine, message: "front matter uses more than \(maximumAliases) YAML aliases")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw FrontMatterError(YAMLErrorPlace(error, in: yaml), firstLine: firstLine)
        } catch {
            throw FrontMatterError(line: firstLine, message: "front matter: \(error)")
        }
        guard let node else { return result }
        guard let mapping = node.mapping else {
            throw FrontMatterError(line: firstLine, message: "front matter must be a mapping of keys to values")
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            if let mark = keyNode.mark { result.keyLines[key] = firstLine + mark.line - 1 }
            switch value {
            case .scalar(let scalar):
                result.values[key] = scalar.string
            case .sequence(let seq):
                var items: [String] = []
                var lines: [Int] = []
                for item in seq.prefix(maximumListLength) {
                    if let s = item.string {
                        items.append(s)
                        lines.append(item.mark.map { firstLine + $0.line - 1 } ?? result.keyLines[key] ?? firstLine)
                    }
                }
                result.lists[key] = items
                result.itemLines[key] = lines
            default:
                break
            }
        }
        return result
    }
}

/// A front-matter problem with the file line it was found on.
public struct FrontMatterError: Error, Sendable {
    public var line: Int
    public var message: String

    init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// libyaml's reason at its line in the file. A repeated key is reported at the block's
    /// first line, as the rule's message names the keys.
    init(_ place: YAMLErrorPlace, firstLine: Int) {
        if !place.repeatedKeys.isEmpty {
            self.init(
                line: firstLine, message: "front matter repeats keys: \(place.repeatedKeys.joined(separator: ", "))")
        } else {
            self.init(line: firstLine + (place.line ?? 1) - 1, message: "invalid front matter: \(place.problem)")
        }
    }
}
