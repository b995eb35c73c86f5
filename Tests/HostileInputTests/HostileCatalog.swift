/// Every hostile case the suite runs, grouped as the issue lists them. Sizes are generated at
/// run time; the largest stay below the loader's 64 MB refusal limit so they are parsed for real.
enum HostileCatalog {
    /// Called by injected script and handlers: if it survives into a page as code, the page
    /// would run it. The site scan looks for it outside string literals.
    static let payload = "kbPwned"

    static let all: [HostileCase] = encoding + shape + size + frontMatter + injection + paths + names + permissions

    // MARK: - Encodings and bytes

    static let encoding: [HostileCase] = [
        HostileCase(
            name: "invalid-utf8", about: "a 0xFF byte on line 4", mustName: ["bad.md:4"],
            make: { w in try w.write("bad.md", bytes: Array("# Bad\n\nfine\nthen \u{1}".utf8) + [0xFF, 0x0A]) }),
        HostileCase(
            name: "utf8-surrogate-and-overlong", about: "an encoded surrogate (ED A0 80) on line 2, an overlong slash",
            mustName: ["surrogate.md:2"],
            make: { w in try w.write("surrogate.md", bytes: Array("# S\n".utf8) + [0xED, 0xA0, 0x80, 0xC0, 0xAF, 0x0A])
            }
        ),
        HostileCase(
            name: "utf8-truncated-at-end", about: "a 4-byte sequence cut off by the end of a 1 MB file",
            mustName: ["cut.md"],
            make: { w in
                try w.write(
                    "cut.md", bytes: Array(String(repeating: "line\n", count: 200_000).utf8) + [0xF0, 0x9F, 0x98])
            }),
        HostileCase(
            name: "binary-named-md", about: "a PNG-like binary with NUL bytes named .md", mustName: ["picture.md"],
            make: { w in
                var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
                var state: UInt32 = 12345
                for _ in 0..<200_000 {
                    state = state &* 1_103_515_245 &+ 12345
                    bytes.append(UInt8(truncatingIfNeeded: state >> 16))
                }
                try w.write("picture.md", bytes: bytes)
            }),
        HostileCase(
            name: "utf16-with-bom", about: "a UTF-16 file (FF FE BOM) named .md", mustName: ["utf16.md"],
            make: { w in
                try w.write(
                    "utf16.md",
                    bytes: [0xFF, 0xFE] + Array("# Title\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            }),
        HostileCase(
            name: "empty-files", about: "an empty file and one holding only a newline, spaces or a BOM",
            make: { w in
                try w.write("empty.md", bytes: [])
                try w.write("newline.md", "\n")
                try w.write("spaces.md", "   \t  ")
                try w.write("bom-only.md", bytes: [0xEF, 0xBB, 0xBF])
            }),
        HostileCase(
            name: "nul-bytes", about: "NUL bytes in the body, a heading, a link and the front matter",
            mustName: ["nul-front-matter.md:2"],
            make: { w in
                try w.write("nul.md", bytes: Array("# Head\0ing\n\nText \0 with NUL.\n\n[link\0](a\0b.md)\n".utf8))
                try w.write("nul-front-matter.md", bytes: Array("---\ntitle: a\0b\n---\n# Body\n".utf8))
            }),
        HostileCase(
            name: "line-endings", about: "CRLF, lone CR and mixed line endings, with front matter and a FAQ",
            make: { w in
                try w.write("crlf.md", "---\r\ntitle: CRLF\r\n---\r\n# CRLF\r\n\r\n## FAQ\r\n\r\n### Q?\r\n\r\nA.\r\n")
                try w.write("cr.md", "---\rtitle: CR\r---\r# CR\r\r## FAQ\r\r### Q?\r\rA.\r")
                try w.write("mixed.md", "# Mixed\r\n\n\r## FAQ\n\r\n### Q?\r\rA.\n\r\n\r")
            }),
        HostileCase(
            name: "byte-order-marks", about: "a BOM before front matter, and U+FEFF in the middle of text and headings",
            make: { w in
                try w.write(
                    "bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: With BOM\n---\n# With BOM\n".utf8))
                try w.write("inner-bom.md", "# In\u{FEFF}ner\n\ntext\u{FEFF}text\n\n## \u{FEFF}\n")
            }),
        HostileCase(
            name: "terminal-escapes", about: "ESC sequences and other controls in titles, headings and answers",
            make: { w in
                try w.write(
                    "escapes.md",
                    "---\ntitle: \"Esc \\e]52;c;aGk=\\a \\e[2J\"\n---\n# Esc \u{1B}[31mred\u{1B}[0m \u{7}\u{8}\n\n## FAQ\n\n### Rotate \u{1B}]0;owned\u{7} key?\n\nAnswer \u{1B}[2J\u{9B}31m.\n"
                )
            }),
    ]

    // MARK: - Shape: nesting and counts

    static let shape: [HostileCase] = [
        HostileCase(
            name: "deep-blockquotes", about: "100,000 nested > markers",
            make: { w in try w.write("quotes.md", String(repeating: ">", count: 100_000) + " deep\n") }),
        HostileCase(
            name: "deep-bullet-lists", about: "100,000 nested list markers on one line",
            make: { w in try w.write("bullets.md", String(repeating: "- ", count: 100_000) + "deep\n") }),
        HostileCase(
            name: "deep-ordered-lists", about: "50,000 nested ordered-list markers (procedures inside procedures)",
            make: { w in try w.write("ordered.md", "# Steps\n\n" + String(repeating: "1. ", count: 50_000) + "deep\n") }
        ),
        HostileCase(
            name: "deep-indented-lists", about: "1,500 list levels by indentation, alternating ordered and bullet",
            make: { w in
                var text = "# Nest\n\n"
                for i in 0..<1500 { text += String(repeating: " ", count: i * 3) + (i % 2 == 0 ? "1. x\n" : "- y\n") }
                try w.write("indented.md", text)
            }),
        HostileCase(
            name: "deep-inlines", about: "100,000 open brackets, emphasis runs, nested links and backtick runs",
            make: { w in
                try w.write("brackets.md", String(repeating: "[", count: 100_000) + "\n")
                try w.write("emphasis.md", String(repeating: "*a _", count: 50_000) + "\n")
                try w.write(
                    "nested-links.md",
                    String(repeating: "[", count: 30_000) + "x" + String(repeating: "](u)", count: 30_000))
                try w.write(
                    "backticks.md",
                    String(repeating: "`", count: 100_000) + " x " + String(repeating: "``", count: 1000))
                try w.write("html-comment.md", "# Open comment\n\n<!--" + String(repeating: "-- x ", count: 100_000))
            }),
        HostileCase(
            name: "deep-folders", about: "guides 60 folders deep",
            make: { w in
                try w.write(String(repeating: "d/", count: 60) + "deep.md", "# Deep\n\nAt the bottom.\n")
            }),
        HostileCase(
            name: "huge-lists", about: "100,000 bullet items and 100,000 ordered steps",
            make: { w in
                var bullets = "# Bullets\n\n"
                var steps = "# Steps\n\n"
                for i in 0..<100_000 {
                    bullets += "- item \(i)\n"
                    steps += "\(i + 1). step \(i)\n"
                }
                try w.write("bullets.md", bullets)
                try w.write("steps.md", steps)
            }),
        HostileCase(
            name: "huge-faq", about: "a FAQ page with 50,000 questions, and 30,000 identical headings",
            make: { w in
                var faq = "# FAQ\n\n"
                for i in 0..<50_000 { faq += "## How do I rotate key \(i)?\n\nAnswer \(i).\n\n" }
                try w.write("faq.md", faq)
                try w.write("same.md", "# Same\n\n" + String(repeating: "## Same\n\n", count: 30_000))
            }),
        HostileCase(
            name: "many-links",
            about: "100,000 links, to guides, anchors and the web, and 20,000 reference definitions",
            make: { w in
                var text = "# Links\n\n"
                for i in 0..<100_000 {
                    switch i % 3 {
                    case 0: text += "[g\(i)](normal.md#faq) "
                    case 1: text += "[a\(i)](#links) "
                    default: text += "[w\(i)](https://example.com/\(i)) "
                    }
                }
                text += "\n\n"
                for i in 0..<20_000 { text += "[r\(i)]: missing-\(i).md\n" }
                try w.write("links.md", text)
            }),
        HostileCase(
            name: "many-files", about: "2,000 small guides",
            make: { w in
                for i in 0..<2000 {
                    try w.write("many/g\(i).md", "# Guide \(i)\n\nText \(i), see [normal](../normal.md).\n")
                }
            }),
    ]

    // MARK: - Size

    static let size: [HostileCase] = [
        HostileCase(
            name: "large-file", about: "a 20 MB guide: 5,000 sections of long paragraphs, links, code and lists",
            make: { w in
                let sentence = "Some paragraph text that goes on for a while, as guides do, with plain words. "
                let paragraph = String(repeating: sentence, count: 25)
                let section =
                    "## Section\n\n\(paragraph)See [the other guide](normal.md) and `kb lint`.\n\n\(paragraph)\n\n- a\n- b\n\n"
                try w.write(
                    "large.md", "# Large\n\n" + String(repeating: section, count: 20_000_000 / section.utf8.count))
            }),
        HostileCase(
            name: "dense-markup-over-budget",
            about: "4 MB of `# a` lines and of `[a] ` (a cmark node every few bytes): refused, named",
            mustName: ["headings.md", "brackets.md"],
            make: { w in
                try w.write("headings.md", String(repeating: "# a\n", count: 1_000_000))
                try w.write("brackets.md", String(repeating: "[a] ", count: 1_000_000))
            }),
        // One file each, right under the budget: the worst a single guide may cost.
        HostileCase(
            name: "dense-headings-at-budget", about: "240,000 `# a` headings: 480,000 budget units",
            make: { w in try w.write("headings.md", String(repeating: "# a\n", count: 240_000)) }),
        HostileCase(
            name: "dense-brackets-at-budget", about: "480,000 `[a] ` bracket pairs: 480,000 budget units",
            make: { w in try w.write("brackets.md", String(repeating: "[a] ", count: 480_000)) }),
        HostileCase(
            name: "dense-lists-at-budget", about: "160,000 lines of `- - a`: 480,000 budget units",
            make: { w in try w.write("nested.md", String(repeating: "- - a\n", count: 160_000)) }),
        HostileCase(
            name: "over-size-limit", about: "a 65 MB file (sparse), over the loader's 64 MB limit",
            mustName: ["huge.md"], make: { w in try w.sparse("huge.md", size: 65 * 1024 * 1024) }),
        HostileCase(
            name: "long-lines", about: "a 4 MB paragraph line, a 2 MB heading, a 1 MB link target and custom id",
            make: { w in
                try w.write("line.md", "# Line\n\n" + String(repeating: "word ", count: 800_000) + "\n")
                try w.write("heading.md", "# " + String(repeating: "Heading ", count: 250_000) + "\n\ntext\n")
                try w.write(
                    "faq-heading.md", "# FAQ " + String(repeating: "faq ", count: 500_000) + "\n\n## Q?\n\nA.\n")
                try w.write(
                    "target.md",
                    "# Target\n\n[t](" + String(repeating: "a", count: 1_000_000) + ".md#x)\n\n## H {#"
                        + String(repeating: "i", count: 1_000_000) + "}\n")
            }),
    ]

    // MARK: - Front matter

    static let frontMatter: [HostileCase] = [
        HostileCase(
            name: "front-matter-malformed",
            about: "a flow sequence opened on line 3 and not closed (libyaml stops on line 4), a tab-indented key",
            mustName: ["malformed.md:4", "tabs.md"],
            make: { w in
                try w.write("malformed.md", "---\ntitle: ok\ntags: [a, b\nsummary: x\n---\n# Malformed\n")
                try w.write("tabs.md", "---\ntitle: a\n\tbad: b\n---\n# Tabs\n")
                try w.write("unclosed.md", "---\ntitle: never closed\n# Heading\n")
                try w.write("not-mapping.md", "---\n- a\n- b\n---\n# List\n")
            }),
        HostileCase(
            name: "front-matter-enormous", about: "200,000 lines of front matter (about 2 MB)",
            mustName: ["enormous.md:2"],
            make: { w in
                var yaml = "---\n"
                for i in 0..<200_000 { yaml += "k\(i): v\n" }
                try w.write("enormous.md", yaml + "---\n# Enormous\n")
            }),
        HostileCase(
            name: "front-matter-alias-bomb", about: "billion laughs: nine levels of nine aliases each",
            mustName: ["laughs.md:2"],
            make: { w in
                var yaml = "---\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                for level in 1...9 {
                    let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",")
                    yaml += "a\(level): &a\(level) [\(refs)]\n"
                }
                try w.write("laughs.md", yaml + "title: *a9\n---\n# Laughs\n")
            }),
        HostileCase(
            name: "front-matter-alias-within-cap", about: "16 aliases nested as deep as the cap allows",
            make: { w in
                var yaml = "---\na0: &a0 [x, y]\n"
                for level in 1...8 { yaml += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
                try w.write("aliases.md", yaml + "title: Within the cap\n---\n# Aliases\n")
            }),
        HostileCase(
            name: "front-matter-deep-nesting", about: "30,000 nested flow sequences, and deep block mappings",
            mustName: ["flow.md:2"],
            make: { w in
                try w.write(
                    "flow.md",
                    "---\ntitle: " + String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000)
                        + "\n---\n# Flow\n")
                var block = "---\n"
                for i in 0..<150 { block += String(repeating: " ", count: i) + "k:\n" }
                try w.write("block.md", block + "---\n# Block\n")
            }),
        HostileCase(
            name: "front-matter-odd-values", about: "a huge title, 1,000-item tags, YAML tags, anchors and odd types",
            make: { w in
                let tags = (0..<1000).map { "t\($0)" }.joined(separator: ", ")
                try w.write(
                    "odd.md",
                    "---\ntitle: \(String(repeating: "T", count: 60_000))\ntags: [\(tags)]\nreviewed: !!binary aGk=\nowner: {a: 1}\ntype: [faq]\naliases: !!set {a, b}\n---\n# Odd\n"
                )
            }),
    ]

    // MARK: - Injection through Markdown, raw HTML and front matter

    static let injection: [HostileCase] = [
        HostileCase(
            name: "script-injection", about: "script and handlers through raw HTML, headings, front matter, code info",
            make: { w in
                let p = payload
                try w.write(
                    "inject.md",
                    """
                    ---
                    title: </title><script>\(p)(1)</script>
                    summary: "\\"><svg onload=\(p)(2)>"
                    tags: ["<script>\(p)(3)</script>", "\\" onmouseover=\\"\(p)(4)"]
                    aliases: ["</script><script>\(p)(5)</script>"]
                    owner: <img src=x onerror=\(p)(6)>
                    ---
                    # Heading <script>\(p)(7)</script>

                    <script>\(p)(8)</script>

                    <div onclick="\(p)(9)">raw block</div>

                    Inline <img src=x onerror="\(p)(10)"> and <a href="javascript:\(p)(11)">a</a>.

                    <iframe src="https://example.com"></iframe><object data="x.swf"></object><embed src="x">

                    <style>body{background:url(javascript:\(p)(12))}</style>

                    ## FAQ

                    ### What about <script>\(p)(13)</script>?

                    <svg><script>\(p)(14)</script></svg>

                    ### Custom id {#x"onmouseover="\(p)(15)}

                    ```"><script>\(p)(16)</script>
                    code
                    ```

                    ![alt" onerror="\(p)(17)](image.png "title\\" onload=\\"\(p)(18)")

                    """)
            }),
        HostileCase(
            name: "dangerous-urls", about: "javascript:, vbscript: and data: URLs, plain and obfuscated",
            make: { w in
                let p = payload
                try w.write(
                    "urls.md",
                    """
                    # URLs

                    [plain](javascript:\(p)(20)) [upper](JaVaScRiPt:\(p)(21)) [vb](vbscript:\(p)(22))
                    [entity](&#106;avascript:\(p)(23)) [hex entity](java&#x73;cript:\(p)(24))
                    [named entity](javascript&colon;\(p)(25)) [tab entity](java&#9;script:\(p)(26))
                    [newline entity](java&#10;script:\(p)(27)) [leading space](<  javascript:\(p)(28)>)
                    [data html](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
                    [data upper](DATA:TEXT/HTML,<script>\(p)(29)</script>)
                    ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
                    <javascript:\(p)(30)> [ref][r] [percent](%6Aavascript:\(p)(31))

                    [r]: javascript:\(p)(32)

                    """)
            }),
    ]

    // MARK: - Paths out of the root

    static let paths: [HostileCase] = [
        HostileCase(
            name: "links-out-of-root", about: "links and images to ../../etc/passwd, /etc/passwd, file:///etc/passwd",
            make: { w in
                try w.write(
                    "escape.md",
                    """
                    # Escape

                    [up](../../etc/passwd) [abs](/etc/passwd) [file](file:///etc/passwd)
                    [outside](../outside/secret.md) [encoded](..%2F..%2Fetc%2Fpasswd) [win](..\\..\\etc\\passwd)
                    ![img](../../../../etc/passwd) ![abs img](/etc/hostname) ![outside](../outside/secret.md)
                    [deep](sub/../../../../../../etc/passwd#x) [scheme-relative](//etc/passwd)

                    """)
            }),
        HostileCase(
            name: "symlinks", about: "symlink loops, a dangling link, links to a file and a folder outside the root",
            mustName: ["leak.md"],
            make: { w in
                try w.symlink("loop-a.md", to: "loop-b.md")
                try w.symlink("loop-b.md", to: "loop-a.md")
                try w.symlink("self.md", to: "self.md")
                try w.symlink("dangling.md", to: "missing.md")
                try w.symlink("leak.md", to: w.outside + "/secret.md")
                try w.symlink("relative-leak.md", to: "../outside/secret.md")
                try w.symlink("outside-folder", to: w.outside)
                try w.mkdir("sub")
                try w.symlink("sub/parent-loop", to: "..")
                try w.symlink("inside.md", to: "normal.md")
            }),
    ]

    // MARK: - File names

    static let names: [HostileCase] = [
        HostileCase(
            name: "unicode-names", about: "accented, CJK, emoji, RTL and combining-mark file names",
            make: { w in
                try w.write("café.md", "# Café\n\nmarker-nfc\n")
                try w.write("日本語.md", "# 日本語\n\nmarker-cjk\n")
                try w.write("🔑 keys.md", "# Keys\n\nmarker-emoji\n")
                try w.write("\u{202E}dm.exe.md", "# RTL\n\nmarker-rtl\n")
            }),
        HostileCase(
            name: "colliding-names",
            about: "names that may map to one page: case, NFC/NFD, spaces, the site's own pages, a/b vs a-b",
            distinctPages: [
                "marker-upper", "marker-lower", "marker-nfc", "marker-nfd", "marker-space", "marker-dash",
                "marker-folder", "marker-flat", "marker-index", "marker-search",
            ],
            make: { w in
                try w.write("Guide.md", "# Upper\n\nmarker-upper\n")
                try w.write("guide.md", "# Lower\n\nmarker-lower\n")
                try w.write("caf\u{E9}.md", "# NFC\n\nmarker-nfc\n")
                try w.write("cafe\u{301}.md", "# NFD\n\nmarker-nfd\n")
                try w.write("a b.md", "# Space\n\nmarker-space\n")
                try w.write("a-b.md", "# Dash\n\nmarker-dash\n")
                try w.write("x/y.md", "# Folder\n\nmarker-folder\n")
                try w.write("x-y.md", "# Flat\n\nmarker-flat\n")
                try w.write("index.md", "# Index guide\n\nmarker-index\n")
                try w.write("search.md", "# Search guide\n\nmarker-search\n")
            }),
        HostileCase(
            name: "hostile-names", about: "names holding markup, quotes, a newline, backslashes, 250 bytes, non-UTF-8",
            make: { w in
                let p = payload
                try w.write("\"><script>\(p)(40)<\\script>.md", "# Markup name\n")
                try w.write("it's & <b>.md", "# Quotes\n")
                try w.write("new\nline.md", "# Newline\n")
                try w.write("back\\slash.md", "# Backslash\n")
                try w.write(String(repeating: "n", count: 247) + ".md", "# Long name\n")
                try w.write("..md", "# Dot dot\n")
                try w.write("javascript:\(p)(41).md", "# Scheme name\n")
                try w.write(rawName: Array("latin1-".utf8) + [0xE9] + Array(".md".utf8), "# Latin-1 name\n")
            }),
        HostileCase(
            name: "control-names", about: "an ESC sequence and a bell in the name of a guide with an error",
            make: { w in
                // The error (no title) makes every command print the name, on stdout or stderr.
                try w.write("escape-\u{1B}[31m-bell-\u{07}.md", "Escape name, and no title.\n")
                try w.write("fine.md", "# Fine\n\nA guide.\n")
            }),
    ]

    // MARK: - Permissions (see `HostileInputTests.unreadableAsNobody` for the dropped-privilege run)

    static let permissions: [HostileCase] = [
        HostileCase(
            name: "chmod-000", about: "an unreadable file and folder: root reads them anyway, and must not crash",
            make: { w in
                try w.write("locked.md", "# Locked\n\nmarker-locked\n")
                try w.write("closed/inner.md", "# Inner\n\nmarker-inner\n")
                w.chmod("locked.md", 0)
                w.chmod("closed", 0)
            })
    ]
}
