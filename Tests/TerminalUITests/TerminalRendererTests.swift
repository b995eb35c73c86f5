import Platform
import Testing

@testable import TerminalUI

@Suite struct TerminalRendererTests {
    let plain = TerminalRenderer(width: 40, color: false)

    @Test func wrapsParagraphsToTheWidth() {
        let text = plain.render(
            markdown:
                "Create a new key, put it everywhere the old one was used, and then revoke the old key.")
        let lines = text.split(separator: "\n")
        #expect(lines.count > 1)
        for line in lines { #expect(DisplayWidth.of(String(line)) <= 40, "\(line)") }
        #expect(
            text.replacingSpacesAndNewlines
                == "Create a new key, put it everywhere the old one was used, and then revoke the old key."
                .replacingSpacesAndNewlines)
    }

    @Test func listsHaveHangingIndents() {
        let text = plain.render(
            markdown:
                "1. Open the dashboard and find the API keys page in the sidebar menu.\n2. Create a key.\n")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("1. Open"))
        #expect(lines[1].hasPrefix("   "))  // continuation aligned under the text, not the number
        #expect(!lines[1].hasPrefix("    "))
        #expect(lines.last == "2. Create a key.")
        let bullets = plain.render(markdown: "- one\n- two\n")
        #expect(bullets == "• one\n• two")
    }

    @Test func linksShowTheirURL() {
        let wide = TerminalRenderer(width: 100, color: false)
        let text = wide.render(
            markdown: "See [rotating keys](https://example.com/rotate) or <https://example.com>.")
        #expect(text.contains("rotating keys (https://example.com/rotate)"))
        #expect(!text.contains("https://example.com (https://example.com)"))
    }

    @Test func codeBlocksAreIndentedAndNotWrapped() {
        let long = "curl https://api.example.com/v1/models -H \"Authorization: Bearer $OPENAI_API_KEY\""
        let text = plain.render(markdown: "Run:\n\n```sh\n\(long)\n```\n")
        #expect(text.contains("    " + long))
    }

    @Test func headingsAndQuotes() {
        let text = plain.render(markdown: "## Next steps\n\n> Keep the key secret.\n")
        #expect(text == "Next steps\n\n│ Keep the key secret.")
    }

    @Test func colourOnlyWhenAsked() {
        let colored = TerminalRenderer(width: 40, color: true).render(
            markdown: "Use **bold** and `code`.")
        #expect(colored.contains("\u{1B}["))
        #expect(!plain.render(markdown: "Use **bold** and `code`.").contains("\u{1B}"))
        #expect(plain.render(markdown: "Use **bold** and `code`.") == "Use bold and code.")
    }

    @Test func measuresDisplayWidth() {
        #expect(DisplayWidth.of("key") == 3)
        #expect(DisplayWidth.of("鍵を") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("\u{1B}[1mbold\u{1B}[0m") == 4)
    }

    @Test func wrapsWideCharactersByColumns() {
        let text = TerminalRenderer(width: 20, color: false).render(
            markdown: String(repeating: "鍵 ", count: 15))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 20) }
    }
}

@Suite struct ColorPolicyTests {
    @Test func honoursNoColorAndTheTerminal() {
        #expect(ColorPolicy.always.enabled(fd: -1, environment: ["NO_COLOR": "1"]))
        #expect(!ColorPolicy.never.enabled(fd: 1, environment: [:]))
        #expect(!ColorPolicy.auto.enabled(fd: 1, environment: ["NO_COLOR": "1", "TERM": "xterm"]))
        #expect(!ColorPolicy.auto.enabled(fd: 1, environment: ["TERM": "dumb"]))
        // A descriptor that is not a terminal (-1 is not even open) never gets colour.
        #expect(!ColorPolicy.auto.enabled(fd: -1, environment: ["TERM": "xterm"]))
    }
}

extension String {
    var replacingSpacesAndNewlines: String {
        String(unicodeScalars.filter { $0 != " " && $0 != "\n" })
    }
}

@Suite struct TerminalSafetyTests {
    @Test("Control characters from a guide never reach the terminal; the renderer's own colours do")
    func controlCharactersAreReplaced() {
        let hostile = "Title \u{1B}]0;pwned\u{07} and \u{1B}[2J `code\u{9B}31m` done"
        let colored = TerminalRenderer(width: 80, color: true)
        let body = colored.render(markdown: hostile)
        #expect(!body.unicodeScalars.contains { $0 == "\u{07}" || $0 == "\u{9B}" })
        #expect(!body.contains("\u{1B}]0;"))
        #expect(!body.contains("\u{1B}[2J"))
        #expect(body.contains("\u{FFFD}"))
        #expect(body.contains("\u{1B}["), "code spans are still styled")
        let title = colored.styled("Q\u{1B}[31m", .bold)
        #expect(title == "\u{1B}[1mQ\u{FFFD}\u{1B}[0m")
        #expect(TerminalText.safe("tabs\tand\nnewlines stay") == "tabs\tand\nnewlines stay")
    }
}
