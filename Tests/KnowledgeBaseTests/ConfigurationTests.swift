import Foundation
import KnowledgeBase
import Testing

/// `kb.yaml` read once into `Configuration`: each section into its sub-configuration, and every
/// mistake an error at its line and column. The binaries' exit status for a table of bad files
/// is in `HostileInputTests/BadConfigurationTests`.
@Suite struct ConfigurationTests {
    @Test func readsEverySection() throws {
        let c = try Configuration(
            yaml: """
                lint:
                  severities: {stale-review: error, question-form: off, terminology: warn}
                  terms: {"api-key": "API key", "apikey": "API key"}
                  review-max-age-days: 180
                  allowed-placeholders: ["sk-proj-EXAMPLE"]
                site:
                  title: Key help
                  base-url: https://help.example.com/keys
                  edit-url: HTTPS://git.example.com/edit/
                synonyms:
                  sso: [single-sign-on, saml]
                  invoice: receipt
                """, ruleIDs: ["stale-review", "question-form", "terminology"])
        #expect(c.lint.severities["stale-review"] == .some(.error))
        #expect(c.lint.severities["terminology"] == .some(.warning))
        #expect(c.lint.isDisabled("question-form"))
        #expect(!c.lint.isDisabled("stale-review"))
        #expect(c.lint.terms == ["api-key": "API key", "apikey": "API key"])
        #expect(c.lint.reviewMaxAgeDays == 180)
        #expect(c.lint.allowedPlaceholders == ["sk-proj-EXAMPLE"])
        #expect(
            c.site
                == SiteConfiguration(
                    baseURL: "https://help.example.com/keys/", editURL: "HTTPS://git.example.com/edit/",
                    title: "Key help"))
        // Sorted by their first word, whatever the file's order.
        #expect(c.synonyms.groups == [["invoice", "receipt"], ["sso", "single-sign-on", "saml"]])
    }

    @Test(arguments: ["", "# only a comment\n", "lint:\nsite:\nsynonyms:\n", "lint: {}\nsite: {}\nsynonyms: {}\n"])
    func emptyFilesAndSectionsGiveTheDefaults(yaml: String) throws {
        #expect(try Configuration(yaml: yaml, ruleIDs: []) == Configuration())
        #expect(Configuration().lint.reviewMaxAgeDays == 365)
        #expect(Configuration().site.title == "Knowledge base")
    }

    @Test func ruleIDsAreCheckedOnlyWhenGiven() throws {
        let yaml = "lint:\n  severities:\n    no-such-rule: off\n"
        #expect(try Configuration(yaml: yaml, ruleIDs: nil).lint.isDisabled("no-such-rule"))
        #expect(
            throws: ConfigurationError(
                path: "kb.yaml", line: 3, column: 5,
                message: "unknown rule `no-such-rule` in `lint.severities` (see `kb lint --list-rules`)")
        ) { try Configuration(yaml: yaml, ruleIDs: ["stale-review"]) }
    }

    /// A few shapes at unit level, checking the whole error; the binaries' table has more.
    @Test(arguments: [
        ("colour: blue\n", 1, 1, "unknown key `colour` (known: lint, site, synonyms, faq)"),
        (
            "lint:\n  sevrities: {}\n", 2, 3,
            "unknown key `lint.sevrities` (known: severities, terms, review-max-age-days, allowed-placeholders)"
        ),
        ("site:\n  title: [a, b]\n", 2, 10, "`site.title` must be text"),
        ("synonyms: [a, b]\n", 1, 11, "`synonyms` must be a mapping of a word to a list of words"),
        (
            "lint:\n  review-max-age-days: 2026-01-01\n", 2, 24,
            "`lint.review-max-age-days` must be a whole number of days above 0"
        ),
        ("lint:\n  terms: {a: b\n", 3, 1, "invalid YAML: did not find expected ',' or '}'"),
        ("- a\n- b\n", 1, 1, "expected a mapping of settings at the top (lint, site, synonyms, faq)"),
    ])
    func errorsNameLineAndColumn(yaml: String, line: Int, column: Int, message: String) {
        #expect(throws: ConfigurationError(path: "guides/kb.yaml", line: line, column: column, message: message)) {
            try Configuration(yaml: yaml, path: "guides/kb.yaml", ruleIDs: [])
        }
        let error = ConfigurationError(path: "guides/kb.yaml", line: line, column: column, message: message)
        #expect(error.description == "guides/kb.yaml:\(line):\(column): error: \(message)")
    }

    @Test func aFolderWithoutKBYAMLGetsTheDefaultsAndAMissingFileNamedIsAnError() throws {
        let folder = try TemporaryFolder()
        #expect(try Configuration.forGuides(root: folder.path, ruleIDs: []) == Configuration())
        #expect(throws: ConfigurationError.self) {
            try Configuration(contentsOf: folder.path + "/kb.yaml", ruleIDs: [])
        }
        try folder.write("kb.yaml", "site:\n  title: Found\n")
        #expect(try Configuration.forGuides(root: folder.path + "/", ruleIDs: []).site.title == "Found")
        #expect(Configuration.file(inGuides: ".") == "kb.yaml")
        #expect(Configuration.file(inGuides: "a/") == "a/kb.yaml")
    }

    @Test func bytesThatAreNotUTF8AreNamedAtTheirLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("kb.yaml", bytes: Array("site:\n  title: Caf".utf8) + [0xE9, 0x0A])
        #expect(
            throws: ConfigurationError(
                path: folder.path + "/kb.yaml", line: 2, column: 13, message: "not valid UTF-8")
        ) { try Configuration.forGuides(root: folder.path, ruleIDs: []) }
    }

    @Test func aSymbolicLinkOutOfTheGuidesFolderIsRefused() throws {
        let outside = try TemporaryFolder()
        try outside.write("kb.yaml", "site:\n  title: Elsewhere\n")
        let guides = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(
            atPath: guides.path + "/kb.yaml", withDestinationPath: outside.path + "/kb.yaml")
        #expect(throws: ConfigurationError.self) { try Configuration.forGuides(root: guides.path, ruleIDs: []) }
    }

    @Test func anAliasBombInSynonymsIsRefused() {
        var yaml = "synonyms:\n  base: &w [" + Array(repeating: "w", count: 1000).joined(separator: ", ") + "]\n"
        for i in 0..<200 { yaml += "  k\(i): *w\n" }
        #expect(throws: ConfigurationError.self) { try Configuration(yaml: yaml, ruleIDs: []) }
    }
}
