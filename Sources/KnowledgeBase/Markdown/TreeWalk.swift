import CCmark

/// One pass over a cmark tree that fills a `Guide`: headings become sections with anchors,
/// ordered lists procedures, links, code and raw HTML are recorded with their lines, and FAQ
/// entries are cut from the top-level blocks between question headings.
struct TreeWalk {
    let text: SourceText
    var guide: Guide
    let renderHTML: Bool
    /// Whether to record `guide.inlineRuns` on the way.
    let recordsInlineRuns: Bool
    private var inlineRuns = InlineRuns()

    private var slugger = AnchorSlugger()
    /// Plain text gathered per section; index 0 is the text before the first heading.
    private var sectionText: [[UInt8]] = [[]]
    private var headingNodes: [OpaquePointer] = []
    /// Index in `guide.sections` of each heading node, by the node's address: a lookup per
    /// block, not a search, so 100,000 headings cost no more than 100,000 lookups.
    private var sectionIndexByNode: [Int: Int] = [:]
    private var sectionEndLines: [Int] = []
    /// The last line of each section's `Also asked as:` paragraph (0 when it has none): its
    /// body and answer start after it.
    private var aliasEndLines: [Int] = []
    /// The `Also asked as:` paragraphs, by address: left out of FAQ answers.
    private var aliasParagraphs: Set<Int> = []

    init(text: SourceText, guide: Guide, renderHTML: Bool, inlineRuns: Bool = false) {
        self.text = text
        self.guide = guide
        self.renderHTML = renderHTML
        self.recordsInlineRuns = inlineRuns
    }

    mutating func run(_ root: OpaquePointer) {
        walk(root)
        if recordsInlineRuns { guide.inlineRuns = inlineRuns }
        finishSections()
        let blocks = topLevelBlocks(root)
        resolveTitle(blocks)
        if guide.summary.isEmpty { guide.summary = firstParagraph(root) }
        buildFAQs(blocks)
        if renderHTML { guide.html = renderBody(blocks) }
    }

    // MARK: - The walk

    private mutating func walk(_ root: OpaquePointer) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        var headingDepth = 0
        var orderedListDepth = 0
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                switch type {
                case CMARK_NODE_HEADING:
                    headingDepth -= 1
                    if recordsInlineRuns { inlineRuns.events.append(.blockEnd) }
                case CMARK_NODE_LIST where cmark_node_get_list_type(node) == CMARK_ORDERED_LIST:
                    orderedListDepth -= 1
                case CMARK_NODE_PARAGRAPH:
                    appendText(0x0A)
                    if recordsInlineRuns { inlineRuns.events.append(.blockEnd) }
                case CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE:
                    appendText(0x0A)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if recordsInlineRuns { inlineRuns.events.append(.skip(to: endOffset(node))) }
                default: break
                }
                continue
            }
            if recordsInlineRuns { recordInlineRun(node, type: type) }
            switch type {
            case CMARK_NODE_HEADING:
                addSection(node)
                headingDepth += 1
            case CMARK_NODE_PARAGRAPH where readAlsoAskedAs(node):
                // Its words are the section's aliases, not its text: skip the inlines.
                cmark_iter_reset(iter, node, CMARK_EVENT_EXIT)
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if headingDepth == 0, let p = cmark_node_get_literal(node) { appendText(p) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if headingDepth == 0 { appendText(0x20) }
            case CMARK_NODE_CODE_BLOCK:
                let literal = CmarkNode.literal(node)
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                let line = CmarkNode.line(node)
                guide.codeBlocks.append(
                    CodeBlock(
                        language: String(info.split(separator: " ").first ?? ""), code: literal,
                        line: line, isFenced: isFence(line: line)))
                if let p = cmark_node_get_literal(node) { appendText(p) }
                appendText(0x0A)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                guide.rawHTML.append(
                    RawHTML(
                        html: CmarkNode.literal(node), line: CmarkNode.line(node),
                        isBlock: type == CMARK_NODE_HTML_BLOCK))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guide.links.append(
                    Link(
                        target: CmarkNode.url(node), text: CmarkNode.plainText(node),
                        line: CmarkNode.line(node), isImage: type == CMARK_NODE_IMAGE))
            case CMARK_NODE_LIST where cmark_node_get_list_type(node) == CMARK_ORDERED_LIST:
                if orderedListDepth == 0 { addProcedure(node) }
                orderedListDepth += 1
            default:
                break
            }
        }
    }

    // MARK: - Inline runs

    /// Records what `InlineRuns` keeps of an entered node: block starts, literals, breaks and
    /// inline HTML (exits are recorded in `walk`). Runs after `addSection`, so a heading's
    /// literal is without its `{#id}` (as the reader sees it; the file scan still covers it).
    private mutating func recordInlineRun(_ node: OpaquePointer, type: cmark_node_type) {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            inlineRuns.events.append(
                .blockStart(offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))))
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            guard let literal = cmark_node_get_literal(node) else { return }
            let line = cmark_node_get_start_line(node)
            // cmark gives a lazy continuation line (`> a` then `b`) its container's indent as
            // column: where the node's first bytes are not at its column, the run starts at
            // the line's start instead.
            var start = offset(line: line, column: cmark_node_get_start_column(node))
            if !startsAt(literal, start) { start = offset(line: line, column: 1) }
            let first = inlineRuns.literals.count
            CmarkNode.appendCString(literal, to: &inlineRuns.literals)
            inlineRuns.events.append(
                .literal(bytes: first..<inlineRuns.literals.count, start: start, isCode: type == CMARK_NODE_CODE))
        case CMARK_NODE_SOFTBREAK:
            inlineRuns.events.append(.softBreak)
        case CMARK_NODE_LINEBREAK:
            inlineRuns.events.append(.lineBreak)
        case CMARK_NODE_HTML_INLINE:
            inlineRuns.events.append(.skip(to: endOffset(node)))
        default:
            break
        }
    }

    /// The source offset of a 1-based line and byte column, clamped to the file.
    private func offset(line: Int32, column: Int32) -> Int {
        let count = text.bytes.count
        guard line >= 1, Int(line) <= text.lineStarts.count else { return count }
        return min(count, text.lineStarts[Int(line) - 1] + max(0, Int(column) - 1))
    }

    /// The source offset just past a node's last byte, clamped to the file.
    private func endOffset(_ node: OpaquePointer) -> Int {
        min(offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node)) + 1, text.bytes.count)
    }

    /// True when the first bytes of `literal` (up to 8) are at `offset` as written.
    private func startsAt(_ literal: UnsafePointer<CChar>, _ offset: Int) -> Bool {
        let bytes = text.bytes
        var k = 0
        while k < 8 {
            let c = UInt8(bitPattern: literal[k])
            if c == 0 { return true }
            guard offset + k < bytes.count, bytes[offset + k] == c else { return false }
            k += 1
        }
        return true
    }

    private mutating func appendText(_ p: UnsafePointer<CChar>) {
        CmarkNode.appendCString(p, to: &sectionText[sectionText.count - 1])
    }

    private mutating func appendText(_ byte: UInt8) {
        sectionText[sectionText.count - 1].append(byte)
    }

    private func isFence(line: Int) -> Bool {
        var bytes = text.bytes[text.range(ofLine: line)][...]
        var spaces = 0
        while let f = bytes.first, f == 0x20, spaces < 4 {
            bytes = bytes.dropFirst()
            spaces += 1
        }
        guard spaces < 4, bytes.count >= 3 else { return false }
        let fence = bytes.first!
        return (fence == UInt8(ascii: "`") || fence == UInt8(ascii: "~")) && bytes.prefix(3).allSatisfy { $0 == fence }
    }

    // MARK: - Sections

    private mutating func addSection(_ node: OpaquePointer) {
        var heading = CmarkNode.plainText(node)
        let anchor: String
        var oldAnchors: [String] = []
        if let custom = AnchorSlugger.customID(in: heading) {
            heading = custom.text
            anchor = slugger.claim(custom.id)
            oldAnchors = custom.oldIDs.filter { slugger.claimExactly($0) }
            stripCustomID(from: node)
        } else {
            anchor = slugger.anchor(for: heading)
        }
        guide.sections.append(
            Section(
                heading: heading, level: Int(cmark_node_get_heading_level(node)), anchor: anchor,
                line: CmarkNode.line(node), body: "", text: ""))
        guide.sections[guide.sections.count - 1].oldAnchors = oldAnchors
        sectionEndLines.append(CmarkNode.endLine(node))
        aliasEndLines.append(0)
        sectionIndexByNode[Int(bitPattern: UnsafeRawPointer(node))] = headingNodes.count
        headingNodes.append(node)
        sectionText.append([])
    }

    /// Records `paragraph` as the aliases of the section above it when it is an `Also asked
    /// as:` paragraph right under a heading below the title; returns whether it was.
    private mutating func readAlsoAskedAs(_ paragraph: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(paragraph), let last = headingNodes.last, previous == last,
            guide.sections[guide.sections.count - 1].level > 1,
            let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(first),
            AlsoAskedAs.opensWithLabel(literal),
            let phrases = AlsoAskedAs.phrases(in: CmarkNode.plainText(paragraph))
        else { return false }
        let index = guide.sections.count - 1
        guide.sections[index].aliases = phrases
        guide.sections[index].aliasesLine = CmarkNode.line(paragraph)
        aliasEndLines[index] = CmarkNode.endLine(paragraph)
        aliasParagraphs.insert(Int(bitPattern: UnsafeRawPointer(paragraph)))
        return true
    }

    /// Removes a trailing `{#id}` from the heading's last text node, so the page shows the
    /// heading without it.
    private func stripCustomID(from heading: OpaquePointer) {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else {
            return
        }
        let literal = CmarkNode.literal(last)
        if let custom = AnchorSlugger.customID(in: literal) {
            _ = cmark_node_set_literal(last, custom.text)
        }
    }

    private mutating func finishSections() {
        guide.leadText = GuideText.string(sectionText[0])
        for i in guide.sections.indices {
            let first = max(sectionEndLines[i], aliasEndLines[i]) + 1
            let last = i + 1 < guide.sections.count ? guide.sections[i + 1].line - 1 : text.lineCount
            guide.sections[i].body = first <= last ? text.text(lines: first, through: last) : ""
            guide.sections[i].text = GuideText.string(sectionText[i + 1])
        }
    }

    // MARK: - Procedures

    private mutating func addProcedure(_ list: OpaquePointer) {
        var steps: [Procedure.Step] = []
        var item = cmark_node_first_child(list)
        while let current = item {
            steps.append(Procedure.Step(text: CmarkNode.plainText(current), line: CmarkNode.line(current)))
            item = cmark_node_next(current)
        }
        let section = guide.sections.last
        guide.procedures.append(
            Procedure(heading: section?.heading, anchor: section?.anchor, line: CmarkNode.line(list), steps: steps))
    }

    // MARK: - Title and summary

    private func topLevelBlocks(_ root: OpaquePointer) -> [OpaquePointer] {
        var blocks: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while let current = child {
            blocks.append(current)
            child = cmark_node_next(current)
        }
        return blocks
    }

    /// The index in `guide.sections` of the H1 the title came from, when it did.
    private var titleSectionIndex: Int?

    private mutating func resolveTitle(_ blocks: [OpaquePointer]) {
        let firstH1 = guide.sections.firstIndex { $0.level == 1 }
        if guide.titleSource != .frontMatter {
            if let firstH1 {
                guide.title = guide.sections[firstH1].heading
                guide.titleLine = guide.sections[firstH1].line
                guide.titleSource = .heading
            } else {
                let name = guide.path.split(separator: "/").last.map(String.init) ?? guide.path
                guide.title = Guide.slug(forPath: name)
                guide.titleSource = .fileName
            }
        }
        // The H1 that opens the page is its title, shown by the page itself, whichever
        // source the title text came from.
        if let firstH1, let firstHeading = blocks.firstIndex(where: { cmark_node_get_type($0) == CMARK_NODE_HEADING }),
            blocks[firstHeading] == headingNodes[firstH1]
        {
            titleSectionIndex = firstH1
        }
    }

    private func firstParagraph(_ root: OpaquePointer) -> String {
        guard let iter = cmark_iter_new(root) else { return "" }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { return "" }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                !aliasParagraphs.contains(Int(bitPattern: UnsafeRawPointer(node)))
            {
                let text = CmarkNode.plainText(node)
                if !text.isEmpty { return text }
            }
        }
    }

    // MARK: - FAQ entries

    private mutating func buildFAQs(_ blocks: [OpaquePointer]) {
        // Top-level headings: (index in blocks, index in sections).
        let headingAt = sectionIndexByNode
        var topHeadings: [(block: Int, section: Int)] = []
        for (b, node) in blocks.enumerated() {
            if let s = headingAt[Int(bitPattern: UnsafeRawPointer(node))] { topHeadings.append((b, s)) }
        }

        var questions: [Int] = []  // positions in topHeadings
        if isFAQPage {
            let titleLevel = titleSectionIndex.map { guide.sections[$0].level }
            let candidates = topHeadings.indices.filter { topHeadings[$0].section != titleSectionIndex }
            let questionLevel =
                titleLevel.map { $0 + 1 }
                ?? candidates.map { guide.sections[topHeadings[$0].section].level }.min() ?? 2
            questions = candidates.filter { guide.sections[topHeadings[$0].section].level == questionLevel }
        } else {
            var t = 0
            while t < topHeadings.count {
                let section = guide.sections[topHeadings[t].section]
                if TreeWalk.isFAQHeading(section.heading) {
                    var u = t + 1
                    while u < topHeadings.count, guide.sections[topHeadings[u].section].level > section.level {
                        if guide.sections[topHeadings[u].section].level == section.level + 1 { questions.append(u) }
                        u += 1
                    }
                    t = u
                } else {
                    t += 1
                }
            }
        }

        for q in questions {
            let (block, sectionIndex) = topHeadings[q]
            let section = guide.sections[sectionIndex]
            var end = blocks.count
            var endLine = text.lineCount
            for next in topHeadings[(q + 1)...] where guide.sections[next.section].level <= section.level {
                end = next.block
                endLine = guide.sections[next.section].line - 1
                break
            }
            var answerBlocks = blocks[(block + 1)..<end]
            if let f = answerBlocks.first, aliasParagraphs.contains(Int(bitPattern: UnsafeRawPointer(f))) {
                answerBlocks = answerBlocks.dropFirst()
            }
            var answerText: [UInt8] = []
            for node in answerBlocks { CmarkNode.appendPlainText(node, to: &answerText) }
            guide.faqs.append(
                FAQEntry(
                    question: section.heading,
                    answer: text.text(
                        lines: max(sectionEndLines[sectionIndex], aliasEndLines[sectionIndex]) + 1, through: endLine),
                    answerHTML: answerBlocks.map(blockHTML).joined(),
                    answerText: GuideText.string(answerText),
                    anchor: section.anchor, line: section.line, level: section.level, tags: guide.tags,
                    aliases: section.aliases, aliasesLine: section.aliasesLine))
        }
    }

    private var isFAQPage: Bool {
        if guide.type == "faq" { return true }
        var found = false
        var run = 0  // how many of "frequently asked questions" the last words matched
        let phrase = ["frequently", "asked", "questions"]
        TreeWalk.forEachWord(in: guide.title) { word in
            if word == "faq" || word == "faqs" {
                found = true
            } else if word == phrase[run] {
                run += 1
                if run == phrase.count { found = true }
            } else {
                run = word == phrase[0] ? 1 : 0
            }
            return !found
        }
        return found
    }

    /// "FAQ", "FAQs", "Frequently asked questions", "Frequently Asked Questions (FAQ)".
    static func isFAQHeading(_ heading: String) -> Bool {
        // Every accepted heading starts with "faq" or "frequently": skip the word split for the
        // rest (nearly all headings, and 100,000 of them in a hostile guide).
        guard let first = heading.utf8.first(where: { $0 >= 0x41 }), first | 0x20 == UInt8(ascii: "f") else {
            return false
        }
        var words: [String] = []
        // Five words are enough to say no: a huge heading costs no more than a short one.
        forEachWord(in: heading) { word in
            words.append(word)
            return words.count <= 4
        }
        if words == ["faq"] || words == ["faqs"] { return true }
        return words.starts(with: ["frequently", "asked", "questions"]) && words.count <= 4
    }

    static func containsWord(_ word: String, in text: String) -> Bool {
        var found = false
        forEachWord(in: text) { w in
            found = w == word
            return !found
        }
        return found
    }

    /// Calls `body` with each word of `text` (a run of letters and combining marks), lowercased,
    /// until it returns false. A word longer than `maximumWordLength` scalars is passed as ""
    /// (no keyword is that long), so a megabyte-long heading builds no megabyte-long strings.
    static func forEachWord(in text: String, _ body: (String) -> Bool) {
        let maximumWordLength = 40
        var word = String.UnicodeScalarView()
        var length = 0
        var ascii = true
        func flush() -> Bool {
            defer {
                word = String.UnicodeScalarView()
                length = 0
                ascii = true
            }
            guard length > 0 else { return true }
            if length > maximumWordLength { return body("") }
            let string = String(word)
            return body(ascii ? string : string.lowercased())
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isWordScalar: Bool
            if v < 0x80 {
                isWordScalar = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            } else {
                let p = scalar.properties
                isWordScalar =
                    p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
                    || p.generalCategory == .enclosingMark
            }
            if isWordScalar {
                length += 1
                if length <= maximumWordLength {
                    if v >= 0x41 && v <= 0x5A {
                        word.append(Unicode.Scalar(UInt8(v + 0x20)))
                    } else {
                        word.append(scalar)
                        if v >= 0x80 { ascii = false }
                    }
                }
            } else if !flush() {
                return
            }
        }
        _ = flush()
    }

    // MARK: - HTML

    /// One block's HTML; headings carry their anchors as ids, raw HTML is dropped (cmark's
    /// safe mode would leave an "omitted" comment in its place).
    private func blockHTML(_ node: OpaquePointer) -> String {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_HTML_BLOCK { return "" }
        var html = CmarkNode.html(node)
        if type == CMARK_NODE_HEADING, let s = sectionIndexByNode[Int(bitPattern: UnsafeRawPointer(node))] {
            let level = guide.sections[s].level
            let open = "<h\(level)>"
            if html.hasPrefix(open) {
                // Old anchors as empty spans at the start of the heading: a link to one scrolls
                // to the heading, and the site's rewriter knows `<span id="` is never cmark's.
                var tag = "<h\(level) id=\"\(HTMLText.escapeAttribute(guide.sections[s].anchor))\">"
                for old in guide.sections[s].oldAnchors {
                    tag += "<span id=\"\(HTMLText.escapeAttribute(old))\"></span>"
                }
                html = tag + html.dropFirst(open.utf8.count)
            }
        }
        return html
    }

    private func renderBody(_ blocks: [OpaquePointer]) -> String {
        var out = ""
        let titleNode = titleSectionIndex.map { headingNodes[$0] }
        for node in blocks where node != titleNode {
            out += blockHTML(node)
        }
        return out
    }
}

/// Plain text tidied for storage: runs of whitespace folded, ends trimmed.
enum GuideText {
    static func string(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var pendingSpace = false
            var pendingNewline = false
            var i = 0
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    pendingNewline = true
                    i += 1
                } else if b == 0x20 || b == 0x09 || b == 0x0D {
                    pendingSpace = true
                    i += 1
                } else {
                    if !out.isEmpty {
                        if pendingNewline { out.append(0x0A) } else if pendingSpace { out.append(0x20) }
                    }
                    pendingSpace = false
                    pendingNewline = false
                    // Copy the whole run of non-space bytes at once.
                    let start = i
                    while i < n, buf[i] != 0x0A, buf[i] != 0x20, buf[i] != 0x09, buf[i] != 0x0D { i += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i]))
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
