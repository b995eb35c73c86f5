/// Rewrites cmark's HTML for a page in one pass over its bytes: link and image URLs through
/// the `LinkResolver`, and a permalink after each heading that carries an id.
///
/// cmark's output is regular (it escapes `<` in text and, in safe mode, drops raw HTML), so
/// the only tags that start with `<a href="`, `<img src="` or `<hN id="` are the ones cmark
/// wrote itself, and `<span id="` only the old anchors the model adds to headings.
public struct BodyRewriter {
    public let resolver: LinkResolver
    /// The guide the HTML came from (its folder resolves relative links).
    public let guide: Int
    /// `../` prefixes from the page being written back to the site root.
    public let rootPrefix: String
    /// The page being written, root-relative: links into it keep only their `#fragment`.
    public let page: String
    /// Drop heading ids and permalinks: for answers shown on a page with other guides' content,
    /// where the same ids could repeat.
    public var keepHeadingIDs = true
    /// Local files the HTML refers to, root-relative, to copy into the site.
    public private(set) var assets: [String] = []

    public init(resolver: LinkResolver, guide: Int, page: String) {
        self.resolver = resolver
        self.guide = guide
        self.page = page
        self.rootPrefix = URLPath.rootPrefix(forPage: page)
    }

    public mutating func rewrite(_ html: String, into out: inout HTMLBuffer) {
        var html = html
        html.withUTF8 { rewrite(bytes: $0, into: &out) }
    }

    mutating func rewrite(bytes b: UnsafeBufferPointer<UInt8>, into out: inout HTMLBuffer) {
        let n = b.count
        var i = 0
        var copied = 0
        var openHeadingID: [UInt8]? = nil
        func flush(_ upTo: Int, _ out: inout HTMLBuffer) {
            if upTo > copied { out.raw(slice: b[copied..<upTo]) }
        }
        while i < n {
            guard b[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if matches(b, i, "<a href=\"") {
                let valueStart = i + 9
                guard let valueEnd = find(b, UInt8(ascii: "\""), from: valueStart) else { break }
                flush(i, &out)
                let url = decodeEntities(b, valueStart, valueEnd)
                out.raw("<a")
                if let href = link(url, isImage: false) {
                    out.raw(" href=\"")
                    out.text(href)
                    out.raw("\"")
                }
                i = valueEnd + 1
                copied = i
            } else if matches(b, i, "<img src=\"") {
                let valueStart = i + 10
                guard let valueEnd = find(b, UInt8(ascii: "\""), from: valueStart) else { break }
                flush(i, &out)
                let url = decodeEntities(b, valueStart, valueEnd)
                if let src = link(url, isImage: true) {
                    out.raw("<img src=\"")
                    out.text(src)
                    out.raw("\"")
                    i = valueEnd + 1
                    copied = i
                } else {
                    // No image to show: its alt text stands in (already escaped by cmark).
                    let tagEnd = find(b, UInt8(ascii: ">"), from: valueEnd) ?? (n - 1)
                    if let altStart = findSequence(b, " alt=\"", from: valueEnd, before: tagEnd),
                        let altEnd = find(b, UInt8(ascii: "\""), from: altStart + 6)
                    {
                        out.raw(slice: b[(altStart + 6)..<altEnd])
                    }
                    i = tagEnd + 1
                    copied = i
                }
            } else if i + 8 < n, b[i + 1] == UInt8(ascii: "h"), b[i + 2] >= UInt8(ascii: "1"),
                b[i + 2] <= UInt8(ascii: "6"),
                matches(b, i + 3, " id=\"")
            {
                let valueStart = i + 8
                guard let valueEnd = find(b, UInt8(ascii: "\""), from: valueStart) else { break }
                if keepHeadingIDs {
                    openHeadingID = Array(b[valueStart..<valueEnd])
                    i = valueEnd + 1
                } else {
                    flush(i + 3, &out)
                    i = valueEnd + 1
                    copied = i
                }
            } else if !keepHeadingIDs, matches(b, i, "<span id=\""),
                let close = findSequence(b, "</span>", from: i, before: n)
            {
                // A heading's old anchor (cmark writes no spans): dropped with the heading ids.
                flush(i, &out)
                i = close + 7
                copied = i
            } else if let id = openHeadingID, i + 4 < n, b[i + 1] == UInt8(ascii: "/"), b[i + 2] == UInt8(ascii: "h"),
                b[i + 3] >= UInt8(ascii: "1"), b[i + 3] <= UInt8(ascii: "6")
            {
                flush(i, &out)
                out.raw("<a class=\"permalink\" href=\"#")
                out.raw(bytes: id)
                out.raw("\" aria-label=\"Link to this section\">#</a>")
                openHeadingID = nil
                copied = i
                i += 1
            } else {
                i += 1
            }
        }
        flush(n, &out)
    }

    /// The href to write for `url`, or nil to drop the link.
    private mutating func link(_ url: String, isImage: Bool) -> String? {
        switch resolver.resolve(url, inGuide: guide, isImage: isImage) {
        case .external:
            return url
        case .none:
            return nil
        case .site(let path, let fragment):
            let hash = fragment.map { "#" + URLPath.encodeFragment($0) } ?? ""
            if path == page { return fragment == nil ? rootPrefix + URLPath.encode(path) : hash }
            return rootPrefix + URLPath.encode(path) + hash
        case .asset(let path, let fragment):
            assets.append(path)
            return rootPrefix + URLPath.encode(path) + (fragment.map { "#" + URLPath.encodeFragment($0) } ?? "")
        }
    }

    private func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard at + count <= b.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where b[at + k] != p[k] { return false }
        return true
    }

    private func find(_ b: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from: Int) -> Int? {
        var k = from
        while k < b.count {
            if b[k] == byte { return k }
            k += 1
        }
        return nil
    }

    private func findSequence(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from: Int, before end: Int)
        -> Int?
    {
        var k = from
        while k < end {
            if matches(b, k, literal) { return k }
            k += 1
        }
        return nil
    }

    /// The entities cmark writes in attribute values, and what each stands for.
    private static let attributeEntities: [(entity: StaticString, byte: UInt8)] = [
        ("&amp;", UInt8(ascii: "&")), ("&quot;", UInt8(ascii: "\"")), ("&lt;", UInt8(ascii: "<")),
        ("&gt;", UInt8(ascii: ">")), ("&#39;", UInt8(ascii: "'")), ("&#x27;", UInt8(ascii: "'")),
    ]

    /// The attribute value with cmark's entities (`&amp;`, `&quot;`, `&lt;`, `&gt;`, `&#39;`, `&#x27;`) decoded.
    private func decodeEntities(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        scan: while k < end {
            if b[k] == UInt8(ascii: "&") {
                for (entity, byte) in BodyRewriter.attributeEntities where matches(b, k, entity) {
                    out.append(byte)
                    k += entity.utf8CodeUnitCount
                    continue scan
                }
            }
            out.append(b[k])
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
