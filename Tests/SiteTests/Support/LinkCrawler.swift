import Foundation

/// Checks a built site the way a reader's clicks would: every relative `href` and `src` in
/// every page must name a file inside the site, and every `#fragment` an id in that file.
struct LinkCrawler {
    let site: String

    struct Broken: CustomStringConvertible {
        var page: String
        var url: String
        var reason: String
        var description: String { "\(page): \(url): \(reason)" }
    }

    /// Every attribute value of `name` in `html` (double-quoted, as the site writes them).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let range = rest.range(of: marker) {
            let start = range.upperBound
            guard let end = rest[start...].firstIndex(of: "\"") else { break }
            values.append(String(rest[start..<end]))
            rest = rest[end...]
        }
        return values
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    func check() -> (pages: Int, links: Int, broken: [Broken]) {
        var ids: [String: Set<String>] = [:]
        func idsIn(_ page: String) -> Set<String> {
            if let known = ids[page] { return known }
            let found = Set(
                LinkCrawler.attributeValues("id", in: TestSite.read(site + "/" + page)).map(LinkCrawler.unescape))
            ids[page] = found
            return found
        }
        var broken: [Broken] = []
        var links = 0
        let pages = TestSite.files(site).filter { $0.hasSuffix(".html") }
        for page in pages {
            let html = TestSite.read(site + "/" + page)
            let urls = LinkCrawler.attributeValues("href", in: html) + LinkCrawler.attributeValues("src", in: html)
            let folder = (page as NSString).deletingLastPathComponent
            for raw in urls {
                let url = LinkCrawler.unescape(raw)
                links += 1
                if url.hasPrefix("//") || url.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil
                {
                    continue  // external: not this crawler's business
                }
                if url.hasPrefix("/") {
                    broken.append(
                        Broken(page: page, url: url, reason: "absolute path; the site must use relative URLs"))
                    continue
                }
                var path = url
                var fragment: String?
                if let hash = path.firstIndex(of: "#") {
                    fragment = String(path[path.index(after: hash)...]).removingPercentEncoding
                    path = String(path[..<hash])
                }
                if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
                var target = page
                if !path.isEmpty {
                    let joined = ((folder.isEmpty ? "" : folder + "/") + (path.removingPercentEncoding ?? path))
                    let normalized = (("/" + joined) as NSString).standardizingPath
                    guard !normalized.hasPrefix("/..") else {
                        broken.append(Broken(page: page, url: url, reason: "leaves the site"))
                        continue
                    }
                    target = String(normalized.dropFirst())
                    var isDir: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: site + "/" + target, isDirectory: &isDir),
                        !isDir.boolValue
                    else {
                        broken.append(Broken(page: page, url: url, reason: "no such file"))
                        continue
                    }
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !idsIn(target).contains(fragment) {
                    broken.append(Broken(page: page, url: url, reason: "no id \"\(fragment)\" in \(target)"))
                }
            }
        }
        return (pages.count, links, broken)
    }
}
