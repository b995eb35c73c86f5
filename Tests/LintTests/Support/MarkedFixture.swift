/// Markdown with position markers, as swift-format writes its rule tests: `1️⃣`, `2️⃣`, … sit
/// in the text exactly where a finding is expected, and are removed before the text is used.
struct MarkedFixture {
    /// The text without its markers.
    let text: String
    /// Each marker's 1-based line and column (in Unicode scalars, as findings count them).
    let markers: [String: (line: Int, column: Int)]

    static let symbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    init(_ marked: String) {
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        for character in marked {
            let s = String(character)
            if MarkedFixture.symbols.contains(s) {
                precondition(markers[s] == nil, "marker \(s) used twice")
                markers[s] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.markers = markers
    }

    /// The `1️⃣` marker's line, for fixtures that expect a single finding.
    var line: Int? { markers["1️⃣"]?.line }
    /// The `1️⃣` marker's column.
    var column: Int? { markers["1️⃣"]?.column }
}
