import Foundation

/// Runs a program and collects what it printed: the built `kb`, git, bash.
struct ProcessRun {
    var status: Int32
    var stdout: String
    var stderr: String

    var output: String { stdout + stderr }

    static func run(
        _ executable: URL, _ arguments: [String], in folder: String, environment: [String: String] = [:]
    ) throws -> ProcessRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // stderr is read on another thread so that neither pipe fills while the other is read.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `kb ARGS` (the debug build) in `folder`.
    static func kb(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> ProcessRun {
        try run(TestPaths.kb, arguments, in: folder, environment: ["NO_COLOR": "1"].merging(environment) { $1 })
    }

    /// A program found on PATH, through /usr/bin/env.
    static func tool(_ name: String, _ arguments: [String], in folder: String, environment: [String: String] = [:])
        throws -> ProcessRun
    {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: folder, environment: environment)
    }

    static func isInstalled(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }
}
