import Foundation
import Lint
import Testing

@testable import Site
@testable import SiteServer

/// `kb serve`'s server, over real loopback sockets: pages, the reload endpoint, refusals, and a
/// rebuild after a guide changes.
@Suite struct DevServerTests {
    /// Sends one raw request to 127.0.0.1:port and returns the whole response.
    static func request(_ port: Int, _ text: String) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return "" }
        _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress!, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: response, as: UTF8.self)
    }

    static func get(_ port: Int, _ path: String) -> String {
        request(port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    }

    func startServer() throws -> (DevServer, Int, String) {
        let guides = TestSite.copyFixture("basic")
        let output = TestSite.temporaryFolder("kb-serve") + "/site"
        let server = DevServer(guidesRoot: guides, siteFolder: output) {
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
        #expect(home.contains("text/html"))
        #expect(home.contains("/__kb/version"), "served pages poll for rebuilds")
        let css = DevServerTests.get(port, "/assets/kb.css")
        #expect(css.contains("Content-Type: text/css"))
        #expect(!css.contains("__kb/version"))
        #expect(DevServerTests.get(port, "/tools/cli.html?x=1").hasPrefix("HTTP/1.1 200"))
        #expect(DevServerTests.get(port, "/tools").hasPrefix("HTTP/1.1 301"))
        #expect(DevServerTests.get(port, "/no-such-page.html").hasPrefix("HTTP/1.1 404"))
    }

    @Test func refusesOtherMethodsAndPathsOutOfTheSite() throws {
        let (server, port, _) = try startServer()
        defer { server.stop() }
        #expect(DevServerTests.request(port, "POST / HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 405"))
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fkb.yaml", "/a%00b"] {
            let response = DevServerTests.get(port, path)
            #expect(response.hasPrefix("HTTP/1.1 400"), "\(path): \(response.prefix(40))")
            #expect(!response.contains("root:"))
        }
        #expect(DevServerTests.request(port, "nonsense\r\n\r\n").hasPrefix("HTTP/1.1 400"))
    }

    @Test func rebuildsWhenAGuideChanges() throws {
        let (server, port, guides) = try startServer()
        defer { server.stop() }
        let before = DevServerTests.get(port, "/__kb/version").components(separatedBy: "\r\n\r\n").last ?? ""
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
            after = DevServerTests.get(port, "/__kb/version").components(separatedBy: "\r\n\r\n").last ?? ""
            if after == before { usleep(500_000) }
        }
        #expect(before != after)
    }
}
