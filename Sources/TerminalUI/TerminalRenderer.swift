import CCmark
import Platform

/// Renders Markdown for a terminal from libcmark's tree: headings in bold, lists with hanging
/// indents, code blocks indented and left unwrapped, links as their text followed by the URL,
/// block quotes behind a bar; paragraphs wrapped to `width` by display width.
///
/// With `color` false the output is plain text with no escape codes at all, which is what a
/// pipe or `NO_COLOR` gets.
public struct TerminalRenderer: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = max(20, width)
        self.color = color
    }

    /// SGR codes for the styles used.
    public enum Style: String, Sendable {
        case bold = "1"
        case dim = "2"
        case italic = "3"
        case underline = "4"
        case code = "36"
        case link = "34"
        case heading = "1;4"
    }

    public func styled(_ text: String, _ style: Style) -> String {
        let text = TerminalText.safe(text)
        return color ? "\u{1B}[\(style.rawValue)m" + text + "\u{1B}[0m" : text
    }

    /// The rendered text, lines joined with `\n`, ending without a blank line.
    public func render(markdown: String) -> String {
        var bytes = Array(markdown.utf8)
        if bytes.isEmpty { return "" }
        let root: OpaquePointer? = bytes.withUnsafeMutableBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else { return markdown }
        defer { cmark_node_free(root) }
        var lines: [String] = []
        renderBlocks(root, prefix: "", restPrefix: "", into: &lines)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    // MARK: Blocks

    private func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    private func literal(_ node: OpaquePointer) -> String {
        TerminalText.safe(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
    }

    /// Renders the children of `node` as blocks separated by blank lines; the first line
    /// starts with `prefix`, later lines with `restPrefix` (a hanging indent).
    private func renderBlocks(
        _ node: OpaquePointer, prefix: String, restPrefix: String, into lines: inout [String]
    ) {
        var first = true
        for child in children(node) {
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_HTML_BLOCK { continue }
            if !first { lines.append(trimmedRight(restPrefix)) }
            renderBlock(child, prefix: first ? prefix : restPrefix, restPrefix: restPrefix, into: &lines)
            first = false
        }
        if first && prefix != restPrefix { lines.append(trimmedRight(prefix)) }
    }

    private func renderBlock(
        _ node: OpaquePointer, prefix: String, restPrefix: String, into lines: inout [String]
    ) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            wrap(inlineWords(node), prefix: prefix, restPrefix: restPrefix, into: &lines)
        case CMARK_NODE_HEADING:
            let words = inlineWords(node).map { word in
                word.map { Piece(text: $0.text, styles: [.bold] + $0.styles) }
            }
            wrap(words, prefix: prefix, restPrefix: restPrefix, into: &lines)
        case CMARK_NODE_CODE_BLOCK:
            var code = literal(node)
            if code.hasSuffix("\n") { code.removeLast() }
            var p = prefix
            for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(p + "    " + (line.isEmpty ? "" : styled(String(line), .code)))
                p = restPrefix
            }
        case CMARK_NODE_BLOCK_QUOTE:
            let bar = color ? styled("│", .dim) + " " : "│ "
            renderBlocks(node, prefix: prefix + bar, restPrefix: restPrefix + bar, into: &lines)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var number = Int(cmark_node_get_list_start(node))
            let tight = cmark_node_get_list_tight(node) != 0
            let items = children(node)
            let markerWidth = ordered ? String(number + items.count - 1).count + 2 : 2
            var p = prefix
            for (i, item) in items.enumerated() {
                if i > 0 && !tight { lines.append(trimmedRight(restPrefix)) }
                var marker = ordered ? "\(number)." : "•"
                marker += String(repeating: " ", count: max(1, markerWidth - DisplayWidth.of(marker)))
                let hanging = restPrefix + String(repeating: " ", count: markerWidth)
                var itemLines: [String] = []
                renderBlocks(item, prefix: p + marker, restPrefix: hanging, into: &itemLines)
                if tight { itemLines = itemLines.filter { !$0.trimmingSpaces.isEmpty } }
                lines += itemLines
                number += 1
                p = restPrefix
            }
        case CMARK_NODE_THEMATIC_BREAK:
            lines.append(prefix + String(repeating: "─", count: min(40, width - DisplayWidth.of(prefix))))
        default:
            // Anything else (custom blocks): its plain text.
            wrap(inlineWords(node), prefix: prefix, restPrefix: restPrefix, into: &lines)
        }
    }

    private func trimmedRight(_ s: String) -> String {
        var s = s
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    // MARK: Inlines

    struct Piece {
        var text: String
        var styles: [Style]
    }

    /// A word: pieces with no space between them. An empty word marks a hard line break.
    typealias Word = [Piece]

    private func inlineWords(_ node: OpaquePointer) -> [Word] {
        var words: [Word] = []
        var current: Word = []
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = []
        }
        func add(_ text: String, _ styles: [Style]) {
            var piece = ""
            for ch in text {
                if ch == " " || ch == "\n" || ch == "\t" {
                    if !piece.isEmpty { current.append(Piece(text: piece, styles: styles)) }
                    piece = ""
                    flush()
                } else {
                    piece.append(ch)
                }
            }
            if !piece.isEmpty { current.append(Piece(text: piece, styles: styles)) }
        }
        func walk(_ node: OpaquePointer, _ styles: [Style]) {
            for child in children(node) {
                switch cmark_node_get_type(child) {
                case CMARK_NODE_TEXT: add(literal(child), styles)
                case CMARK_NODE_CODE: add(literal(child), styles + [.code])
                case CMARK_NODE_SOFTBREAK: flush()
                case CMARK_NODE_LINEBREAK:
                    flush()
                    words.append([])
                case CMARK_NODE_EMPH: walk(child, styles + [.italic])
                case CMARK_NODE_STRONG: walk(child, styles + [.bold])
                case CMARK_NODE_LINK:
                    let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
                    let before = words.count
                    walk(child, styles)
                    let text = (words[before...].flatMap { $0 } + current).map(\.text).joined(separator: " ")
                    if !url.isEmpty && text != url && "mailto:" + text != url && !url.hasPrefix("#") {
                        flush()
                        current.append(Piece(text: "(", styles: styles))
                        current.append(Piece(text: url, styles: styles + [.link]))
                        current.append(Piece(text: ")", styles: styles))
                    }
                case CMARK_NODE_IMAGE:
                    let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
                    add("[image:", styles)
                    walk(child, styles)
                    current.append(Piece(text: "]", styles: styles))
                    if !url.isEmpty {
                        flush()
                        add("(" + url + ")", styles + [.link])
                    }
                case CMARK_NODE_HTML_INLINE: continue
                default: walk(child, styles)
                }
            }
        }
        walk(node, [])
        flush()
        return words
    }

    private func render(_ word: Word) -> String {
        var out = ""
        for piece in word {
            if color && !piece.styles.isEmpty {
                out +=
                    "\u{1B}[" + piece.styles.map(\.rawValue).joined(separator: ";") + "m" + piece.text
                    + "\u{1B}[0m"
            } else {
                out += piece.text
            }
        }
        return out
    }

    private func width(_ word: Word) -> Int {
        word.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    /// Greedy wrapping by display width; a word longer than the line gets a line of its own.
    private func wrap(_ words: [Word], prefix: String, restPrefix: String, into lines: inout [String]) {
        var line = prefix
        var lineWidth = DisplayWidth.of(prefix)
        var empty = true
        let restWidth = DisplayWidth.of(restPrefix)
        for word in words {
            if word.isEmpty {  // hard break
                lines.append(line)
                line = restPrefix
                lineWidth = restWidth
                empty = true
                continue
            }
            let w = width(word)
            if !empty && lineWidth + 1 + w > width {
                lines.append(line)
                line = restPrefix
                lineWidth = restWidth
                empty = true
            }
            if !empty {
                line += " "
                lineWidth += 1
            }
            line += render(word)
            lineWidth += w
            empty = false
        }
        lines.append(empty ? trimmedRight(line) : line)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
