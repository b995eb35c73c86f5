import Platform
import SearchIndexReader
import TerminalUI

/// Runs `kb index` — the `kb` executable in the same folder as this `faq` (as `make install`
/// and `swift build` put them) — and collects the index it prints.
///
/// Its stderr is captured too: `kb index` reports a failure as a bare message, which becomes
/// this process's `IndexProblem`, so `faq` still says "faq: guides: no guides found".
struct IndexerProcess {
    /// `kb` beside the running executable, found through `/proc/self/exe` (symbolic links to
    /// `faq` resolve to the real file, so a linked `faq` still finds its `kb`).
    var executable: String? = IndexerProcess.besideSelf("kb")

    func build(_ source: GuidesSource) throws(IndexProblem) -> [UInt8] {
        // No access(2) check first: it tests the real user's rights along the whole path, and
        // can say no where exec still succeeds (a user dropped from root with setpriv, say);
        // posix_spawn's own error is the answer that counts.
        guard let executable else {
            throw IndexProblem(
                message: "cannot build the index: no kb executable beside faq (install them together)")
        }
        var arguments = [executable, "index"]
        switch source {
        case .folder(let root): arguments += ["--guides", root]
        case .builtIn: arguments += ["--built-in"]
        }
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard IndexerProcess.makePipe(&output) else { throw IndexProblem(message: "cannot run kb: pipe failed") }
        guard IndexerProcess.makePipe(&errors) else {
            close(output[0])
            close(output[1])
            throw IndexProblem(message: "cannot run kb: pipe failed")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        close(output[1])
        close(errors[1])
        defer {
            close(output[0])
            close(errors[0])
        }
        guard spawned == 0 else {
            if spawned == ENOENT {
                throw IndexProblem(
                    message: "cannot build the index: no kb executable beside faq (install them together)")
            }
            throw IndexProblem(message: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        // kb writes stderr only after closing stdout (files it skipped) or after failing, so
        // reading stdout to the end first cannot block on a full stderr pipe.
        let bytes = IndexerProcess.readAll(output[0])
        let message = String(decoding: IndexerProcess.readAll(errors[0]), as: UTF8.self)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        guard exited, (status >> 8) & 0xff == 0 else {
            let text = message.split(separator: "\n").first.map(String.init) ?? ""
            throw IndexProblem(message: text.isEmpty ? "kb index failed (status \(status))" : text)
        }
        // Files the index was built without travel inside it (`SearchIndex.problems`); faq
        // names them on every run, cold or warm.
        return bytes
    }

    /// A pipe whose ends are closed in the child (its copies on fds 1 and 2 stay open), so kb
    /// holds no stray write end and faq sees end of file when kb exits.
    static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    static func readAll(_ fd: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }

    static func besideSelf(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return String(path[...slash]) + name
    }
}
