import Testing

@testable import Site

@Suite struct URLPathTests {
    @Test func resolvesRelativeReferencesInsideTheRoot() {
        #expect(URLPath.resolve("other.md", from: "common") == "common/other.md")
        #expect(URLPath.resolve("../linux/ls.md", from: "common") == "linux/ls.md")
        #expect(URLPath.resolve("./a/./b.md", from: "") == "a/b.md")
        #expect(URLPath.resolve("/top.md", from: "deep/er") == "top.md")
    }

    @Test func refusesReferencesThatClimbOut() {
        #expect(URLPath.resolve("../secret.md", from: "") == nil)
        #expect(URLPath.resolve("../../x.png", from: "common") == nil)
    }

    @Test func prefixesPagesInFoldersWithTheWayBack() {
        #expect(URLPath.rootPrefix(forPage: "index.html") == "")
        #expect(URLPath.rootPrefix(forPage: "common/tar.html") == "../")
        #expect(URLPath.rootPrefix(forPage: "a/b/c.html") == "../../")
    }

    @Test func encodesWhatCannotStandInAnHref() {
        #expect(URLPath.encode("osx/g[.html") == "osx/g%5B.html")
        #expect(URLPath.encode("a b#c?.html") == "a%20b%23c%3F.html")
        #expect(URLPath.encode("c:/x.html") == "c%3A/x.html", "a colon would read as a URL scheme")
        #expect(URLPath.percentDecode("a%20b%zz") == "a b%zz")
    }
}

@Suite struct SiteConfigurationTests {
    @Test func readsTheSiteSectionAndIgnoresTheRest() throws {
        let config = try SiteConfiguration.parse(
            yaml: """
                lint:
                  review-max-age-days: 90
                synonyms:
                  key: [token]
                site:
                  title: Key help
                  base-url: https://help.example.com/keys
                  future-setting: 3
                """)
        #expect(config.title == "Key help")
        #expect(config.baseURL == "https://help.example.com/keys/")
        #expect(config.editURL == nil)
    }

    @Test func refusesAddressesThatAreNotWebURLs() {
        #expect(throws: SiteError.self) {
            _ = try SiteConfiguration.parse(yaml: "site:\n  edit-url: javascript:alert(1)\n")
        }
    }

    @Test func noSiteSectionMeansDefaults() throws {
        let config = try SiteConfiguration.parse(yaml: "lint: {}\n")
        #expect(config.title == "Knowledge base")
        #expect(config.baseURL == nil)
    }
}
