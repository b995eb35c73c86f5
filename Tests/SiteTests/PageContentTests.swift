import Foundation
import Testing

@testable import Site

/// What a reader and a crawler find on the pages built from the `basic` fixture: links between
/// guides rewritten to pages, unsafe content neutralised, metadata escaped, configuration used.
@Suite struct PageContentTests {
    let site: String
    let page: String

    init() throws {
        site = try TestSite.build(TestSite.fixtures + "/basic")
        page = TestSite.read(site + "/getting-started.html")
    }

    @Test func linksBetweenGuidesPointAtPages() {
        #expect(page.contains("href=\"faq.html#how-do-i-rotate-a-key\""))
        #expect(page.contains("href=\"faq.html\""))
        #expect(page.contains("href=\"tools/cli.html\""))
        #expect(page.contains("href=\"#set-up-a-key\""))
        let local = LinkCrawler.attributeValues("href", in: page).filter { !$0.hasPrefix("https://") }
        #expect(!local.contains { $0.hasSuffix(".md") || $0.contains(".md#") }, "no link may still point at Markdown")
        let cli = TestSite.read(site + "/tools/cli.html")
        #expect(cli.contains("href=\"../getting-started.html#set-up-a-key-1\""))
        #expect(cli.contains("href=\"../tools/index.html\""), "a link to a folder goes to its section page")
        #expect(cli.contains("href=\"../assets/kb.css\""), "pages in folders reach assets with ../")
        #expect(cli.contains("votes#Meek&#39;s_method\""), "cmark's &#x27; is decoded, then escaped once")
    }

    @Test func unsafeAndBrokenLinksBecomePlainText() {
        #expect(!page.contains("javascript:"))
        #expect(!page.contains("alert(\"raw"), "raw HTML never reaches the page")
        #expect(!page.contains("secret.md"))
        #expect(!page.contains("outside.png"))
        #expect(page.contains("<a>script link</a>"))
        #expect(page.contains("<a>missing guide</a>"))
        #expect(page.contains("image outside the guides"), "an image that cannot be shown leaves its alt text")
        #expect(page.contains("href=\"faq.html\">missing anchor</a>"), "a missing anchor is dropped, the page kept")
    }

    @Test func localImagesAreCopied() {
        #expect(page.contains("<img src=\"images/flow.svg\" alt=\"Diagram of the key flow\""))
        #expect(FileManager.default.fileExists(atPath: site + "/images/flow.svg"))
        #expect(!FileManager.default.fileExists(atPath: site + "/kb.yaml"), "only what pages refer to is copied")
    }

    @Test func frontMatterIsEscapedEverywhere() {
        #expect(
            page.contains(
                "<title>Getting started with &quot;keys&quot; &amp; &lt;tokens&gt; · Example &lt;Docs&gt;</title>"))
        #expect(page.contains("<h1>Getting started with &quot;keys&quot; &amp; &lt;tokens&gt;</h1>"))
        #expect(page.contains("content=\"How to get a key.&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(!page.contains("<script>alert"))
    }

    @Test func faqJSONLDEscapesAngleBrackets() throws {
        let faq = TestSite.read(site + "/faq.html")
        let start = try #require(faq.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(faq[start.upperBound...].range(of: "</script>"))
        let json = String(faq[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<"))
        #expect(json.contains("\\u003cb\\u003e"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["@type"] as? String == "FAQPage")
        #expect((decoded?["mainEntity"] as? [Any])?.count == 2)
    }

    @Test func headingsCarryPermalinksAndATableOfContents() {
        #expect(page.contains("<h2 id=\"set-up-a-key\">Set up a key<a class=\"permalink\" href=\"#set-up-a-key\""))
        #expect(page.contains("<h2 id=\"set-up-a-key-1\">"))
        #expect(page.contains("<aside class=\"toc\""))
        #expect(page.contains("<li><a href=\"#what-is-not-linked\">What is not linked</a></li>"))
    }

    @Test func configurationAddsEditLinksReviewDateAndSitemap() {
        #expect(page.contains("href=\"https://git.example.com/kb/edit/main/guides/getting-started.md\""))
        #expect(page.contains("Last reviewed <time datetime=\"2026-11-01\">2026-11-01</time> by docs-team"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://docs.example.com/kb/getting-started.html\">"))
        let sitemap = TestSite.read(site + "/sitemap.xml")
        #expect(sitemap.contains("<loc>https://docs.example.com/kb/tools/cli.html</loc>"))
        #expect(sitemap.contains("<lastmod>2026-11-01</lastmod>"))
    }

    @Test func everyPageHasNavigationAndSearch() {
        #expect(page.contains("<nav class=\"breadcrumbs\""))
        #expect(page.contains("rel=\"next\"") || page.contains("rel=\"prev\""))
        #expect(page.contains("action=\"search.html\""))
        for name in [
            "index.html", "questions.html", "search.html", "404.html", "tools/index.html", "search-index.js",
            "search-engine.js", "assets/kb.css", "assets/site.js",
        ] {
            #expect(FileManager.default.fileExists(atPath: site + "/" + name), "missing \(name)")
        }
        let questions = TestSite.read(site + "/questions.html")
        #expect(questions.contains("<section class=\"qa\" id=\"how-do-i-rotate-a-key\">"))
        #expect(questions.contains("href=\"getting-started.html#set-up-a-key\""), "answers' links are rewritten too")
    }

    @Test func theSiteIsSelfContained() {
        for file in TestSite.files(site) where file.hasSuffix(".html") {
            let html = TestSite.read(site + "/" + file)
            for url in LinkCrawler.attributeValues("src", in: html) {
                #expect(!url.contains("//"), "\(file) loads \(url) from elsewhere")
            }
            #expect(!html.contains("<link rel=\"stylesheet\" href=\"http"), "\(file) loads a remote style sheet")
        }
    }

    @Test func noInternalLinkIsBroken() {
        let result = LinkCrawler(site: site).check()
        #expect(result.pages >= 8)
        #expect(result.broken.isEmpty, "\(result.broken)")
    }
}
