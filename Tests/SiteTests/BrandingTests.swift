import Foundation
import KnowledgeBase
import Testing

@testable import Site

/// `site:` branding in kb.yaml: a logo from the guides folder, header links and footer text,
/// escaped on every page and validated when the file is read.
@Suite struct BrandingTests {
    static func guides(_ yaml: String) throws -> String {
        let guides = TestSite.copyFixture("redirects")
        try yaml.write(toFile: guides + "/kb.yaml", atomically: true, encoding: .utf8)
        return guides
    }

    @Test func logoLinksAndFooterAppearEscapedOnEveryPage() throws {
        let guides = try BrandingTests.guides(
            """
            site:
              title: Keys <Help>
              logo: images/logo.svg
              header-links:
                - {title: "Status <b>", url: "https://status.example.com/?a=1&b=2"}
                - {title: All questions, url: questions.html}
              footer: "© 2026 Example & Co. <script>alert(1)</script>"
            """)
        let site = try TestSite.build(guides)
        let nested = TestSite.read(site + "/keys/rotate.html")
        #expect(nested.contains("<img class=\"brand-logo\" src=\"../images/logo.svg\" alt=\"\">Keys &lt;Help&gt;</a>"))
        #expect(
            nested.contains(
                "<a href=\"https://status.example.com/?a=1&amp;b=2\">Status &lt;b&gt;</a><a href=\"../questions.html\">All questions</a>"
            ))
        #expect(
            nested.contains(
                "<footer class=\"site-footer\"><p>© 2026 Example &amp; Co. &lt;script&gt;alert(1)&lt;/script&gt;</p></footer>"
            ))
        #expect(FileManager.default.fileExists(atPath: site + "/images/logo.svg"), "the logo is copied")
        #expect(TestSite.read(site + "/index.html").contains("src=\"images/logo.svg\""))
    }

    @Test(
        "Bad branding is refused with its place in kb.yaml",
        arguments: [
            ("site:\n  header-links:\n    - {title: x, url: \"javascript:alert(1)\"}\n", "kb.yaml:3:"),
            ("site:\n  header-links:\n    - {title: x}\n", "kb.yaml:3:"),
            ("site:\n  logo: ../outside.png\n", "kb.yaml:2:"),
            ("site:\n  header-links: https://x.example\n", "kb.yaml:2:"),
        ])
    func refused(yaml: String, place: String) throws {
        #expect {
            _ = try Configuration(yaml: yaml, path: "kb.yaml", ruleIDs: nil)
        } throws: { error in
            "\(error)".contains(place)
        }
    }

    @Test func aLogoThatIsNotAnImageInTheGuidesStopsTheBuild() throws {
        let guides = try BrandingTests.guides("site:\n  logo: images/missing.svg\n")
        let output = TestSite.temporaryFolder("kb-site") + "/site"
        let configuration = try Configuration.forGuides(root: guides, ruleIDs: nil)
        #expect(throws: SiteError.self) {
            _ = try SiteBuilder(guidesRoot: guides, output: output, configuration: configuration).build()
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
