import Site

/// What the dev server sends back for one request, before it becomes HTTP: the status, the
/// content type, the body, and any headers beyond the ones every response carries.
struct SiteResponse: Sendable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    var extraHeaders: [(String, String)] = []

    static func text(_ status: Int, _ message: String, extraHeaders: [(String, String)] = []) -> SiteResponse {
        SiteResponse(
            status: status, contentType: "text/plain; charset=utf-8", body: Array((message + "\n").utf8),
            extraHeaders: extraHeaders)
    }
}

/// Maps a request's method and target to a response from the built site folder: the file system
/// side of `kb serve`, apart from the HTTP machinery so it can be read (and tested) on its own.
///
/// GET and HEAD only. The target is percent-decoded and refused when it could leave the site
/// (a `.` or `..` segment, a NUL or backslash, a second leading slash); a file is also checked
/// by its real path, so a symbolic link out of the site is a 404. HTML pages get the live
/// reload script.
struct SiteResponder: Sendable {
    /// The path the reload script polls; answers the build version.
    static let versionPath = "__kb/version"

    var siteFolder: String
    /// The number the reload script compares; it changes after every successful rebuild.
    var version: Int
    /// The last build failed: with no home page to show yet, answer a page that says so.
    var lastBuildFailed: Bool

    func respond(method: String, target: String) -> SiteResponse {
        guard method == "GET" || method == "HEAD" else {
            return .text(405, "Only GET and HEAD", extraHeaders: [("Allow", "GET, HEAD")])
        }
        guard let path = SiteResponder.sitePath(target) else { return .text(400, "Bad path") }
        if path == SiteResponder.versionPath { return .text(200, String(version)) }
        if lastBuildFailed && SiteFiles.kind(siteFolder + "/" + SitePlan.homePage) != .file {
            return SiteResponse(
                status: 503, contentType: "text/html; charset=utf-8",
                body: Array(
                    ("<!DOCTYPE html><html lang=\"en\"><title>Build failed</title><p>The build failed: see the terminal. "
                        + "This page reloads when it is fixed.</p>" + ThemeAssets.liveReload).utf8))
        }
        var file = siteFolder + "/" + (path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)
        if !path.isEmpty && !path.hasSuffix("/") && SiteFiles.kind(file) == .directory {
            return SiteResponse(
                status: 301, contentType: "text/plain; charset=utf-8", body: [],
                extraHeaders: [("Location", "/" + URLPath.encode(path) + "/")])
        }
        var status = 200
        if SiteFiles.kind(file) != .file || !SiteFiles.isInside(file, root: siteFolder) {
            status = 404
            file = siteFolder + "/" + SitePlan.notFoundPage
        }
        guard var body = try? SiteFiles.read(file) else { return .text(404, "Not found") }
        let type = SiteResponder.contentType(file)
        if type.hasPrefix("text/html") { body = SiteResponder.inject(ThemeAssets.liveReload, into: body) }
        return SiteResponse(status: status, contentType: type, body: body)
    }

    /// The decoded path of a request target without its leading `/`, query or fragment; nil
    /// when it is malformed or could leave the site folder.
    static func sitePath(_ target: String) -> String? {
        let bytes = Array(target.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        let end = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
        let decoded = URLPath.percentDecode(String(decoding: bytes[1..<end], as: UTF8.self))
        let utf8 = decoded.utf8
        if utf8.contains(0) || utf8.contains(UInt8(ascii: "\\")) || utf8.first == UInt8(ascii: "/") { return nil }
        for segment in utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        where segment.elementsEqual("..".utf8) || segment.elementsEqual(".".utf8) {
            return nil
        }
        return decoded
    }

    /// The Content-Type for a site file, by its extension. Text types say UTF-8, since the
    /// builder writes nothing else.
    static func contentType(_ file: String) -> String {
        let name = file.utf8.split(separator: UInt8(ascii: "/")).last.map { Substring($0) } ?? ""
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map": return "application/json"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "pdf": return "application/pdf"
        case "wasm": return "application/wasm"
        default: return "application/octet-stream"
        }
    }

    /// Inserts `script` before the last `</body>` (or at the end when there is none).
    static func inject(_ script: String, into html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        var i = html.count - marker.count
        while i >= 0 {
            if html[i] == marker[0] && html[i..<(i + marker.count)].elementsEqual(marker) {
                return Array(html[..<i]) + Array(script.utf8) + Array(html[i...])
            }
            i -= 1
        }
        return html + Array(script.utf8)
    }
}
