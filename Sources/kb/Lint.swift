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

    @Flag(
        help: ArgumentHelp(
            "Rewrite what can be fixed safely, in place: realistic keys become placeholders, terms their replacements.",
            discussion: "Files are rewritten atomically; nothing outside the fixed spans changes."))
    var fix = false

    @Option(help: "Report only findings that are not in this baseline file (see --write-baseline).")
    var baseline: String?

    @Option(help: "Record today's findings in this baseline file (salted hashes, no line numbers) and exit 0.")
    var writeBaseline: String?

    @Flag(help: "Check the staged content of staged Markdown files (what git would commit), not the working tree.")
    var staged = false

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)': use text, json, sarif or github")
        }
        if fix && staged {
            throw ValidationError("--fix rewrites the working tree, --staged checks the index: use one at a time")
        }
        if fix && writeBaseline != nil {
            throw ValidationError("--fix and --write-baseline: fix first, then record the baseline")
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

        var accepted: Baseline?
        if let baseline {
            do {
                accepted = try Baseline.parse(try Self.readFile(baseline), path: baseline)
            } catch {
                Output.error("\(error)")
                throw ExitCode(2)
            }
        }
        var recorded = writeBaseline == nil ? nil : Baseline()

        var findings: [Finding] = []
        var filesChecked = 0
        var ioFailure = false
        var fixedCount = 0
        var staleCount = 0
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
            func shown(_ relative: String) -> String {
                Self.display(Self.join(target.root, relative), workingDirectory)
            }
            var kb = KnowledgeBase.load(target.root, inlineRuns: true)
            // The files to report, relative to the root: one file, the staged ones, or all.
            var only: Set<String>? = target.onlyFile.map { [$0] }
            if staged {
                do {
                    let stagedGuides = try StagedGuides(root: target.root)
                    var stagedPaths = Set(stagedGuides.files.map(\.path))
                    if let file = target.onlyFile { stagedPaths.formIntersection([file]) }
                    only = stagedPaths
                    let (overlaid, problems) = stagedGuides.overlay(on: kb)
                    kb = overlaid
                    for problem in problems {
                        var p = problem
                        p.path = shown(problem.path) + " (staged)"
                        Output.error(p.description)
                        ioFailure = true
                    }
                } catch {
                    Output.error(error.description)
                    throw ExitCode(2)
                }
            }
            let loaded = Set(kb.guides.map(\.path))
            for problem in kb.problems where !loaded.contains(problem.path) {
                if let only, !only.contains(problem.path) { continue }
                var shownProblem = problem
                if problem.path != target.root { shownProblem.path = shown(problem.path) }
                Output.error(shownProblem.description)
                if problem.severity == .error { ioFailure = true }
            }
            // Nothing to report: the one file did not load, or nothing is staged here.
            if let only, !only.contains(where: loaded.contains) { continue }
            var found = Linter(configuration: configuration.lint).lint(kb)
            if let only { found.removeAll { !only.contains($0.path) } }

            if fix {
                let (fixed, failed) = Self.applyFixes(
                    found, in: kb, root: target.root, configuration: configuration.lint)
                for f in fixed {
                    Output.error(
                        "\(shown(f.finding.path)):\(f.finding.line):\(f.finding.column): fixed: \(f.description)")
                }
                for failure in failed {
                    Output.error(failure)
                    ioFailure = true
                }
                fixedCount += fixed.count
                let done = Set(fixed.map(\.finding))
                found.removeAll { done.contains($0) }
            }
            if let accepted {
                let scope = only ?? loaded
                let (new, stale) = accepted.filter(found, in: kb, paths: scope)
                found = new
                staleCount += stale.count
                for entry in stale {
                    Output.error(
                        "\(shown(entry.path)): note: a baseline entry for \(entry.rule) matches nothing now: "
                            + "rewrite the baseline with --write-baseline so it shrinks")
                }
            }
            if recorded != nil {
                let guides = Dictionary(kb.guides.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
                for finding in found {
                    recorded!.entries.append(recorded!.entry(for: finding, in: guides[finding.path]))
                }
            }
            for i in found.indices { found[i].path = shown(found[i].path) }
            findings.append(contentsOf: found)
            filesChecked += only?.count ?? kb.guides.count
        }

        if let writeBaseline, let recorded {
            do {
                try ReportFile.write(recorded.serialized(), to: writeBaseline)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
            Output.error("kb lint: recorded \(recorded.entries.count) findings in \(writeBaseline)")
            if ioFailure { throw ExitCode(2) }
            return
        }
        if fix { Output.error("kb lint --fix: fixed \(fixedCount), \(findings.count) remain (below)") }
        if accepted != nil, staleCount > 0 {
            Output.error("kb lint --baseline: \(staleCount) stale entries")
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

    /// Applies the fixes for `findings` to the files under `root`, each written atomically
    /// (a temporary file in the same folder, renamed over it, with the file's permissions).
    /// Returns what was fixed and, for files that could not be rewritten, why.
    ///
    /// Files are fixed in parallel (each is its own read, rewrite and rename), and without an
    /// `fsync` per file: 1,800 rewritten tldr pages spent most of `--fix`'s time waiting for
    /// the disk. What the rename alone guarantees is what a fix needs: no reader, and no crash
    /// or kill of `kb`, ever sees half a file, and a failure leaves the old one. What the
    /// `fsync` added is only survival of a power loss or kernel crash in the seconds before
    /// write-back, where some filesystems could leave the file empty (ext4 and btrfs flush a
    /// file renamed over another anyway); these are guides in a working tree, which version
    /// control restores, and a formatter's rewrite (`swift format -i`, `gofmt -w`) takes the
    /// same trade. What `--fix` still costs over plain lint (measured: 2.5× on 1,800 rewritten
    /// tldr pages, against 23× with the fsyncs) is mostly ext4 allocating an inode for each
    /// temporary file: the price of the rename's atomicity, which stays.
    static func applyFixes(_ findings: [Finding], in kb: KnowledgeBase, root: String, configuration: LintConfiguration)
        -> (fixed: [FixedFinding], failures: [String])
    {
        let byPath = Dictionary(grouping: findings, by: \.path)
        let guides = kb.guides.filter { byPath[$0.path] != nil }
        let outcomes = Parallel.map(guides.count) { i -> (fixed: [FixedFinding], failure: String?) in
            let guide = guides[i]
            let fixes = Fixer.fixes(for: byPath[guide.path] ?? [], in: guide, configuration: configuration)
            guard !fixes.isEmpty else { return ([], nil) }
            let file = join(root, guide.path)
            guard let original = try? readFile(file) else {
                return ([], "\(file): error: cannot read it again to fix it")
            }
            // The guide was loaded without a byte-order mark; the file keeps its own.
            let bom: [UInt8] = original.starts(with: [0xEF, 0xBB, 0xBF]) ? [0xEF, 0xBB, 0xBF] : []
            let body = Array(original.dropFirst(bom.count))
            guard body.elementsEqual(guide.source.utf8) else {
                return ([], "\(file): error: changed while it was checked; not fixed")
            }
            var st = stat()
            let mode = stat(file, &st) == 0 ? st.st_mode & 0o7777 : 0o644
            do throws(FileOutputError) {
                try FileOutput.writeAtomically(bom + Fixer.apply(fixes, to: body), to: file, mode: mode, durable: false)
                return (fixes.map(FixedFinding.init), nil)
            } catch {
                return ([], "\(file): error: cannot write the fixed file: \(error.reason)")
            }
        }
        return (outcomes.flatMap { $0.fixed }, outcomes.compactMap { $0.failure })
    }

    /// A whole file's bytes.
    static func readFile(_ path: String) throws -> [UInt8] {
        guard let handle = fopen(path, "rb") else { throw ReadFailure(path: path) }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, handle)
            if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
        }
        if ferror(handle) != 0 { throw ReadFailure(path: path) }
        return bytes
    }

    struct ReadFailure: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path): error: cannot read it" }
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

/// A finding `--fix` fixed, described without the value it replaced: the message of a
/// `realistic-secret` finding shows the key's prefix and last characters, which must not
/// outlive the key.
struct FixedFinding {
    var finding: Finding
    var description: String

    init(_ fix: Fixer.Fix) {
        finding = fix.finding
        if fix.finding.ruleID == RealisticSecretRule.id {
            description = "replaced the key with the placeholder \(fix.replacement) [\(fix.finding.ruleID)]"
        } else {
            description = "\(fix.finding.message): done [\(fix.finding.ruleID)]"
        }
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
