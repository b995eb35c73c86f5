import Dispatch
import Platform

/// `kb serve`: a small HTTP/1.1 server on 127.0.0.1 over POSIX sockets that serves the built
/// site, rebuilds it when a guide changes (polling modification times every half second) and
/// makes open pages reload through a script that polls `/__kb/version`.
///
/// GET and HEAD only; request paths are decoded, must stay inside the site folder (no `..`
/// segment, no NUL, real path checked), and every response closes its connection.
public final class DevServer: @unchecked Sendable {
    public let guidesRoot: String
    public let siteFolder: String
    /// Runs a build and says whether it succeeded; called at start and after each change.
    let rebuild: @Sendable () -> Bool
    private let lock = PThreadMutex()
    private var version = 0
    private var lastBuildFailed = false
    private var listener: Int32 = -1
    private var running = false

    public init(guidesRoot: String, siteFolder: String, rebuild: @escaping @Sendable () -> Bool) {
        self.guidesRoot = guidesRoot
        self.siteFolder = siteFolder
        self.rebuild = rebuild
    }

    /// The number the reload script compares; it changes after every successful rebuild.
    public var currentVersion: Int { lock.locked { version } }

    /// Builds, binds `127.0.0.1:port` (0 picks a free port) and starts serving and watching in
    /// the background. Returns the bound port.
    public func start(port: Int) throws(SiteError) -> Int {
        let ok = rebuild()
        lock.locked {
            version = 1
            lastBuildFailed = !ok
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SiteError(message: "cannot open a socket: \(SiteFiles.errnoText())") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let message = SiteFiles.errnoText()
            close(fd)
            throw SiteError(message: "cannot listen on 127.0.0.1:\(port): \(message)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        lock.locked {
            listener = fd
            running = true
        }
        DispatchQueue.global().async { self.acceptLoop(fd) }
        DispatchQueue.global().async { self.watchLoop() }
        return Int(UInt16(bigEndian: actual.sin_port))
    }

    /// Stops accepting connections and watching; requests under way finish.
    public func stop() {
        let fd: Int32 = lock.locked {
            running = false
            let fd = listener
            listener = -1
            return fd
        }
        if fd >= 0 {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    private var isRunning: Bool { lock.locked { running } }

    // MARK: - Watching

    private func watchLoop() {
        var last = GuideWatch.snapshot(root: guidesRoot, excluding: siteFolder)
        while isRunning {
            usleep(500_000)
            let now = GuideWatch.snapshot(root: guidesRoot, excluding: siteFolder)
            if now != last {
                last = now
                let ok = rebuild()
                lock.locked {
                    lastBuildFailed = !ok
                    if ok { version += 1 }
                }
            }
        }
    }

    // MARK: - HTTP

    private func acceptLoop(_ fd: Int32) {
        while isRunning {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            DispatchQueue.global().async { self.handle(client) }
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 16 * 1024 {
            let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            request.append(contentsOf: buffer[0..<n])
            if HTTPRequestLine.headerEnd(request) != nil { break }
        }
        let response = respond(to: request)
        response.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = send(client, buf.baseAddress! + offset, buf.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// The whole response for one request's bytes.
    public func respond(to request: [UInt8]) -> [UInt8] {
        guard let line = HTTPRequestLine(request) else {
            return HTTPResponse.make(400, "text/plain", Array("Bad request\n".utf8))
        }
        guard line.method == "GET" || line.method == "HEAD" else {
            return HTTPResponse.make(
                405, "text/plain", Array("Only GET and HEAD\n".utf8), extra: "Allow: GET, HEAD\r\n")
        }
        let head = line.method == "HEAD"
        guard let path = line.sitePath else {
            return HTTPResponse.make(400, "text/plain", Array("Bad path\n".utf8), head: head)
        }
        if path == "__kb/version" {
            return HTTPResponse.make(200, "text/plain", Array(String(currentVersion).utf8), head: head)
        }
        if lock.locked({ lastBuildFailed }) && SiteFiles.kind(siteFolder + "/" + SitePlan.homePage) != .file {
            return HTTPResponse.make(
                503, "text/html; charset=utf-8",
                Array(
                    "<!DOCTYPE html><title>Build failed</title><p>The build failed: see the terminal. This page reloads when it is fixed.</p>\(ThemeAssets.liveReload)"
                        .utf8),
                head: head)
        }
        var file = siteFolder + "/" + (path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)
        if SiteFiles.kind(file) == .directory {
            return HTTPResponse.make(
                301, "text/plain", [], extra: "Location: /\(URLPath.encode(path))/\r\n", head: head)
        }
        var status = 200
        if SiteFiles.kind(file) != .file || !isInsideSite(file) {
            status = 404
            file = siteFolder + "/" + SitePlan.notFoundPage
        }
        guard var body = try? SiteFiles.read(file) else {
            return HTTPResponse.make(404, "text/plain", Array("Not found\n".utf8), head: head)
        }
        let type = HTTPResponse.contentType(file)
        if type.hasPrefix("text/html") { body = HTTPResponse.inject(ThemeAssets.liveReload, into: body) }
        return HTTPResponse.make(status, type, body, head: head)
    }

    private func isInsideSite(_ file: String) -> Bool {
        guard let real = SiteFiles.realPath(file), let site = SiteFiles.realPath(siteFolder) else { return false }
        return real.hasPrefix(site + "/")
    }
}

/// A tiny mutex over pthreads (Foundation-free).
final class PThreadMutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}

/// The first line of an HTTP request, and the site path it asks for.
struct HTTPRequestLine {
    var method: String
    var target: String

    init?(_ request: [UInt8]) {
        guard let end = request.firstIndex(of: 0x0D) ?? request.firstIndex(of: 0x0A) else { return nil }
        let parts = request[..<end].split(separator: 0x20)
        guard parts.count == 3 else { return nil }
        method = String(decoding: parts[0], as: UTF8.self)
        target = String(decoding: parts[1], as: UTF8.self)
    }

    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4)
        where bytes[i] == 0x0D && bytes[i + 1] == 0x0A && bytes[i + 2] == 0x0D && bytes[i + 3] == 0x0A {
            return i
        }
        return nil
    }

    /// The decoded path without its leading `/`, query or fragment; nil when it could leave
    /// the site folder or is malformed.
    var sitePath: String? {
        guard target.hasPrefix("/") else { return nil }
        var path = Substring(target)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        let decoded = URLPath.percentDecode(String(path.dropFirst()))
        if decoded.utf8.contains(0) || decoded.contains("\\") { return nil }
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: false)
        where segment == ".." || segment == "." {
            return nil
        }
        if decoded.hasPrefix("/") { return nil }
        return decoded
    }
}

enum HTTPResponse {
    static func make(_ status: Int, _ type: String, _ body: [UInt8], extra: String = "", head: Bool = false) -> [UInt8]
    {
        let reason: String
        switch status {
        case 200: reason = "OK"
        case 301: reason = "Moved Permanently"
        case 400: reason = "Bad Request"
        case 404: reason = "Not Found"
        case 405: reason = "Method Not Allowed"
        default: reason = "Service Unavailable"
        }
        var out = Array(
            "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\(extra)Connection: close\r\n\r\n"
                .utf8)
        if !head { out.append(contentsOf: body) }
        return out
    }

    static func contentType(_ file: String) -> String {
        let ext = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "txt", "csv": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// Inserts `script` before the last `</body>`.
    static func inject(_ script: String, into html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        guard html.count >= marker.count else { return html + Array(script.utf8) }
        var i = html.count - marker.count
        while i >= 0 {
            if html[i] == marker[0] && Array(html[i..<(i + marker.count)]) == marker {
                return Array(html[..<i]) + Array(script.utf8) + Array(html[i...])
            }
            i -= 1
        }
        return html + Array(script.utf8)
    }
}

/// Modification times of everything a build reads: guides, `kb.yaml`, theme overrides and
/// local images, so a change to any of them triggers a rebuild.
enum GuideWatch {
    struct Entry: Equatable {
        var path: String
        var modified: Int
        var size: Int
    }

    static func snapshot(root: String, excluding excluded: String) -> [Entry] {
        let excludedReal = SiteFiles.realPath(excluded)
        var entries: [Entry] = []
        var stack = [root]
        while let dir = stack.popLast() {
            if let real = SiteFiles.realPath(dir), real == excludedReal { continue }
            for name in SiteFiles.list(dir) where !name.hasPrefix(".") {
                let path = dir + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: stack.append(path)
                case S_IFREG, S_IFLNK:
                    entries.append(
                        Entry(
                            path: path, modified: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec),
                            size: Int(st.st_size)))
                default: break
                }
            }
        }
        return entries
    }
}
