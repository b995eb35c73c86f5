import Foundation
import Testing

/// `faq` echoes the query on "no answer" and builds "did you mean" lines from its words: a
/// query pasted with escape sequences or bidi overrides must reach the terminal inert.
@Suite struct QueryEchoTests {
    /// Bytes a terminal acts on: C0 controls but newline and tab, DEL, C1 controls (as UTF-8),
    /// and the bidi overrides and isolates.
    static func terminalControls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v <= 0x9F)
                || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
        }
    }

    @Test(
        "No answer and did-you-mean lines carry no controls from the query",
        .enabled(if: KBCommand.faq.isAvailable, "faq --guides is not built on this branch yet: skipped"),
        arguments: [
            // Nothing near: the query is echoed, then example questions.
            "zzqqxx \u{1B}]0;pwned\u{07} \u{1B}[2J \u{202E}droww",
            // Near words ("rotatng", "kye"): did-you-mean lines repeat the other words.
            "rotatng kye \u{1B}[31m\u{9B}2J\u{2066}",
        ])
    func hostileQueryIsEchoedInert(query: String) throws {
        if let missing = Binaries.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let world = try HostileWorld()
        try world.writeNormalGuide()
        let result = try ChildProcess(
            executable: Binaries.faq, arguments: ["--guides", world.guides, "--color", "always", query],
            environment: ["HOME": world.scratch + "/home", "XDG_CACHE_HOME": world.scratch + "/cache"],
            scratch: world.scratch
        ).run()
        let stdout = String(decoding: result.stdout, as: UTF8.self)
        #expect(result.exitCode == 0 || result.exitCode == 1, "\(result.ending)\n\(result.stderr)")
        if result.exitCode == 1 {
            #expect(result.stderr.contains("no answer for"), "\(result.stderr)")
            #expect(result.stderr.contains("\u{FFFD}"), "the controls were dropped without a trace: \(result.stderr)")
        }
        #expect(Self.terminalControls(in: result.stderr).isEmpty, "\(result.stderr.debugDescription)")
        // An answer (with colour forced on) has the renderer's own styling only: SGR sequences.
        let styling = stdout.replacingOccurrences(
            of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(Self.terminalControls(in: styling).isEmpty, "\(stdout.debugDescription)")
    }
}
