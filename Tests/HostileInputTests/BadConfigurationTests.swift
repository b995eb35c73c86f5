import Foundation
import Testing

/// A bad `kb.yaml` stops every command that reads it with exit status 2 and an error at the
/// line and column at fault (`guides/kb.yaml:3:5: error: …`), before anything is written: a
/// setting silently dropped (a misspelt key, a `synonyms:` of the wrong shape) is worse than
/// none.
///
/// Run against other binaries with `KB_BIN_DIR` (as the rest of this target): the expectations
/// are separate (exit, line, column and message) so a run against an older `kb` shows how many
/// cases it already got right.
@Suite("Bad kb.yaml")
struct BadConfigurationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var line: Int
        var column: Int
        /// Part of the message that must follow `error: `.
        var message: String

        init(_ name: String, _ yaml: String, _ line: Int, _ column: Int, _ message: String) {
            self.init(name, bytes: Array(yaml.utf8), line, column, message)
        }

        init(_ name: String, bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
            (self.name, self.bytes, self.line, self.column, self.message) = (name, bytes, line, column, message)
        }

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Unknown keys, at each level.
        Case(
            "unknown top-level key", "colour: blue\n", 1, 1, "unknown key `colour` (known: lint, site, synonyms, faq)"),
        Case(
            "misspelt section after a good one", "lint:\n  review-max-age-days: 30\nsites:\n  title: X\n", 3, 1,
            "unknown key `sites`"),
        Case("unknown lint key", "lint:\n  sevrities: {stale-review: error}\n", 2, 3, "unknown key `lint.sevrities`"),
        Case(
            "unknown lint key in a flow mapping", "lint: {terms: {}, max-age: 3}\n", 1, 19,
            "unknown key `lint.max-age`"),
        Case(
            "unknown site key", "site:\n  title: Docs\n  base_url: https://docs.example.com/\n", 3, 3,
            "unknown key `site.base_url` (known: title, base-url, edit-url, logo, header-links, footer)"),
        // Sections of the wrong shape.
        Case("lint is a list", "lint: [1, 2]\n", 1, 7, "`lint` must be a mapping"),
        Case("site is text", "site: My docs\n", 1, 7, "`site` must be a mapping"),
        Case("the file is a list", "- lint\n- site\n", 1, 1, "expected a mapping of settings at the top"),
        // Bad synonyms (they were dropped without a word before).
        Case("synonyms is a list", "synonyms: [key, token]\n", 1, 11, "`synonyms` must be a mapping"),
        Case(
            "synonyms value is a mapping", "synonyms:\n  key: {token: credential}\n", 2, 8,
            "`synonyms.key` must be a list of texts or one text"),
        Case(
            "synonyms list holds a list", "synonyms:\n  key: [token, [credential]]\n", 2, 16,
            "`synonyms.key` must hold texts, not a list"),
        Case(
            "synonyms list holds an empty word", "synonyms:\n  key: [token, \"\"]\n", 2, 16,
            "`synonyms.key` holds an empty text"),
        // Severities.
        Case("unknown rule", "lint:\n  severities:\n    broken-links: off\n", 3, 5, "unknown rule `broken-links`"),
        Case(
            "unknown severity", "lint:\n  severities:\n    broken-link: loud\n", 3, 18,
            "severity of `broken-link` must be error, warning or off"),
        Case(
            "severity is a list", "lint:\n  severities: {stale-review: [error]}\n", 2, 30,
            "severity of `stale-review` must be error, warning or off"),
        Case(
            "severities is a list", "lint:\n  severities: [stale-review]\n", 2, 15,
            "`lint.severities` must be a mapping"),
        // Review ages: not a date, a duration or a fraction, and above 0.
        Case(
            "age is a word", "lint:\n  review-max-age-days: soon\n", 2, 24,
            "`lint.review-max-age-days` must be a whole number of days above 0"),
        Case(
            "age is zero", "lint:\n  review-max-age-days: 0\n", 2, 24,
            "`lint.review-max-age-days` must be a whole number of days above 0"),
        Case(
            "age is a date", "lint:\n  review-max-age-days: 2026-01-01\n", 2, 24,
            "`lint.review-max-age-days` must be a whole number of days above 0"),
        Case(
            "age is a duration", "lint:\n  review-max-age-days: 1 year\n", 2, 24,
            "`lint.review-max-age-days` must be a whole number of days above 0"),
        Case(
            "age is a fraction", "lint:\n  review-max-age-days: 1.5\n", 2, 24,
            "`lint.review-max-age-days` must be a whole number of days above 0"),
        // Terms and placeholders.
        Case("terms is a list", "lint:\n  terms: [api-key]\n", 2, 10, "`lint.terms` must be a mapping"),
        Case(
            "a replacement is a list", "lint:\n  terms:\n    api-key: [API key]\n", 3, 14,
            "`lint.terms.api-key` must be text"),
        Case(
            "placeholders is text", "lint:\n  allowed-placeholders: sk-EXAMPLE\n", 2, 25,
            "`lint.allowed-placeholders` must be a list of texts"),
        Case(
            "a placeholder is a mapping", "lint:\n  allowed-placeholders:\n    - {a: b}\n", 3, 7,
            "`lint.allowed-placeholders` must hold texts, not a mapping"),
        // Site values.
        Case("title is a list", "site:\n  title: [a, b]\n", 2, 10, "`site.title` must be text"),
        Case(
            "base-url is a script", "site:\n  base-url: javascript:alert(1)\n", 2, 13,
            "`site.base-url` must start with https:// or http://"),
        Case(
            "edit-url is ftp", "site:\n  edit-url: ftp://example.com/\n", 2, 13,
            "`site.edit-url` must start with https:// or http://"),
        // Not YAML, or not text.
        Case("unclosed flow mapping", "lint:\n  terms: {a: b\n", 3, 1, "invalid YAML"),
        Case("tab indentation", "lint:\n\tterms: {}\n", 2, 1, "invalid YAML"),
        Case("repeated section", "site:\n  title: A\nsite:\n  title: B\n", 1, 1, "repeated keys: site"),
        Case(
            "control character", "site:\n  title: a\u{1}b\n", 2, 11, "invalid YAML: control characters are not allowed"),
        Case("Latin-1 byte", bytes: Array("site:\n  title: Caf".utf8) + [0xE9, 0x0A], 2, 13, "not valid UTF-8"),
    ]

    /// The commands that read `kb.yaml`, as a user types them; `faq` through the `kb index` it
    /// runs on a cache miss (its cache is new in every world).
    static func commands(_ world: HostileWorld) -> [(name: String, executable: String, arguments: [String])] {
        [
            ("kb lint", Binaries.kb, ["lint", world.guides]),
            ("kb build", Binaries.kb, ["build", world.guides, "--output", world.site]),
            ("kb index", Binaries.kb, ["index", "--guides", world.guides]),
            ("faq", Binaries.faq, ["--guides", world.guides, KBCommand.query]),
        ]
    }

    @Test(arguments: cases)
    func exitsTwoNamingTheLineAndColumn(_ bad: Case) throws {
        // `swift test` builds the binaries: missing ones are a failure, as in the rest of this target.
        try #require(Binaries.missing == nil, Comment(rawValue: Binaries.missing ?? ""))
        let world = try HostileWorld()
        try world.writeNormalGuide()
        try world.write("kb.yaml", bytes: bad.bytes)
        let file = world.guides + "/kb.yaml"
        for command in Self.commands(world) {
            let result = try ChildProcess(
                executable: command.executable, arguments: command.arguments,
                environment: [
                    "NO_COLOR": "1", "HOME": world.scratch + "/home", "XDG_CACHE_HOME": world.scratch + "/cache",
                ],
                scratch: world.scratch
            ).run()
            let label = "\(bad.name), \(command.name)"
            #expect(result.exitCode == 2, "\(label): exit \(result.ending)\n\(result.stderr)")
            #expect(result.stderr.contains("\(file):\(bad.line):"), "\(label): line\n\(result.stderr)")
            #expect(
                result.stderr.contains("\(file):\(bad.line):\(bad.column): error: \(bad.message)"),
                "\(label): column and message\n\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: world.site), "\(label): a site was written")
        }
    }
}
