import Yams

/// Where libyaml (through Yams) stopped reading a YAML text, and why: one reading of
/// `YamlError` for front matter and `kb.yaml` alike, so both name the same line for the same
/// mistake. Yams's own description quotes the offending line, control bytes and all, which must
/// not reach a terminal; `problem` is libyaml's short reason alone.
struct YAMLErrorPlace {
    /// 1-based line and column within the YAML text; nil when libyaml gave no position.
    var line: Int?
    var column: Int?
    var problem: String
    /// The keys given twice in one mapping (Yams checks this after libyaml); empty otherwise.
    var repeatedKeys: [String] = []

    init(_ error: YamlError, in yaml: String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            (line, column, self.problem) = (mark.line, mark.column, problem)
        case .reader(let problem, let offset, _, _):
            // libyaml counts the offset in bytes of the UTF-8 text it was given.
            let (line, column) = YAMLErrorPlace.position(ofByte: max(0, offset ?? 0), in: yaml.utf8)
            (self.line, self.column, self.problem) = (line, column, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            (line, column) = (context.mark.line, context.mark.column)
            problem = "repeated keys: \(duplicates.joined(separator: ", "))"
            repeatedKeys = duplicates
        default:
            (line, column, problem) = (nil, nil, "\(error)")
        }
    }

    /// 1-based line and column (counted in scalars, as libyaml counts them) of a byte offset.
    static func position<Bytes: Collection<UInt8>>(ofByte offset: Int, in bytes: Bytes) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
