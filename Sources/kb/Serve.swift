import ArgumentParser
import Dispatch
import Platform
import Site
import SiteServer
import TerminalUI

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild when a guide changes.",
        discussion: "Open pages reload by themselves after each rebuild. Stop with Ctrl-C."
    )

    @Argument(help: "The guides folder.")
    var guides: String = "guides"

    @Option(name: .shortAndLong, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(name: .shortAndLong, help: "Where to build the site (default: a temporary folder).")
    var output: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let folder: String
        var temporary: String?
        if let output {
            folder = output
        } else {
            var template = Array("/tmp/kb-serve-XXXXXX".utf8CString)
            guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                Output.error("kb serve: cannot create a temporary folder")
                throw ExitCode(2)
            }
            temporary = String(cString: made)
            folder = temporary! + "/site"
        }
        let guides = self.guides
        let server = DevServer(guidesRoot: guides, siteFolder: folder) {
            let code = Build.build(guides: guides, output: folder, timings: false, quiet: false)
            return code == 0
        }
        let bound: Int
        do {
            bound = try server.start(port: port)
        } catch {
            Output.error("kb serve: \(error.message)")
            throw ExitCode(2)
        }
        Output.write("Serving \(guides) at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)\n")
        // Ctrl-C or a termination request: stop, and remove the temporary site if we made one.
        let cleanup = temporary
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .main)
            source.setEventHandler {
                server.stop()
                if let cleanup { SiteFiles.removeTree(cleanup) }
                Glibc.exit(0)
            }
            source.resume()
            sources.append(source)
        }
        withExtendedLifetime(sources) { dispatchMain() }
    }
}
