import CCmark

/// Turns one file's bytes into a `Guide`, through libcmark.
///
/// The cmark tree lives only inside `parse`: everything the model needs is copied out and the
/// tree is freed before returning, so a knowledge base of thousands of files never holds more
/// than one tree per core.
public struct GuideParser: Sendable {
    /// Render the body to HTML while the tree is at hand (the site needs it; lint and search
    /// do not, so they skip the cost).
    public var renderHTML: Bool

    public init(renderHTML: Bool = false) {
        self.renderHTML = renderHTML
    }

    /// Parses `bytes` read from `path` (relative to the guides root).
    ///
    /// Throws when the text is not UTF-8; a malformed front matter is not fatal: the guide is
    /// still read, without its metadata, and the problem is returned beside it.
    public func parse(path: String, bytes: [UInt8]) throws(LoadProblem) -> (Guide, [LoadProblem]) {
        let text = SourceText(bytes: bytes)
        if let bad = UTF8Validation.firstInvalidOffset(text.bytes) {
            let line = text.lineStarts.lastIndex(where: { $0 <= bad }).map { $0 + 1 } ?? 1
            throw LoadProblem(path: path, line: line, message: "not valid UTF-8 (byte offset \(bad))")
        }
        let units = MarkdownBudget.units(in: text.bytes)
        if units > MarkdownBudget.maximumUnits {
            throw LoadProblem(
                path: path, line: nil,
                message: "too much Markdown structure to load: \(units) lines and markup characters, "
                    + "over \(MarkdownBudget.maximumUnits); split the guide")
        }
        let source = String(decoding: text.bytes, as: UTF8.self)
        var guide = Guide(path: path, source: source)
        var problems: [LoadProblem] = []

        // Front matter: parsed by Yams, then blanked (terminators kept) so cmark's line
        // numbers stay the file's.
        var input = text.bytes
        var frontMatter = FrontMatter()
        if let located = FrontMatter.locate(in: text) {
            do {
                frontMatter = try FrontMatter.parse(yaml: located.yaml, firstLine: 2)
            } catch {
                problems.append(LoadProblem(path: path, line: error.line, message: error.message))
            }
            frontMatter.lineCount = located.lines
            guide.frontMatterLines = located.lines
            var blanked: [UInt8] = []
            blanked.reserveCapacity(input.count)
            for b in input[located.blank] where b == 0x0A || b == 0x0D { blanked.append(b) }
            blanked.append(contentsOf: input[located.blank.upperBound...])
            input = blanked
        }
        applyFrontMatter(frontMatter, to: &guide)

        let root: OpaquePointer? = input.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else {
            throw LoadProblem(path: path, line: nil, message: "cmark could not parse the file")
        }
        defer { cmark_node_free(root) }
        var walk = TreeWalk(text: text, guide: guide, renderHTML: renderHTML)
        walk.run(root)
        return (walk.guide, problems)
    }

    private func applyFrontMatter(_ fm: FrontMatter, to guide: inout Guide) {
        func list(_ key: String) -> [String] {
            if let items = fm.lists[key] { return items.filter { !$0.isEmpty } }
            if let value = fm.values[key], !value.isEmpty {
                return value.split(separator: ",").map { trim(String($0)) }.filter { !$0.isEmpty }
            }
            return []
        }
        if let title = fm.values["title"].map(trim), !title.isEmpty {
            guide.title = title
            guide.titleSource = .frontMatter
            guide.titleLine = fm.keyLines["title"]
        }
        if let summary = (fm.values["summary"] ?? fm.values["description"]).map(trim), !summary.isEmpty {
            guide.summary = summary
        }
        guide.tags = list("tags")
        guide.aliases = list("aliases")
        guide.reviewed = (fm.values["reviewed"] ?? fm.values["last_review_date"]).map(trim)
        guide.owner = fm.values["owner"].map(trim)
        guide.type = fm.values["type"].map { trim($0).lowercased() }
        // `redirect-from: [a.md, b.md]`, or one path as a scalar.
        let redirectKey = "redirect-from"
        if let items = fm.lists[redirectKey] {
            let lines = fm.itemLines[redirectKey] ?? []
            for (i, item) in items.enumerated() where !trim(item).isEmpty {
                guide.redirects.append(Redirect(from: trim(item), line: i < lines.count ? lines[i] : 1))
            }
        } else if let value = fm.values[redirectKey].map(trim), !value.isEmpty {
            guide.redirects.append(Redirect(from: value, line: fm.keyLines[redirectKey] ?? 1))
        }
    }
}

func trim(_ s: String) -> String {
    var sub = s[...]
    while let f = sub.first, f == " " || f == "\t" || f == "\n" || f == "\r" { sub = sub.dropFirst() }
    while let l = sub.last, l == " " || l == "\t" || l == "\n" || l == "\r" { sub = sub.dropLast() }
    return String(sub)
}
