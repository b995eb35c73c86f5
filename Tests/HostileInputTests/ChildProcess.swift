import Foundation
import Platform

/// How a child process ended, and what it cost, measured by the kernel: `wait4` returns the
/// child's own resource usage, so its peak RSS is the child's alone, not the test runner's.
struct ChildResult {
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        /// Killed by the harness after the hard limit: a hang.
        case killedAfterTimeout

        var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signalled(let signal): return "signal \(signal)"
            case .killedAfterTimeout: return "killed after the hard time limit"
            }
        }
    }

    var ending: Ending
    var wallSeconds: Double
    /// User plus system CPU time.
    var cpuSeconds: Double
    var peakRSSBytes: Int
    var stdout: [UInt8]
    var stderr: String

    var exitCode: Int32? {
        if case .exited(let code) = ending { return code }
        return nil
    }
}

/// Runs a binary with its output captured in files (no pipe can fill up and stall it), stdin
/// from /dev/null, and a hard wall-clock limit after which it is killed.
struct ChildProcess {
    var executable: String
    var arguments: [String]
    var environment: [String: String] = [:]
    /// Where stdout and stderr are captured; a folder of the caller's.
    var scratch: String
    var hardLimitSeconds: Double = 120

    func run() throws -> ChildResult {
        let outPath = scratch + "/stdout-\(UUID().uuidString)"
        let errPath = scratch + "/stderr-\(UUID().uuidString)"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var env = ProcessInfo.processInfo.environment
        // faq logs weak answers under XDG_STATE_HOME: into the scratch folder, never the
        // home folder of whoever runs the tests.
        env["XDG_STATE_HOME"] = scratch + "/xdg-state"
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }

        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnError(executable: executable, code: spawned) }

        var status: Int32 = 0
        var usage = rusage()
        var killed = false
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw SpawnError(executable: executable, code: errno) }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if elapsed > hardLimitSeconds && !killed {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(2000)
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

        let ending: ChildResult.Ending
        if killed {
            ending = .killedAfterTimeout
        } else if (status & 0x7f) == 0 {
            ending = .exited((status >> 8) & 0xff)
        } else {
            ending = .signalled(status & 0x7f)
        }
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
        return ChildResult(
            ending: ending, wallSeconds: wall, cpuSeconds: cpu,
            peakRSSBytes: Int(usage.ru_maxrss) * 1024,  // Linux reports kilobytes
            stdout: Array((try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()),
            stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self))
    }

    struct SpawnError: Error, CustomStringConvertible {
        var executable: String
        var code: Int32
        var description: String { "cannot run \(executable): \(String(cString: strerror(code)))" }
    }
}
