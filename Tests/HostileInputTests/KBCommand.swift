import Foundation

/// The commands every hostile case runs against, as a user would type them, on the binaries
/// `swift build` (or `swift test`) left in `.build/debug`.
enum KBCommand: String, CaseIterable, Sendable {
    case inspect
    case inspectJSON = "inspect --json"
    case lint
    case build
    case faq

    /// The question asked by `faq`: the clean guide in every case folder answers it.
    static let query = "rotate my key"

    var executable: String {
        self == .faq ? Binaries.faq : Binaries.kb
    }

    func arguments(guides: String, site: String) -> [String] {
        switch self {
        case .inspect: return ["inspect", guides]
        case .inspectJSON: return ["inspect", "--json", guides]
        case .lint: return ["lint", guides]
        case .build: return ["build", guides, "--output", site]
        case .faq: return ["--guides", guides, KBCommand.query]
        }
    }

    /// Whether this branch's binaries have the command: `--help` exits 0 and mentions it.
    /// Branches are built in parallel; until all are merged, missing commands are skipped with
    /// a message rather than failed.
    var isAvailable: Bool { KBCommand.availability[self] ?? false }

    private static let availability: [KBCommand: Bool] = {
        var found: [KBCommand: Bool] = [:]
        for command in KBCommand.allCases {
            guard FileManager.default.isExecutableFile(atPath: command.executable) else {
                // Not built at all: run the tests, which then fail saying so.
                found[command] = true
                continue
            }
            let help: [String]
            let needle: String
            switch command {
            case .inspect, .inspectJSON: (help, needle) = (["inspect", "--help"], "--json")
            case .lint: (help, needle) = (["lint", "--help"], "lint")
            case .build: (help, needle) = (["build", "--help"], "--output")
            case .faq: (help, needle) = (["--help"], "--guides")
            }
            let scratch = NSTemporaryDirectory()
            let result = try? ChildProcess(executable: command.executable, arguments: help, scratch: scratch).run()
            let text = String(decoding: result?.stdout ?? [], as: UTF8.self) + (result?.stderr ?? "")
            found[command] = result?.exitCode == 0 && text.contains(needle)
        }
        return found
    }()
}

/// Where the built binaries are: `.build/debug` beside this package (from `#filePath`), or
/// `KB_BIN_DIR` to run the suite against other builds (release, sanitizers).
enum Binaries {
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let directory: String =
        ProcessInfo.processInfo.environment["KB_BIN_DIR"] ?? packageRoot + "/.build/debug"
    static var kb: String { directory + "/kb" }
    /// SwiftPM's debug products live in `.build/<triple>/debug` (`.build/debug` links to it).
    static var isDebugBuild: Bool { directory.hasSuffix("/debug") || directory.hasSuffix("/debug/") }
    static var faq: String { directory + "/faq" }

    /// Nil when both binaries exist; otherwise what to do about it.
    static var missing: String? {
        let absent = [kb, faq].filter { !FileManager.default.isExecutableFile(atPath: $0) }
        guard !absent.isEmpty else { return nil }
        return "built binaries not found: \(absent.joined(separator: ", ")); run `swift build` first"
    }
}
