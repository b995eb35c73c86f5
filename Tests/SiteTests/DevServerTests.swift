import Foundation
import Lint
import Testing

@testable import Site
@testable import SiteServer

/// A raw HTTP client over a loopback socket, so tests can send what a browser would not: idle
/// connections, trickled or oversized requests. Every receive gives up after `timeout` seconds,
/// so a test fails instead of hanging.
final class LoopbackClient {
    let fd: Int32

    init?(port: Int, timeout: Int = 10) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        guard connected == 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    /// Sends all of `bytes`; false when the server closed or reset the connection.
    @discardableResult func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    @discardableResult func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Everything until the server closes the connection (or the receive times out).
    func readToEnd() -> String {
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// One response: its head, and as many body bytes as its Content-Length says (none for a
    /// response to HEAD). Nil when the connection ends first.
    func readResponse(toHead isHead: Bool = false) -> (head: String, body: String)? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1)
        let separator = Array("\r\n\r\n".utf8)
        while !bytes.suffix(4).elementsEqual(separator) {
            guard recv(fd, &buffer, 1, 0) == 1 else { return nil }
            bytes.append(buffer[0])
        }
        let head = String(decoding: bytes, as: UTF8.self)
        let length =
            head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        var body = [UInt8](repeating: 0, count: isHead ? 0 : length)
        var filled = 0
        while filled < body.count {
            let n = body.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + filled, $0.count - filled, 0) }
            if n <= 0 { return nil }
            filled += n
        }
        return (head, String(decoding: body, as: UTF8.self))
    }

    /// Waits for the server to close the connection; the seconds it took, or nil when it did
    /// not within the receive timeout.
    func secondsUntilClosed() -> Double? {
        let start = DispatchTime.now().uptimeNanoseconds
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n == 0 || (n < 0 && errno == ECONNRESET) { break }
            if n < 0 { return nil }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// `kb serve`'s server, over real loopback sockets: pages, the reload endpoint, refusals,
/// limits and timeouts, many idle connections, and a rebuild after a guide changes.
@Suite struct DevServerTests {
    /// Sends one raw request on a new connection and returns the whole response.
    static func request(_ port: Int, _ text: String) -> String {
        guard let client = LoopbackClient(port: port) else { return "" }
        client.send(text)
        return client.readToEnd()
    }

    static func get(_ port: Int, _ path: String) -> String {
        request(port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    }

    static func body(_ response: String) -> String {
        response.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    }

    func startServer(limits: DevServerLimits = DevServerLimits()) throws -> (DevServer, Int, String) {
        let guides = TestSite.copyFixture("basic")
        let output = TestSite.temporaryFolder("kb-serve") + "/site"
        let server = DevServer(guidesRoot: guides, siteFolder: output, limits: limits) {
            guard let outcome = try? SiteBuilder(guidesRoot: guides, output: output, linter: Linter(rules: [])).build(),
                case .built = outcome
            else { return false }
            return true
        }
        let port = try server.start(port: 0)
        return (server, port, guides)
    }

    @Test func servesPagesWithTheReloadScript() throws {
        let (server, port, _) = try startServer()
        defer { server.stop() }
        let home = DevServerTests.get(port, "/")
        #expect(home.hasPrefix("HTTP/1.1 200 OK"))
        #expect(home.contains("Content-Type: text/html; charset=utf-8"))
        #expect(home.contains("/__kb/version"), "served pages poll for rebuilds")
        let css = DevServerTests.get(port, "/assets/kb.css")
        #expect(css.contains("Content-Type: text/css; charset=utf-8"))
        #expect(!css.contains("__kb/version"))
        #expect(DevServerTests.get(port, "/search-index.js").contains("Content-Type: text/javascript; charset=utf-8"))
        #expect(DevServerTests.get(port, "/images/flow.svg").contains("Content-Type: image/svg+xml"))
        #expect(DevServerTests.get(port, "/tools/cli.html?x=1").hasPrefix("HTTP/1.1 200"))
        let folder = DevServerTests.get(port, "/tools")
        #expect(folder.hasPrefix("HTTP/1.1 301"))
        #expect(folder.contains("Location: /tools/\r\n"))
        let missing = DevServerTests.get(port, "/no-such-page.html")
        #expect(missing.hasPrefix("HTTP/1.1 404"))
        #expect(missing.contains("<html"), "the site's own 404 page")
        #expect(DevServerTests.body(DevServerTests.get(port, "/__kb/version")) == "1\n")
    }

    @Test func headAnswersTheHeadersOfGetWithoutABody() throws {
        let (server, port, _) = try startServer()
        defer { server.stop() }
        let get = DevServerTests.get(port, "/faq.html")
        let head = DevServerTests.request(port, "HEAD /faq.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let length = "Content-Length: \(DevServerTests.body(get).utf8.count)\r\n"
        #expect(get.contains(length))
        #expect(head.hasPrefix("HTTP/1.1 200 OK"))
        #expect(head.contains(length))
        #expect(DevServerTests.body(head).isEmpty)
    }

    @Test func refusesOtherMethodsAndPathsOutOfTheSite() throws {
        let (server, port, _) = try startServer()
        defer { server.stop() }
        let post = DevServerTests.request(port, "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
        #expect(post.hasPrefix("HTTP/1.1 405"))
        #expect(post.contains("Allow: GET, HEAD\r\n"))
        #expect(DevServerTests.request(port, "DELETE /faq.html HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 405"))
        for path in [
            "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fkb.yaml", "/a%00b", "//etc/passwd",
        ] {
            let response = DevServerTests.get(port, path)
            #expect(response.hasPrefix("HTTP/1.1 400"), "\(path): \(response.prefix(40))")
            #expect(!response.contains("root:"))
        }
        #expect(DevServerTests.request(port, "nonsense\r\n\r\n").hasPrefix("HTTP/1.1 400"))
    }

    @Test func aSymbolicLinkOutOfTheSiteIsNotFollowed() throws {
        let (server, port, guides) = try startServer()
        defer { server.stop() }
        let secret = guides + "/../outside.txt"
        try "outside the site\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: server.siteFolder + "/leak.txt", withDestinationPath: secret)
        let response = DevServerTests.get(port, "/leak.txt")
        #expect(response.hasPrefix("HTTP/1.1 404"))
        #expect(!response.contains("outside the site"))
    }

    @Test func keepsAConnectionOpenForTheNextRequest() throws {
        let (server, port, _) = try startServer()
        defer { server.stop() }
        let client = try #require(LoopbackClient(port: port))
        for path in ["/", "/faq.html", "/__kb/version"] {
            client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(client.readResponse(), "no response to \(path) on the same connection")
            #expect(response.head.hasPrefix("HTTP/1.1 200 OK"))
            #expect(response.head.contains("Connection: keep-alive"))
        }
        client.send("HEAD /faq.html HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(client.readResponse(toHead: true)?.head.hasPrefix("HTTP/1.1 200 OK") == true)
    }

    /// The hand-written server this replaces took 5 s for a page with 8 idle connections open
    /// and gave no answer within 30 s with 200.
    @Test func answersInMillisecondsWithTwoHundredIdleConnectionsOpen() throws {
        let (server, port, _) = try startServer()
        defer { server.stop() }
        var idle: [LoopbackClient] = []
        for i in 0..<200 {
            let client = try #require(LoopbackClient(port: port))
            // A third say nothing, a third sent half a request, a third finished one and keep
            // the connection as a browser does.
            switch i % 3 {
            case 0: break
            case 1: client.send("GET / HTTP/1.1\r\nHost: x\r\n")
            default:
                client.send("GET /faq.html HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(client.readResponse()?.head.hasPrefix("HTTP/1.1 200") == true)
            }
            idle.append(client)
        }
        var milliseconds: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let page = DevServerTests.get(port, "/tools/cli.html")
            milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            #expect(page.hasPrefix("HTTP/1.1 200 OK"))
        }
        let median = milliseconds.sorted()[2]
        #expect(median < 100, "a page took \(milliseconds) ms with \(idle.count) idle connections open")
    }

    @Test func survivesAMegabyteRequestLine() throws {
        let (server, port, _) = try startServer()
        defer { server.stop() }
        // Just over the limit, sent whole: refused with 400.
        let long = DevServerTests.request(port, "GET /" + String(repeating: "a", count: 20_000) + " HTTP/1.1\r\n\r\n")
        #expect(long.hasPrefix("HTTP/1.1 400"), "\(long.prefix(60))")
        // A megabyte: the server stops reading at the limit, answers 400 and closes, which can
        // reset the connection under the rest of the sender's megabyte before the 400 is read.
        let client = try #require(LoopbackClient(port: port))
        client.send("GET /" + String(repeating: "a", count: 1 << 20) + " HTTP/1.1\r\nHost: x\r\n\r\n")
        let answer = client.readToEnd()
        #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(60))")
        // Headers count too.
        let manyHeaders = (0..<2_000).map { "X-Padding-\($0): \(String(repeating: "b", count: 20))\r\n" }.joined()
        #expect(DevServerTests.request(port, "GET / HTTP/1.1\r\n\(manyHeaders)\r\n").hasPrefix("HTTP/1.1 400"))
        #expect(DevServerTests.get(port, "/").hasPrefix("HTTP/1.1 200 OK"), "still serving")
    }

    @Test func closesIdleAndSlowConnections() throws {
        let limits = DevServerLimits(idleTimeout: .milliseconds(400), requestTimeout: .milliseconds(800))
        let (server, port, _) = try startServer(limits: limits)
        defer { server.stop() }
        // Silent from the start: closed after the idle timeout.
        let silent = try #require(LoopbackClient(port: port))
        let silentSeconds = try #require(silent.secondsUntilClosed(), "an idle connection stayed open")
        #expect(silentSeconds > 0.2 && silentSeconds < 5)
        // Idle after a response: closed after the idle timeout too.
        let kept = try #require(LoopbackClient(port: port))
        kept.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(kept.readResponse()?.head.hasPrefix("HTTP/1.1 200") == true)
        #expect(kept.secondsUntilClosed() != nil, "a kept-alive connection stayed open")
        // A request trickled a byte every 100 ms never completes: closed at the request timeout
        // although bytes keep coming (an idle timer alone would be reset by each one).
        let slow = try #require(LoopbackClient(port: port))
        let start = DispatchTime.now().uptimeNanoseconds
        var closed = false
        for byte in Array("GET / HTTP/1.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "z"), count: 100) {
            if !slow.send([byte]) {
                closed = true
                break
            }
            usleep(100_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(closed, "a trickled request was still accepted after \(seconds) s")
        #expect(seconds > 0.7 && seconds < 8, "\(seconds) s")
        #expect(DevServerTests.get(port, "/").hasPrefix("HTTP/1.1 200 OK"), "still serving")
    }

    @Test func rebuildsWhenAGuideChanges() throws {
        let (server, port, guides) = try startServer()
        defer { server.stop() }
        let before = DevServerTests.body(DevServerTests.get(port, "/__kb/version"))
        try "# Command line\n\nNow with a new paragraph.\n".write(
            toFile: guides + "/tools/cli.md", atomically: true, encoding: .utf8)
        var page = ""
        for _ in 0..<60 {  // up to 30 s on a busy machine; a rebuild normally lands within a second
            usleep(500_000)
            page = DevServerTests.get(port, "/tools/cli.html")
            if page.contains("Now with a new paragraph.") { break }
        }
        #expect(page.contains("Now with a new paragraph."))
        // The new site is in place before the build has removed the old one; the version moves
        // when the build is done, a moment later.
        var after = before
        for _ in 0..<60 where after == before {
            after = DevServerTests.body(DevServerTests.get(port, "/__kb/version"))
            if after == before { usleep(500_000) }
        }
        #expect(before != after)
    }

    @Test func aFailedFirstBuildAnswersAPageThatReloads() throws {
        let site = TestSite.temporaryFolder("kb-serve") + "/site"
        let server = DevServer(guidesRoot: TestSite.copyFixture("basic"), siteFolder: site) { false }
        let port = try server.start(port: 0)
        defer { server.stop() }
        let page = DevServerTests.get(port, "/faq.html")
        #expect(page.hasPrefix("HTTP/1.1 503"))
        #expect(page.contains("The build failed"))
        #expect(page.contains("/__kb/version"), "reloads once a build succeeds")
        #expect(DevServerTests.get(port, "/__kb/version").hasPrefix("HTTP/1.1 200"))
    }

    @Test func aPortInUseIsAClearError() throws {
        let (server, port, guides) = try startServer()
        defer { server.stop() }
        let second = DevServer(guidesRoot: guides, siteFolder: server.siteFolder) { true }
        let error = #expect(throws: SiteError.self) { _ = try second.start(port: port) }
        #expect(
            error?.message.hasPrefix("cannot listen on 127.0.0.1:\(port): ") == true, "\(String(describing: error))")
    }
}

/// The responder's pure parts: which targets stay in the site, and content types.
@Suite struct SiteResponderTests {
    @Test(arguments: [
        ("/", ""), ("/faq.html", "faq.html"), ("/tools/cli.html?q=1#x", "tools/cli.html"),
        ("/a%20b.html", "a b.html"), ("/tools/", "tools/"),
    ])
    func keepsPathsInsideTheSite(target: String, path: String) {
        #expect(SiteResponder.sitePath(target) == path)
    }

    @Test(arguments: ["", "faq.html", "/..", "/a/../b", "/%2E%2E/x", "/./x", "/a%5Cb", "/a%00", "//x", "http://h/x"])
    func refusesTargetsThatCouldLeaveIt(target: String) {
        #expect(SiteResponder.sitePath(target) == nil)
    }

    @Test func contentTypes() {
        #expect(SiteResponder.contentType("/s/index.html") == "text/html; charset=utf-8")
        #expect(SiteResponder.contentType("/s/assets/kb.CSS") == "text/css; charset=utf-8")
        #expect(SiteResponder.contentType("/s/sitemap.xml") == "application/xml")
        #expect(SiteResponder.contentType("/s/a.woff2") == "font/woff2")
        #expect(SiteResponder.contentType("/s.d/README") == "application/octet-stream")
    }

    @Test func theReloadScriptGoesBeforeTheLastBodyEnd() {
        let page = Array("<body><p>&lt;/body&gt;</p></body></html>".utf8)
        #expect(
            String(decoding: SiteResponder.inject("<script>x</script>", into: page), as: UTF8.self)
                == "<body><p>&lt;/body&gt;</p><script>x</script></body></html>")
        #expect(SiteResponder.inject("<s>", into: Array("ab".utf8)) == Array("ab<s>".utf8))
    }
}
