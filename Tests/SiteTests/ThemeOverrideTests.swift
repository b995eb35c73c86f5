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
        #expect(TestSite.read(site + "/assets/site.js") == String(decoding: ThemeAssets.builtIn("site.js"), as: UTF8.self))
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
