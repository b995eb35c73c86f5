import Testing

@testable import Platform

/// Guide text, file names and queries reach the terminal through `TerminalText`: nothing in
/// them may move the cursor, restyle, retitle, or reorder what the reader sees.
@Suite struct TerminalTextTests {
    static let r = "\u{FFFD}"

    @Test(arguments: [
        // Whole escape sequences go, not just their ESC.
        ("red \u{1B}[31mtext\u{1B}[0m", "red \(r)text\(r)"),
        ("clear\u{1B}[2J\u{1B}[H", "clear\(r)\(r)"),
        ("private \u{1B}[?1049h mode", "private \(r) mode"),
        // OSC: window title, hyperlinks, clipboard; terminated by BEL or ST, or stopped at the newline.
        ("\u{1B}]0;pwned\u{07}title", "\(r)title"),
        ("\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\(r)link\(r)"),
        ("\u{1B}]52;c;ZWNobyBoaQ==\nnext line", "\(r)\nnext line"),
        ("two-byte \u{1B}c reset, \u{1B}(0 charset", "two-byte \(r) reset, \(r) charset"),
        ("trailing ESC\u{1B}", "trailing ESC\(r)"),
        // C1 controls, the 8-bit forms of ESC [ and ESC ].
        ("c1 \u{9B}2J csi", "c1 \(r) csi"),
        ("c1 \u{9D}0;t\u{9C}osc", "c1 \(r)osc"),
        ("next line \u{85} nel", "next line \(r) nel"),
        // C0 controls and DEL, one each.
        ("bell\u{07} back\u{08} cr\r nul\u{0} del\u{7F}", "bell\(r) back\(r) cr\(r) nul\(r) del\(r)"),
        // Bidi overrides and isolates: "Trojan Source".
        ("access \u{202E}nimda\u{202C} level", "access \(r)nimda\(r) level"),
        ("\u{202A}\u{202B}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}", String(repeating: r, count: 7)),
    ])
    func replacesControlsSequencesAndOverrides(input: String, expected: String) {
        #expect(TerminalText.safe(input) == expected)
        #expect(TerminalText.bytes(Array(input.utf8)) == Array(expected.utf8))
    }

    @Test(arguments: [
        "plain ASCII", "tabs\tand\nnewlines stay", "café, naïve, 日本語, emoji 🔑",
        // Neighbours of the replaced ranges stay: U+2029 paragraph separator, U+2065, U+206A,
        // U+00A0 no-break space, U+200E left-to-right mark (a mark, not an override).
        "\u{2029}\u{2065}\u{206A}\u{A0}\u{200E}", "",
    ])
    func leavesOrdinaryTextAlone(text: String) {
        #expect(TerminalText.safe(text) == text)
        let bytes = Array(text.utf8)
        #expect(TerminalText.bytes(bytes) == bytes)
    }

    @Test func isIdempotent() {
        let once = TerminalText.safe("a\u{1B}[1mb\u{202E}c\u{9B}d")
        #expect(TerminalText.safe(once) == once)
    }

    /// Truncated UTF-8 and sequences cut off at the end never read past the buffer.
    @Test func cutOffInputStaysInBounds() {
        #expect(TerminalText.bytes([0xE2, 0x80]) == [0xE2, 0x80])
        #expect(TerminalText.bytes([0xC2]) == [0xC2])
        #expect(TerminalText.bytes([0x1B, 0x5B, 0x33]) == Array(Self.r.utf8))
        #expect(TerminalText.bytes([0x1B, 0x5D, 0x30, 0x3B]) == Array(Self.r.utf8))
    }
}
