import Foundation

/// Reads a built site the way an attacker hopes a browser will: every tag and attribute of
/// every page, every script's code outside its string literals, every URL after entity
/// decoding and whitespace removal. Finds anything from a guide that could run, embed, or
/// reach outside the site folder.
struct SiteScan {
    let site: String
    /// The function name hostile guides call; it must never appear as code.
    let payload: String

    struct Problem: CustomStringConvertible, Equatable {
        var file: String
        var what: String
        var description: String { "\(file): \(what)" }
    }

    /// Every file below the site, relative to it, sorted.
    func files() -> [String] {
        let walker = FileManager.default.enumerator(atPath: site)
        var out: [String] = []
        while let relative = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: site + "/" + relative, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                out.append(relative)
            }
        }
        return out.sorted()
    }

    func problems() -> [Problem] {
        var found: [Problem] = []
        for file in files() where file.lowercased().hasSuffix(".html") || file.lowercased().hasSuffix(".htm") {
            guard let data = FileManager.default.contents(atPath: site + "/" + file) else { continue }
            found += scanPage(String(decoding: data, as: UTF8.self), file: file)
        }
        // The site's own scripts may carry guide text as data (the search index), never as code.
        for file in files() where file.lowercased().hasSuffix(".js") {
            guard let data = FileManager.default.contents(atPath: site + "/" + file) else { continue }
            if SiteScan.codeOutsideStrings(String(decoding: data, as: UTF8.self)).contains(payload) {
                found.append(Problem(file: file, what: "script file runs guide text"))
            }
        }
        return found
    }

    /// Elements that embed other documents or plugins, or change where relative URLs point.
    static let forbiddenElements: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "base"]
    /// Attributes that hold a URL a browser follows or loads.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "data", "poster", "background", "cite", "ping", "manifest",
        "xlink:href", "srcset", "codebase", "longdesc", "lowsrc", "dynsrc",
    ]

    func scanPage(_ html: String, file: String) -> [Problem] {
        var found: [Problem] = []
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else {
                i += 1
                continue
            }
            if starts(bytes, at: i, with: "<!--") {
                i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            guard let tag = parseTag(bytes, at: i) else {
                i += 1
                continue
            }
            i = tag.end
            if tag.isClosing { continue }
            if SiteScan.forbiddenElements.contains(tag.name) {
                found.append(Problem(file: file, what: "<\(tag.name)> element"))
            }
            if tag.name == "meta",
                tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" })
            {
                found.append(Problem(file: file, what: "<meta http-equiv=refresh>"))
            }
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on"), attribute.name.count > 2 {
                    found.append(
                        Problem(file: file, what: "event handler attribute \(attribute.name)= on <\(tag.name)>"))
                }
                if SiteScan.urlAttributes.contains(attribute.name) || attribute.name == "style" {
                    for url in urls(in: attribute, ofTag: tag.name) {
                        if let why = urlProblem(url, page: file) {
                            found.append(
                                Problem(
                                    file: file, what: "<\(tag.name) \(attribute.name)=\"\(url.prefix(80))\">: \(why)"))
                        }
                    }
                }
            }
            if tag.name == "script" || tag.name == "style" {
                let close = "</" + tag.name
                let end = findCaseInsensitive(bytes, close, from: i) ?? bytes.count
                let body = String(decoding: bytes[i..<end], as: UTF8.self)
                i = end
                if tag.name == "script", !tag.attributes.contains(where: { $0.name == "src" }) {
                    if SiteScan.codeOutsideStrings(body).contains(payload) {
                        found.append(Problem(file: file, what: "inline script runs guide text: \(body.prefix(80))"))
                    }
                } else if tag.name == "style", decodedURL(body).contains("javascript:") {
                    found.append(Problem(file: file, what: "javascript: inside <style>"))
                }
            }
        }
        return found
    }

    // MARK: - URLs

    private func urls(in attribute: Tag.Attribute, ofTag tag: String) -> [String] {
        switch attribute.name {
        case "srcset":
            return attribute.value.split(separator: ",").compactMap {
                $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init)
            }
        case "style":
            // url(...) inside a style attribute.
            var out: [String] = []
            var rest = Substring(attribute.value)
            while let open = rest.range(of: "url(") {
                let after = rest[open.upperBound...]
                let close = after.firstIndex(of: ")") ?? after.endIndex
                out.append(String(after[..<close]).trimmingCharacters(in: CharacterSet(charactersIn: "'\" ")))
                rest = after[close...]
            }
            return out
        default:
            return [attribute.value]
        }
    }

    /// Why a URL on a page is not acceptable, or nil.
    func urlProblem(_ raw: String, page: String) -> String? {
        let url = decodedURL(raw)
        if url.isEmpty || url.hasPrefix("#") { return nil }
        if let colon = url.firstIndex(of: ":"),
            url[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
            url[..<colon].first?.isLetter == true
        {
            let scheme = url[..<colon]
            switch scheme {
            case "http", "https", "mailto": return nil
            case "data":
                let allowed = ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"]
                return allowed.contains(where: { url.hasPrefix($0) }) ? nil : "data: URL"
            default: return "\(scheme): URL"
            }
        }
        // `//host/path` is a network-path reference: another site, like `https:`. A single
        // slash (or a backslash, which browsers read as one) is a path on this machine.
        if url.hasPrefix("//") { return nil }
        if url.hasPrefix("/") || url.hasPrefix("\\") { return "absolute path" }
        // Relative: resolve against the page's folder; it must stay inside the site.
        let path = url.split(whereSeparator: { $0 == "#" || $0 == "?" }).first.map(String.init) ?? ""
        var depth = page.split(separator: "/").count - 1
        for component in path.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if component == ".." {
                depth -= 1
                if depth < 0 { return "climbs out of the site folder" }
            } else if component != "." {
                depth += 1
            }
        }
        return nil
    }

    /// What a browser makes of an attribute value's URL: character references decoded, ASCII
    /// whitespace and control characters removed, lowercased (schemes are case-insensitive).
    func decodedURL(_ raw: String) -> String {
        var decoded = ""
        var scalars = Array(raw.unicodeScalars)[...]
        let named: [String: String] = [
            "colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">",
            "sol": "/", "lpar": "(", "rpar": ")", "period": ".",
        ]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            guard c == "&" else {
                decoded.unicodeScalars.append(c)
                continue
            }
            var name = ""
            var rest = scalars
            while let n = rest.first, n != ";", name.count < 32,
                n.properties.isAlphabetic || ("0"..."9").contains(n) || n == "#"
            {
                name.unicodeScalars.append(n)
                rest = rest.dropFirst()
            }
            if rest.first == ";" { rest = rest.dropFirst() }
            var value: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                value = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                value = named[name.lowercased()]
            }
            if let value {
                decoded += value
                scalars = rest
            } else {
                decoded.unicodeScalars.append(c)
            }
        }
        return String(String.UnicodeScalarView(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
            .lowercased()
    }

    // MARK: - Tags

    struct Tag {
        struct Attribute {
            var name: String
            var value: String
        }
        var name: String
        var isClosing: Bool
        var attributes: [Attribute]
        /// Index just past the closing `>`.
        var end: Int
    }

    /// Parses a tag at `start` (`<name attr="v" ...>`), as HTML's tokenizer does: names
    /// lowercased, values quoted with `"` or `'` or unquoted. Nil when `<` does not start a tag.
    func parseTag(_ b: [UInt8], at start: Int) -> Tag? {
        var i = start + 1
        var closing = false
        if i < b.count, b[i] == UInt8(ascii: "/") {
            closing = true
            i += 1
        }
        guard i < b.count, isLetter(b[i]) else { return nil }
        let nameStart = i
        while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
        var attributes: [Tag.Attribute] = []
        while i < b.count {
            while i < b.count, isSpace(b[i]) || b[i] == UInt8(ascii: "/") { i += 1 }
            guard i < b.count else { break }
            if b[i] == UInt8(ascii: ">") {
                i += 1
                break
            }
            let attrStart = i
            while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "="),
                b[i] != UInt8(ascii: "/") || i == attrStart
            {
                i += 1
            }
            let attrName = String(decoding: b[attrStart..<i], as: UTF8.self).lowercased()
            while i < b.count, isSpace(b[i]) { i += 1 }
            var value = ""
            if i < b.count, b[i] == UInt8(ascii: "=") {
                i += 1
                while i < b.count, isSpace(b[i]) { i += 1 }
                if i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                    let quote = b[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < b.count, b[i] != quote { i += 1 }
                    value = String(decoding: b[valueStart..<min(i, b.count)], as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: b[valueStart..<i], as: UTF8.self)
                }
            }
            attributes.append(Tag.Attribute(name: attrName, value: value))
        }
        return Tag(name: name, isClosing: closing, attributes: attributes, end: min(i, b.count))
    }

    // MARK: - Script bodies

    /// JavaScript source with string literals, template literals and comments removed: what is
    /// left is code. A guide's text may sit in a string (the search index); never in code.
    static func codeOutsideStrings(_ js: String) -> String {
        var out: [UInt8] = []
        let b = Array(js.utf8)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "`") {
                i += 1
                while i < b.count, b[i] != c {
                    if b[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                i += 1
                out.append(0x20)
            } else if c == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "/") {
                while i < b.count, b[i] != 0x0A { i += 1 }
            } else if c == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < b.count, !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Bytes

    private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

    private func starts(_ b: [UInt8], at i: Int, with s: String) -> Bool {
        let needle = Array(s.utf8)
        return i + needle.count <= b.count && Array(b[i..<(i + needle.count)]) == needle
    }

    private func find(_ b: [UInt8], _ s: String, from: Int) -> Int? {
        let needle = Array(s.utf8)
        guard needle.count <= b.count else { return nil }
        var i = from
        while i + needle.count <= b.count {
            if b[i] == needle[0], Array(b[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    private func findCaseInsensitive(_ b: [UInt8], _ s: String, from: Int) -> Int? {
        let needle = Array(s.lowercased().utf8)
        var i = from
        while i + needle.count <= b.count {
            var match = true
            for k in 0..<needle.count {
                let c = b[i + k]
                let lower = (c >= 65 && c <= 90) ? c + 32 : c
                if lower != needle[k] {
                    match = false
                    break
                }
            }
            if match { return i }
            i += 1
        }
        return nil
    }
}
