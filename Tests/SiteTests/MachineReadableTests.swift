import Foundation
import Testing

@testable import Site

/// `llms.txt` at the root and the Markdown copy beside every page.
@Suite struct MachineReadableTests {
    @Test func llmsTextListsEveryGuideWithItsCopyAndSummary() throws {
        // The basic fixture has a base-url: links are absolute, as a model fetching the file needs.
        let site = try TestSite.build(TestSite.fixtures + "/basic")
        let text = TestSite.read(site + "/llms.txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "# Example \\<Docs\\>", "the title, markup escaped")
        #expect(lines.dropFirst(2).first?.hasPrefix("> ") == true, "a one-line summary")
        #expect(text.contains("\n## Tools\n"))
        #expect(
            text.contains(
                "- [Getting started with \"keys\" & \\<tokens\\>](https://docs.example.com/kb/getting-started.md): How to get a key.\\</script\\>\\<script\\>alert(1)\\</script\\>"
            ), "\(text)")
        #expect(text.contains("](https://docs.example.com/kb/tools/cli.md)"))
        for copy in ["getting-started.md", "faq.md", "tools/cli.md"] {
            #expect(FileManager.default.fileExists(atPath: site + "/" + copy), "\(copy)")
        }
    }

    @Test func markdownCopiesDropFrontMatterAndHTMLAndLinkToTheSite() throws {
        let site = try TestSite.build(TestSite.fixtures + "/basic")
        let copy = TestSite.read(site + "/getting-started.md")
        #expect(copy.hasPrefix("# Getting started\n"), "front matter removed: \(copy.prefix(80))")
        #expect(!copy.contains("owner: docs-team"))
        #expect(!copy.contains("<script"), "raw HTML is dropped as on the page")
        #expect(!copy.contains("javascript:"))
        #expect(copy.contains("[how to rotate](https://docs.example.com/kb/faq.html#how-do-i-rotate-a-key)"))
        #expect(copy.contains("[command line](https://docs.example.com/kb/tools/cli.html)"))
        #expect(copy.contains("![Diagram of the key flow](https://docs.example.com/kb/images/flow.svg)"))
        // Links that lead nowhere on the site keep their text only.
        #expect(copy.contains("a file outside the guides"))
        #expect(!copy.contains("secret.md") && !copy.contains("missing.md") && !copy.contains("outside.png"))
    }

    @Test func withoutABaseURLLinksAreRelativeToTheCopy() throws {
        let site = try TestSite.build(TestSite.fixtures + "/redirects")
        let nested = TestSite.read(site + "/keys/rotate.md")
        #expect(nested.contains("[how often to rotate](../faq.html#how-often-should-i-rotate-a-key)"), "\(nested)")
        #expect(nested.contains("## Rotate without downtime\n"), "the id list is not shown")
        #expect(nested.hasPrefix("# Rotating keys\n\nKeys are replaced"))
        let faq = TestSite.read(site + "/faq.md")
        #expect(faq.contains("[rotation](keys/rotate.html#zero-downtime)"))
        let llms = TestSite.read(site + "/llms.txt")
        #expect(llms.contains("- [Rotating keys](keys/rotate.md): Replace a key without downtime."))
        #expect(llms.contains("> 2 guides and 1 question.\n"))
    }
}
