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
