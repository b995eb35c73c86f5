import Foundation
import KnowledgeBase

/// `kb lint --staged`: the Markdown files staged for the next commit, as git would commit them
/// (the index, not the working tree), inside one guides root.
///
/// git is run as a program (`git rev-parse`, `git diff --cached`, `git cat-file --batch`)
/// rather than by reading `.git/index`: the index format has versions, split indexes and
/// sparse checkouts that only git itself gets right.
struct StagedGuides {
    /// Staged content by path relative to the guides root.
    var files: [(path: String, bytes: [UInt8])] = []

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The staged `.md` files below `root`, read from the index.
    init(root: String) throws(Failure) {
        let top = try Self.git(["rev-parse", "--show-toplevel"], in: root)
        let topLevel = Self.canonical(String(decoding: top, as: UTF8.self).trimmingCharacters(in: .newlines))
        let rootPath = Self.canonical(root)
        let names = try Self.git(["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"], in: topLevel)
        var wanted: [(repoPath: String, relative: String)] = []
        for name in names.split(separator: 0) {
            let repoPath = String(decoding: name, as: UTF8.self)
            guard repoPath.hasSuffix(".md"), !repoPath.contains("\n") else { continue }
            let absolute = topLevel == "/" ? "/" + repoPath : topLevel + "/" + repoPath
            guard rootPath == "/" || absolute.hasPrefix(rootPath + "/") else { continue }
            wanted.append((repoPath, String(absolute.dropFirst(rootPath == "/" ? 1 : rootPath.count + 1))))
        }
        guard !wanted.isEmpty else { return }
        // One git process for every blob: `:PATH` names the staged version.
        let request = wanted.map { ":" + $0.repoPath + "\n" }.joined()
        let output = try Self.git(["cat-file", "--batch"], in: topLevel, input: Array(request.utf8))
        var i = 0
        for file in wanted {
            // `<oid> blob <size>\n<content>\n`, or `<name> missing\n`.
            guard let newline = output[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: output[i..<newline], as: UTF8.self).split(separator: " ")
            i = newline + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), i + size <= output.count else {
                continue
            }
            files.append((file.relative, Array(output[i..<(i + size)])))
            i += size + 1
        }
    }

    /// `kb` with the staged files in place of (or beside) the working tree's.
    func overlay(on kb: KnowledgeBase) -> (KnowledgeBase, [LoadProblem]) {
        var kb = kb
        var problems: [LoadProblem] = []
        var index: [String: Int] = [:]
        for (i, g) in kb.guides.enumerated() { index[g.path] = i }
        for file in files {
            do {
                let (guide, loadProblems) = try GuideParser().parse(path: file.path, bytes: file.bytes)
                kb.problems.removeAll { $0.path == file.path }
                kb.problems.append(contentsOf: loadProblems)
                if let i = index[file.path] { kb.guides[i] = guide } else { kb.guides.append(guide) }
            } catch {
                problems.append(error)
            }
        }
        return (kb, problems)
    }

    /// Runs git with `arguments` in `folder`, returning its standard output.
    static func git(_ arguments: [String], in folder: String, input: [UInt8]? = nil) throws(Failure) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do {
            try process.run()
        } catch {
            throw Failure(description: "--staged: cannot run git: \(error)")
        }
        if let input {
            // Written from another thread: git answers while it reads, and both pipes can fill.
            let writer = stdin.fileHandleForWriting
            let data = Data(input)
            DispatchQueue.global().async {
                writer.write(data)
                try? writer.close()
            }
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "--staged: git \(arguments.first ?? ""): \(message)")
        }
        return Array(out)
    }

    /// `path` absolute, with symbolic links resolved, so it compares with git's top level.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
