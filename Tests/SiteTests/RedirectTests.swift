import Foundation
import Lint
import SiteServer
import TestRequirements
import Testing

@testable import Site

/// Old paths (`redirect-from:`) and old anchors (`{#new #old}`): the pages the build writes,
/// and real headless Chromium following them from `file://` and over `kb serve`.
@Suite(.serialized) struct RedirectTests {
    static let guides = TestSite.fixtures + "/redirects"

    /// Appended to the new page: reports where the browser landed and whether the fragment
    /// names an element there, for `--dump-dom` to read.
    static let probe = """
        <script>
        window.addEventListener("load", function () {
          var id = decodeURIComponent(location.hash.slice(1));
          var p = document.createElement("pre"); p.id = "probe";
          p.textContent = [location.pathname, location.hash, id && document.getElementById(id) ? "found" : "missing"].join(" ");
          document.body.appendChild(p);
        });
        </script>

        """

    static func addProbe(to page: String) throws {
        try TestSite.read(page).replacingOccurrences(of: "</body>", with: probe + "</body>")
            .write(toFile: page, atomically: true, encoding: .utf8)
    }

    /// Opens `url` in headless Chromium and returns the probe's report from the final page.
    static func landing(_ url: String) throws -> String {
        let chromium = try #require(TestRequirements.program("chromium"), "chromium not found")
        let profile = TestSite.temporaryFolder("kb-chromium")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let result = try TestSite.run(
            chromium,
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile)",
                "--virtual-time-budget=5000", "--dump-dom", url,
            ], timeout: 120)
        let start = try #require(
            result.output.range(of: "<pre id=\"probe\">"), "no probe in: \(result.output.prefix(400))")
        return String(result.output[start.upperBound...].prefix { $0 != "<" })
    }

    @Test func writesAPageAtEachOldPathLeadingToTheGuide() throws {
        let site = try TestSite.build(RedirectTests.guides, linter: Linter())
        let nested = TestSite.read(site + "/old/rotation.html")
        #expect(nested.contains("<link rel=\"canonical\" href=\"../keys/rotate.html\">"))
        #expect(nested.contains("<meta http-equiv=\"refresh\" content=\"0; url=../keys/rotate.html\">"))
        #expect(nested.contains("location.replace(\"../keys/rotate.html\" + location.hash)"))
        #expect(nested.contains("<a href=\"../keys/rotate.html\">Rotating keys</a>"))
        #expect(
            TestSite.read(site + "/rotating.html").contains("location.replace(\"keys/rotate.html\" + location.hash)"))
        #expect(TestSite.read(site + "/questions-about-keys.html").contains("url=faq.html"))
        let page = TestSite.read(site + "/keys/rotate.html")
        #expect(
            page.contains(
                "<h2 id=\"without-downtime\"><span id=\"zero-downtime\"></span><span id=\"rotate-without-downtime-old\"></span>Rotate without downtime"
            ))
        // A link to an old anchor is a working link, and keeps its fragment on the site.
        #expect(TestSite.read(site + "/faq.html").contains("href=\"keys/rotate.html#zero-downtime\""))
        // The all-questions page repeats answers without heading ids, old ones included.
        #expect(!TestSite.read(site + "/questions.html").contains("<span id="))
    }

    @Test func aRedirectOntoARealPageStopsTheBuild() throws {
        let guides = TestSite.copyFixture("redirects")
        try "---\nredirect-from: [faq.md]\n---\n# Clash\n".write(
            toFile: guides + "/clash.md", atomically: true, encoding: .utf8)
        let output = TestSite.temporaryFolder("kb-site") + "/site"
        let outcome = try SiteBuilder(guidesRoot: guides, output: output, linter: Linter()).build()
        guard case .rejected(let findings, _) = outcome else {
            Issue.record("built a site whose redirect replaces faq.html")
            return
        }
        #expect(findings.contains { $0.ruleID == "invalid-redirect" && $0.path == "clash.md" && $0.line == 2 })
        // With the rule off, the build's own collision check still refuses it.
        #expect(throws: SiteError.self) {
            _ = try SiteBuilder(guidesRoot: guides, output: output, linter: Linter(rules: [])).build()
        }
    }

    @Test(.requires(program: "chromium"))
    func chromiumFollowsARedirectFromFileURLsKeepingTheOldAnchor() throws {
        let site = try TestSite.build(RedirectTests.guides)
        try RedirectTests.addProbe(to: site + "/keys/rotate.html")
        let report = try RedirectTests.landing("file://\(site)/old/rotation.html#zero-downtime")
        #expect(report == "\(site)/keys/rotate.html #zero-downtime found")
        let plain = try RedirectTests.landing("file://\(site)/rotating.html")
        #expect(plain == "\(site)/keys/rotate.html  missing")
    }

    @Test(.requires(program: "chromium"))
    func chromiumFollowsARedirectOverKBServe() throws {
        let guides = TestSite.copyFixture("redirects")
        let output = TestSite.temporaryFolder("kb-serve") + "/site"
        let server = DevServer(guidesRoot: guides, siteFolder: output) {
            guard let outcome = try? SiteBuilder(guidesRoot: guides, output: output, linter: Linter()).build(),
                case .built = outcome
            else { return false }
            return true
        }
        let port = try server.start(port: 0)
        defer { server.stop() }
        try RedirectTests.addProbe(to: output + "/keys/rotate.html")
        let report = try RedirectTests.landing("http://127.0.0.1:\(port)/old/rotation.html#preparing")
        #expect(report == "/keys/rotate.html #preparing found")
    }
}
