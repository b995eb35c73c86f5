import Foundation
import Testing

@testable import Site

/// The theme ships inside the binary; a `theme/` folder in the guides root replaces its files
/// by name, and everything else keeps the built-in version.
@Suite struct ThemeOverrideTests {
    @Test func aThemeFileReplacesTheBuiltInOne() throws {
        let guides = TestSite.copyFixture("basic")
        try FileManager.default.createDirectory(atPath: guides + "/theme", withIntermediateDirectories: true)
        let css = "/* house style */\nbody { font-family: serif; }\n"
        try css.write(toFile: guides + "/theme/kb.css", atomically: true, encoding: .utf8)
        let site = try TestSite.build(guides)
        #expect(TestSite.read(site + "/assets/kb.css") == css)
        #expect(
            TestSite.read(site + "/assets/site.js") == String(decoding: ThemeAssets.builtIn("site.js"), as: UTF8.self))
    }

    @Test func theBuiltInThemeCoversBothColourSchemesAndPrint() {
        let css = String(decoding: ThemeAssets.builtIn("kb.css"), as: UTF8.self)
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        #expect(css.contains(":root[data-theme=\"dark\"]"))
        #expect(css.contains("@media print"))
        #expect(!css.contains("@import"), "no external style sheets")
        #expect(!css.contains("url(http"), "no external fonts or images")
    }
}

/// Nothing outside the guides folder is read, even through a symbolic link in `theme/`.
@Suite struct ThemeConfinementTests {
    @Test func aThemeLinkLeadingOutOfTheRootIsIgnored() throws {
        let guides = TestSite.copyFixture("basic")
        let outside = TestSite.temporaryFolder("kb-outside") + "/private.css"
        try "/* private */".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: guides + "/theme", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: guides + "/theme/kb.css", withDestinationPath: outside)
        let site = try TestSite.build(guides)
        #expect(!TestSite.read(site + "/assets/kb.css").contains("private"))
        #expect(
            TestSite.read(site + "/assets/kb.css") == String(decoding: ThemeAssets.builtIn("kb.css"), as: UTF8.self))
    }

    @Test func anImageLinkLeadingOutOfTheRootIsNotCopied() throws {
        let guides = TestSite.copyFixture("basic")
        let outside = TestSite.temporaryFolder("kb-outside") + "/secret.png"
        try "not really a png".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: guides + "/images/leak.png", withDestinationPath: outside)
        try "# Leak\n\n![leak](images/leak.png)\n".write(toFile: guides + "/leak.md", atomically: true, encoding: .utf8)
        let site = try TestSite.build(guides)
        #expect(!FileManager.default.fileExists(atPath: site + "/images/leak.png"))
        #expect(!TestSite.read(site + "/leak.html").contains("leak.png"))
    }
}
