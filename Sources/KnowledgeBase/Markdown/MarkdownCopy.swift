import CCmark
import Platform

/// A guide as plain Markdown for readers that want text (`page.md` beside `page.html`, listed
/// in `llms.txt`): front matter removed, the title as an H1 when the body has none, raw HTML
/// dropped as the site drops it, `{#id}` lists taken off headings, and every link and image
/// rewritten by the caller.
///
/// The guide is parsed again with cmark and written back with cmark's CommonMark renderer
/// rather than edited as text: a link's destination can sit in a reference definition, span
/// lines or hold brackets, and only the parser knows where it is. The model keeps no tree
/// (it is freed after loading), and the rewrite needs the whole site's plan, so the parse
/// happens here, once per guide, when the site is written.
public enum MarkdownCopy {
    /// `rewrite(url, isImage)` gives the new destination, or nil to keep only the link's text
    /// (an image's alt text); URLs cmark's safe mode would empty never reach it.
    public static func render(_ guide: Guide, rewrite: (String, Bool) -> String?) -> [UInt8] {
        let text = SourceText(bytes: Array(guide.source.utf8))
        var input = text.bytes
        if let located = FrontMatter.locate(in: text) { input.removeSubrange(located.blank) }
        let root: OpaquePointer? = input.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }

        // Nodes first, changes after: cmark's iterator must not walk a tree being rearranged.
        var nodes: [OpaquePointer] = []
        if let iter = cmark_iter_new(root) {
            while true {
                let event = cmark_iter_next(iter)
                if event == CMARK_EVENT_DONE { break }
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) { nodes.append(node) }
            }
            cmark_iter_free(iter)
        }
        var hasTitle = false
        for node in nodes {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
                let url = CmarkNode.url(node)
                if Link.dangerousScheme(url) == nil, let url = rewrite(url, isImage) {
                    _ = cmark_node_set_url(node, url)
                } else {
                    unwrap(node)
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                cmark_node_unlink(node)
                cmark_node_free(node)
            case CMARK_NODE_HEADING:
                if cmark_node_get_heading_level(node) == 1 { hasTitle = true }
                if let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT,
                    let custom = AnchorSlugger.customID(in: CmarkNode.literal(last))
                {
                    _ = cmark_node_set_literal(last, custom.text)
                }
            default:
                break
            }
        }
        var out: [UInt8] = []
        if !hasTitle {
            out.append(contentsOf: Array("# ".utf8))
            out.append(contentsOf: escapeLine(guide.title))
            out.append(contentsOf: [0x0A, 0x0A])
        }
        renderBlocks(of: root, to: &out)
        return out
    }

    /// Items per rendered piece of a long ordered list (see `renderBlocks`).
    static let orderedListPiece = 256

    /// cmark's CommonMark renderer numbers an ordered item by walking back over every item
    /// before it, which is quadratic: a 100,000-step list took minutes. So the document is
    /// written block by block (cmark separates top-level blocks by one blank line, as here), and
    /// a long top-level ordered list is written in pieces of `orderedListPiece` items, each
    /// moved into a list of its own that starts at the right number. The pieces join into the
    /// same text the whole list gives (a loose list keeps its blank lines between pieces).
    private static func renderBlocks(of root: OpaquePointer, to out: inout [UInt8]) {
        var block = cmark_node_first_child(root)
        var first = true
        while let node = block {
            block = cmark_node_next(node)
            if !first { out.append(0x0A) }
            first = false
            guard cmark_node_get_type(node) == CMARK_NODE_LIST, cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            else {
                append(rendering: node, to: &out)
                continue
            }
            let tight = cmark_node_get_list_tight(node) != 0
            var number = cmark_node_get_list_start(node)
            var remaining = 0
            var item = cmark_node_first_child(node)
            while let it = item {
                remaining += 1
                item = cmark_node_next(it)
            }
            // Every piece but the last moves out; the last stays in the list, which cmark then
            // writes with its neighbours in view (a following list or code block needs a marker).
            while remaining > orderedListPiece {
                guard let piece = cmark_node_new(CMARK_NODE_LIST) else { break }
                _ = cmark_node_set_list_type(piece, CMARK_ORDERED_LIST)
                _ = cmark_node_set_list_delim(piece, cmark_node_get_list_delim(node))
                _ = cmark_node_set_list_tight(piece, tight ? 1 : 0)
                _ = cmark_node_set_list_start(piece, number)
                for _ in 0..<orderedListPiece {
                    guard let item = cmark_node_first_child(node) else { break }
                    _ = cmark_node_append_child(piece, item)
                }
                append(rendering: piece, to: &out)
                if !tight { out.append(0x0A) }
                cmark_node_free(piece)
                number += Int32(orderedListPiece)
                remaining -= orderedListPiece
            }
            _ = cmark_node_set_list_start(node, number)
            append(rendering: node, to: &out)
        }
    }

    private static func append(rendering node: OpaquePointer, to out: inout [UInt8]) {
        if let rendered = cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0) {
            CmarkNode.appendCString(rendered, to: &out)
            free(rendered)
        }
    }

    /// Puts a node's children where it stood and removes it (a link that leads nowhere keeps
    /// its text). Children move, so their pointers stay valid for the rest of the pass.
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            _ = cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// One line of text as Markdown inline text: line breaks become spaces and the characters
    /// that start markup (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `#`, `!`) are escaped.
    public static func escapeLine(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        for b in s.utf8 {
            switch b {
            case 0x0A, 0x0D, 0x09: out.append(0x20)
            case 0x00..<0x20, 0x7F: continue
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "!"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            default: out.append(b)
            }
        }
        return out
    }
}
