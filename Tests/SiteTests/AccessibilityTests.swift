import Foundation
import Lint
import TestRequirements
import Testing

/// One page of each type, audited by axe-core in headless Chromium in the light and the dark
/// theme; a serious or critical violation fails.
///
/// Two axe-core builds run in the same page load, each from the PyPI package that ships it
/// (installed with `--no-deps` by `make test-deps`: only the script is used): axe-core 3.1.1
/// from `axe-selenium-python`, whose autocomplete-valid rule the issue named, and axe-core 4.x
/// from `axe-playwright-python`, which has today's rules (link-in-text-block among them).
/// Chromium runs them itself (`--dump-dom` on a copy of the page with the scripts added), so
/// neither Selenium nor a driver is needed.
@Suite struct AccessibilityTests {
    /// A page to audit: which site it is in, its path, and a query string for pages whose
    /// content depends on one.
    struct AuditedPage: Sendable, CustomTestStringConvertible {
        enum Site: Sendable { case shipped, fixture, redirects }
        var type: String
        var site: Site
        var path: String
        var query = ""
        var testDescription: String { "\(type) (\(path)\(query))" }
    }

    static let pages: [AuditedPage] = [
        AuditedPage(type: "home", site: .shipped, path: "index.html"),
        AuditedPage(type: "guide", site: .shipped, path: "rotating-keys.html"),
        AuditedPage(type: "FAQ page", site: .shipped, path: "faq.html"),
        AuditedPage(type: "all questions", site: .shipped, path: "questions.html"),
        AuditedPage(type: "search", site: .shipped, path: "search.html"),
        AuditedPage(type: "search results", site: .shipped, path: "search.html", query: "?q=lose%20my%20key"),
        // Marked words in titles and snippets, and a "Did you mean" link.
        AuditedPage(type: "search with a typo", site: .shipped, path: "search.html", query: "?q=rotaet%20key"),
        // Ranked again once the query's vector arrives (SearchDisplayTests.rerankedQuery).
        AuditedPage(
            type: "search ranked by meaning", site: .shipped, path: "search.html",
            query: "?q=whitelist%20ip%20addresses"),
        AuditedPage(type: "404", site: .shipped, path: "404.html"),
        AuditedPage(type: "section page", site: .fixture, path: "tools/index.html"),
        AuditedPage(type: "guide in a folder", site: .fixture, path: "tools/cli.html"),
        // Raw HTML dropped, unsafe and broken links turned to text, images, escaped metadata.
        AuditedPage(type: "guide with hostile markup", site: .fixture, path: "getting-started.html"),
        // A page at an old path (redirect-from), and a guide whose headings keep old anchors.
        AuditedPage(type: "redirect page", site: .redirects, path: "old/rotation.html"),
        AuditedPage(type: "guide with old anchors", site: .redirects, path: "keys/rotate.html"),
    ]

    /// The packages that carry axe-core, and where in them the script is.
    static let axePackages = [
        ("axe_selenium_python", "node_modules/axe-core/axe.min.js"),
        ("axe_playwright_python", "axe.min.js"),
    ]

    /// The axe-core scripts installed, found without importing the packages.
    static let axeScripts: [String] = axePackages.compactMap { module, script in
        guard let python = TestRequirements.program("python3"),
            let result = try? TestSite.run(
                python,
                [
                    "-c",
                    "import importlib.util as u; s = u.find_spec('\(module)'); "
                        + "print(s.submodule_search_locations[0] if s else '')",
                ]),
            result.status == 0
        else { return nil }
        let path = result.output.trimmingCharacters(in: .whitespacesAndNewlines) + "/" + script
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static let shippedSite: Result<String, any Error> = Result {
        try TestSite.build(TestSite.shippedGuides, linter: Linter())
    }
    static let fixtureSite: Result<String, any Error> = Result { try TestSite.build(TestSite.fixtures + "/basic") }
    static let redirectsSite: Result<String, any Error> = Result {
        try TestSite.build(TestSite.fixtures + "/redirects")
    }

    /// A redirect page leaves at once: the audited copy keeps everything but the two lines that
    /// leave (its script and its meta refresh, whose 0 delay axe's meta-refresh rule accepts;
    /// `RedirectTests` checks both).
    static func staying(_ html: String) -> String {
        html.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.contains("location.replace(") && !$0.contains("http-equiv=\"refresh\"")
        }.joined(separator: "\n")
    }

    /// Runs every engine over the page in both themes and writes what they found into the DOM,
    /// base64-encoded JSON in `<pre id="axe-result">`, for `--dump-dom` to carry out intact.
    static let auditScript = """
        <script>
        window.addEventListener("load", function () {
          var out = {runs: []};
          function pause(ms) { return new Promise(function (done) { setTimeout(done, ms); }); }
          (async function () {
            try {
              await pause(200);
              for (var theme of ["light", "dark"]) {
                document.documentElement.setAttribute("data-theme", theme);
                await pause(100);
                for (var engine of window.kbAxeEngines) {
                  var result = await engine.run(document, {resultTypes: ["violations"]});
                  out.runs.push({engine: engine.version, theme: theme, violations: result.violations.map(function (v) {
                    return {id: v.id, impact: v.impact || "", help: v.help,
                            nodes: v.nodes.map(function (n) { return n.target.join(" "); })};
                  })});
                }
              }
            } catch (e) { out.error = String(e); }
            var pre = document.createElement("pre");
            pre.id = "axe-result";
            pre.textContent = btoa(unescape(encodeURIComponent(JSON.stringify(out))));
            document.body.appendChild(pre);
          })();
        });
        </script>

        """

    /// The page with each axe-core build loaded in turn (each sets `window.axe`; the list keeps
    /// them apart) and the audit script, before its last `</body>`.
    static func instrumented(_ html: String, scripts: [String]) -> String {
        var added = "<script>window.kbAxeEngines = [];</script>\n"
        for script in scripts {
            added += "<script src=\"\(URL(fileURLWithPath: script).absoluteString)\"></script>\n"
            added += "<script>window.kbAxeEngines.push(window.axe); window.axe = undefined;</script>\n"
        }
        added += auditScript
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + added }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: added)
    }

    struct Run: Decodable {
        struct Violation: Decodable {
            var id: String
            var impact: String
            var help: String
            var nodes: [String]
        }
        var engine: String
        var theme: String
        var violations: [Violation]
    }

    struct Report: Decodable {
        var runs: [Run]
        var error: String?
    }

    @Test(
        .requires(program: "chromium"),
        .requires("axe-core (make test-deps installs axe-selenium-python and axe-playwright-python)") {
            axeScripts.count == axePackages.count
        },
        .timeLimit(.minutes(3)),
        arguments: pages)
    func hasNoSeriousOrCriticalViolations(page: AuditedPage) throws {
        let chromium = try #require(TestRequirements.program("chromium"), "chromium not found")
        let scripts = AccessibilityTests.axeScripts
        try #require(scripts.count == AccessibilityTests.axePackages.count, "axe-core not found: \(scripts)")
        let site: String
        switch page.site {
        case .shipped: site = try AccessibilityTests.shippedSite.get()
        case .fixture: site = try AccessibilityTests.fixtureSite.get()
        case .redirects: site = try AccessibilityTests.redirectsSite.get()
        }
        let original = site + "/" + page.path
        let html = AccessibilityTests.staying(try String(contentsOfFile: original, encoding: .utf8))
        // Beside the original, so that its relative links, styles and scripts resolve.
        let probe = String(original.dropLast(".html".count)) + ".axe-\(UUID().uuidString.prefix(8)).html"
        try AccessibilityTests.instrumented(html, scripts: scripts).write(
            toFile: probe, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        let profile = TestSite.temporaryFolder("kb-chromium")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let result = try TestSite.run(
            chromium,
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile)",
                "--virtual-time-budget=30000", "--dump-dom",
                URL(fileURLWithPath: probe).absoluteString + page.query,
            ], timeout: 150)
        let marker = try #require(
            result.output.range(of: "<pre id=\"axe-result\">"), "no audit result in: \(result.output.suffix(300))")
        let encoded = result.output[marker.upperBound...].prefix { $0 != "<" }
        let json = try #require(Data(base64Encoded: String(encoded)), "the audit result is not base64")
        let report = try JSONDecoder().decode(Report.self, from: json)
        #expect(report.error == nil, "axe failed: \(report.error ?? "")")
        #expect(report.runs.count == scripts.count * 2, "every engine in both themes")
        let serious = report.runs.flatMap { run in
            run.violations.filter { $0.impact == "serious" || $0.impact == "critical" }.map { violation in
                "axe \(run.engine), \(run.theme): \(violation.impact) \(violation.id) (\(violation.help)) at "
                    + violation.nodes.prefix(3).joined(separator: ", ")
            }
        }
        #expect(serious.isEmpty, "\(page.testDescription):\n\(serious.joined(separator: "\n"))")
    }
}
