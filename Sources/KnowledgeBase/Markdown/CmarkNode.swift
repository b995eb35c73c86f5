import CCmark
import Platform

/// Small, allocation-light readers over cmark nodes. cmark's getters return strings owned by
/// the node: they are copied here and never freed; rendered strings are the caller's to free.
enum CmarkNode {
    static func type(_ node: OpaquePointer) -> cmark_node_type {
        cmark_node_get_type(node)
    }

    static func literal(_ node: OpaquePointer) -> String {
        guard let p = cmark_node_get_literal(node) else { return "" }
        return String(cString: p)
    }

    static func url(_ node: OpaquePointer) -> String {
        guard let p = cmark_node_get_url(node) else { return "" }
        return String(cString: p)
    }

    static func line(_ node: OpaquePointer) -> Int {
        Int(cmark_node_get_start_line(node))
    }

    static func endLine(_ node: OpaquePointer) -> Int {
        Int(cmark_node_get_end_line(node))
    }

    /// The plain text of a node's subtree: text and code literals, breaks as spaces, blocks
    /// separated by newlines.
    static func plainText(_ node: OpaquePointer) -> String {
        var out: [UInt8] = []
        appendPlainText(node, to: &out)
        while let last = out.last, last == 0x0A || last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendPlainText(_ node: OpaquePointer, to out: inout [UInt8]) {
        guard let iter = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let n = cmark_iter_get_node(iter) else { continue }
            let t = cmark_node_get_type(n)
            if event == CMARK_EVENT_ENTER {
                switch t {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let p = cmark_node_get_literal(n) { appendCString(p, to: &out) }
                    if t == CMARK_NODE_CODE_BLOCK { out.append(0x0A) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    out.append(0x20)
                default:
                    break
                }
            } else if t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING {
                out.append(0x0A)
            }
        }
    }

    static func appendCString(_ p: UnsafePointer<CChar>, to out: inout [UInt8]) {
        let n = strlen(p)
        p.withMemoryRebound(to: UInt8.self, capacity: n) { u in
            out.append(contentsOf: UnsafeBufferPointer(start: u, count: n))
        }
    }

    /// cmark's HTML for one node in safe mode: raw HTML is omitted and `javascript:`,
    /// `vbscript:`, `file:` and non-image `data:` URLs are emptied.
    static func html(_ node: OpaquePointer) -> String {
        guard let p = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(p) }
        return String(cString: p)
    }
}
