import CCmark

/// One pass over a cmark tree that fills a `Guide`: headings become sections with anchors,
/// ordered lists procedures, links, code and raw HTML are recorded with their lines, and FAQ
/// entries are cut from the top-level blocks between question headings.
struct TreeWalk {
    let text: SourceText
    var guide: Guide
    let renderHTML: Bool

    private var slugger = AnchorSlugger()
    /// Plain text gathered per section; index 0 is the text before the first heading.
    private var sectionText: [[UInt8]] = [[]]
    private var headingNodes: [OpaquePointer] = []
    private var sectionEndLines: [Int] = []

    init(text: SourceText, guide: Guide, renderHTML: Bool) {
        self.text = text
        self.guide = guide
        self.renderHTML = renderHTML
    }

    mutating func run(_ root: OpaquePointer) {
        walk(root)
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
                case CMARK_NODE_HEADING: headingDepth -= 1
                case CMARK_NODE_LIST where cmark_node_get_list_type(node) == CMARK_ORDERED_LIST:
                    orderedListDepth -= 1
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE:
                    appendText(0x0A)
                default: break
                }
                continue
            }
            switch type {
            case CMARK_NODE_HEADING:
                addSection(node)
                headingDepth += 1
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
        if let custom = AnchorSlugger.customID(in: heading) {
            heading = custom.text
            anchor = slugger.claim(custom.id)
            stripCustomID(from: node)
        } else {
            anchor = slugger.anchor(for: heading)
        }
        guide.sections.append(
            Section(
                heading: heading, level: Int(cmark_node_get_heading_level(node)), anchor: anchor,
                line: CmarkNode.line(node), body: "", text: ""))
        sectionEndLines.append(CmarkNode.endLine(node))
        headingNodes.append(node)
        sectionText.append([])
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
            let first = sectionEndLines[i] + 1
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
                cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH
            {
                let text = CmarkNode.plainText(node)
                if !text.isEmpty { return text }
            }
        }
    }

    // MARK: - FAQ entries

    private mutating func buildFAQs(_ blocks: [OpaquePointer]) {
        // Top-level headings: (index in blocks, index in sections).
        var headingAt: [Int: Int] = [:]
        for (s, node) in headingNodes.enumerated() { headingAt[Int(bitPattern: UnsafeRawPointer(node))] = s }
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
            let answerBlocks = blocks[(block + 1)..<end]
            var answerText: [UInt8] = []
            for node in answerBlocks { CmarkNode.appendPlainText(node, to: &answerText) }
            guide.faqs.append(
                FAQEntry(
                    question: section.heading,
                    answer: text.text(lines: sectionEndLines[sectionIndex] + 1, through: endLine),
                    answerHTML: answerBlocks.map(blockHTML).joined(),
                    answerText: GuideText.string(answerText),
                    anchor: section.anchor, line: section.line, level: section.level, tags: guide.tags))
        }
    }

    private var isFAQPage: Bool {
        if guide.type == "faq" { return true }
        let words = TreeWalk.words(guide.title)
        return words.contains("faq") || words.contains("faqs")
            || TreeWalk.contains(words, ["frequently", "asked", "questions"])
    }

    /// "FAQ", "FAQs", "Frequently asked questions", "Frequently Asked Questions (FAQ)".
    static func isFAQHeading(_ heading: String) -> Bool {
        let words = TreeWalk.words(heading)
        if words == ["faq"] || words == ["faqs"] { return true }
        return words.starts(with: ["frequently", "asked", "questions"]) && words.count <= 4
    }

    /// Lowercased words of ASCII letters (other bytes of 0x80 and up count as letters), split on
    /// bytes: this runs for every heading of every guide, where `Character.isLetter` is costly.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(b + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...: current.append(b)
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start..<start + phrase.count].elementsEqual(phrase) {
            return true
        }
        return false
    }

    // MARK: - HTML

    /// One block's HTML; headings carry their anchors as ids, raw HTML is dropped (cmark's
    /// safe mode would leave an "omitted" comment in its place).
    private func blockHTML(_ node: OpaquePointer) -> String {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_HTML_BLOCK { return "" }
        var html = CmarkNode.html(node)
        if type == CMARK_NODE_HEADING, let s = headingNodes.firstIndex(of: node) {
            let level = guide.sections[s].level
            let open = "<h\(level)>"
            if html.hasPrefix(open) {
                html = "<h\(level) id=\"\(HTMLText.escapeAttribute(guide.sections[s].anchor))\">"
                    + html.dropFirst(open.utf8.count)
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
        let count = bytes.count
        guard count > 0 else { return "" }
        return bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: count) { out in
                var n = 0
                var pending: UInt8 = 0  // 0 none, 0x20 space, 0x0A newline
                for b in input {
                    if b == 0x0A {
                        pending = 0x0A
                    } else if b == 0x20 || b == 0x09 || b == 0x0D {
                        if pending == 0 { pending = 0x20 }
                    } else {
                        if pending != 0 && n > 0 {
                            out[n] = pending
                            n += 1
                        }
                        pending = 0
                        out[n] = b
                        n += 1
                    }
                }
                return n
            }
        }
    }
}
