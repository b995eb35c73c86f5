import ArgumentParser
import KnowledgeBase
import Lint
import Platform
import TerminalUI

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the guides: example secrets, broken links and anchors, duplicate questions, structure.",
        discussion: """
            Exit status: 0 when there are no errors (warnings allowed), 1 when there is an error \
            finding, 2 for usage or I/O errors (missing path, unreadable or non-UTF-8 file, bad \
            kb.yaml). Files that can be read are still checked and reported when others cannot.
            """
    )

    @Argument(help: "Guides folders to check, or single .md files (checked within their knowledge base).")
    var paths: [String] = ["guides"]

    @Option(help: "Output format: text, json, sarif or github (workflow annotations).")
    var format: String = "text"

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Read settings from this file instead of kb.yaml at the guides root.")
    var config: String?

    @Flag(help: "List the rules with their ids, default severities and what they check.")
    var listRules = false

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)': use text, json, sarif or github")
        }
    }

    func run() throws {
        if listRules {
            Output.write(Self.ruleTable())
            return
        }
        let format = ReportFormat(rawValue: format) ?? .text
        var explicitConfiguration: Configuration?
        if let config {
            do {
                explicitConfiguration = try Configuration(contentsOf: config, ruleIDs: Linter.allRuleIDs)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
        }

        var findings: [Finding] = []
        var filesChecked = 0
        var ioFailure = false
        let workingDirectory = Self.workingDirectory()
        for path in paths {
            guard let target = LintTarget(path) else {
                Output.error("\(path): error: no such guides folder or Markdown file")
                ioFailure = true
                continue
            }
            let configuration: Configuration
            if let explicitConfiguration {
                configuration = explicitConfiguration
            } else {
                do {
                    configuration = try Configuration.forGuides(root: target.root, ruleIDs: Linter.allRuleIDs)
                } catch {
                    Output.error(error.description)
                    throw ExitCode(2)
                }
            }
            let kb = KnowledgeBase.load(target.root)
            let loaded = Set(kb.guides.map(\.path))
            for problem in kb.problems where !loaded.contains(problem.path) {
                if let only = target.onlyFile, problem.path != only { continue }
                var shown = problem
                if problem.path != target.root {
                    shown.path = Self.display(Self.join(target.root, problem.path), workingDirectory)
                }
                Output.error(shown.description)
                if problem.severity == .error { ioFailure = true }
            }
            if let only = target.onlyFile, !loaded.contains(only) { continue }
            var found = Linter(configuration: configuration.lint).lint(kb)
            if let only = target.onlyFile { found.removeAll { $0.path != only } }
            for i in found.indices {
                found[i].path = Self.display(Self.join(target.root, found[i].path), workingDirectory)
            }
            findings.append(contentsOf: found)
            filesChecked += target.onlyFile == nil ? kb.guides.count : 1
        }

        let report = LintReport(
            findings: findings, filesChecked: filesChecked, rules: Linter.allRules.map(\.descriptor),
            toolVersion: KBVersion.string)
        let colored = format == .text && output == nil && Self.stdoutWantsColor()
        let bytes = format.reporter(colored: colored).render(report)
        if let output {
            do {
                try ReportFile.write(bytes, to: output)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
        } else {
            Output.write(bytes)
        }
        if ioFailure { throw ExitCode(2) }
        if report.errorCount > 0 { throw ExitCode(1) }
    }

    /// `--list-rules`: id, default severity and summary, aligned.
    static func ruleTable() -> String {
        let rules = Linter.allRules.map(\.descriptor)
        let width = rules.map(\.id.count).max() ?? 0
        var out = ""
        for r in rules {
            let padding = String(repeating: " ", count: width - r.id.count)
            let severity =
                r.defaultSeverity.rawValue + String(repeating: " ", count: 7 - r.defaultSeverity.rawValue.count)
            out += "\(r.id)\(padding)  \(severity)  \(r.summary)\n"
        }
        return out
    }

    static func stdoutWantsColor() -> Bool {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        return isatty(1) == 1
    }

    static func join(_ root: String, _ path: String) -> String {
        if root == "." || root.isEmpty { return path }
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }

    /// `path` relative to the working directory when it lies below it, else as given.
    static func display(_ path: String, _ workingDirectory: String?) -> String {
        var shown = path
        if let cwd = workingDirectory, shown.hasPrefix(cwd + "/") { shown = String(shown.dropFirst(cwd.count + 1)) }
        while shown.hasPrefix("./") { shown = String(shown.dropFirst(2)) }
        return shown
    }

    static func workingDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// What one PATH argument means: a guides root, and for a single file, that file within the
/// knowledge base it belongs to (links and duplicate questions need the other guides).
struct LintTarget {
    var root: String
    /// The one guide to report, relative to `root`; nil to report the whole root.
    var onlyFile: String?

    /// Nil when `path` is neither a folder nor a `.md` file.
    init?(_ path: String) {
        if LintTarget.isFolder(path) {
            root = path
            onlyFile = nil
            return
        }
        guard path.hasSuffix(".md"), LintTarget.isFile(path) else { return nil }
        // The root is the nearest folder above the file (within the path as written) that has
        // a kb.yaml, else the file's own folder.
        var folders: [String] = []
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast()
        while !parts.isEmpty {
            let folder = parts.joined(separator: "/")
            folders.append(folder.isEmpty ? "/" : folder)
            parts.removeLast()
        }
        if !path.hasPrefix("/") { folders.append(".") }
        let chosen =
            folders.first { LintTarget.isFile(Configuration.file(inGuides: $0)) } ?? folders.first
            ?? "."
        root = chosen
        var relative = path
        if chosen == "/" {
            relative = String(path.dropFirst())
        } else if chosen != "." {
            relative = String(path.dropFirst(chosen.count + 1))
        }
        while relative.hasPrefix("./") { relative = String(relative.dropFirst(2)) }
        onlyFile = relative
    }

    static func isFolder(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}
