import Dispatch
import KnowledgeBase
import Lint
import Platform
import Search

/// `kb build`: loads the guides once, lints them, and writes the site into a fresh folder
/// beside the target that replaces the previous site only when everything was written.
///
/// A build with an error-level finding, a load error or two guides landing on the same page
/// writes nothing, so a broken change never replaces a good site.
public struct SiteBuilder: Sendable {
    public var guidesRoot: String
    public var output: String
    /// The guides' `kb.yaml` (`Configuration.forGuides`): `site` for the pages, `synonyms` for
    /// the search index, `lint` for the default linter.
    public var configuration: Configuration
    /// The checks that must pass before anything is written (all rules with the configuration's
    /// `lint` settings by default).
    public var linter: Linter

    public init(
        guidesRoot: String, output: String, configuration: Configuration = Configuration(), linter: Linter? = nil
    ) {
        self.configuration = configuration
        self.linter = linter ?? Linter(configuration: configuration.lint)
        self.guidesRoot = guidesRoot.count > 1 && guidesRoot.hasSuffix("/") ? String(guidesRoot.dropLast()) : guidesRoot
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
    }

    /// What a build did, for the command to print.
    public struct Report: Sendable {
        public var pages = 0
        public var files = 0
        public var bytes = 0
        /// Files identical to the previous site's, linked rather than written again.
        public var unchanged = 0
        public var indexBytes = 0
        /// The query embedder and the word-vector table's parts, 0 for a site without vectors.
        public var wordVectorBytes = 0
        /// Warnings (errors stop the build before anything is written).
        public var findings: [Finding] = []
        public var problems: [LoadProblem] = []
        /// Seconds spent per phase, in order.
        public var timings: [(phase: String, seconds: Double)] = []
    }

    public enum Outcome: Sendable {
        case built(Report)
        /// Nothing was written: the guides have error-level findings or could not be loaded.
        case rejected(findings: [Finding], problems: [LoadProblem])
    }

    public func build() throws(SiteError) -> Outcome {
        var clock = PhaseClock()
        var report = Report()
        let target = try checkOutput()
        let kb = KnowledgeBase.load(guidesRoot, renderHTML: true, inlineRuns: true)
        clock.lap("load", into: &report)
        if let rootProblem = kb.problems.first(where: { $0.path == guidesRoot }), kb.guides.isEmpty {
            throw SiteError(message: rootProblem.description)
        }
        // The search index, the largest single job and parallel inside, starts now and runs
        // beside the checks and then the pages (inside the page loop's workers its passes
        // would run serially), so both cores stay busy through its serial parts too.
        let index = IndexScript()
        let indexDone = DispatchGroup()
        let synonyms = configuration.synonyms
        DispatchQueue.global().async(group: indexDone) {
            index.page = SitePages.searchIndex(for: kb, synonyms: synonyms)
        }
        // Every way out waits for it: nothing keeps running after the build returns.
        defer { indexDone.wait() }
        let findings = linter.lint(kb)
        clock.lap("lint", into: &report)
        if kb.hasErrors || findings.contains(where: { $0.severity == .error }) {
            return .rejected(findings: findings, problems: kb.problems)
        }
        report.findings = findings
        report.problems = kb.problems

        let plan = SitePlan(guides: kb.guides)
        let outputs = plan.plannedOutputs(withSitemap: configuration.site.baseURL != nil)
        let collisions = SitePlan.collisions(outputs)
        if !collisions.isEmpty {
            throw SiteError(message: collisions.joined(separator: "\n"), exitCode: 1)
        }
        let context = SiteContext(
            plan: plan, configuration: configuration.site, synonyms: configuration.synonyms, root: guidesRoot)
        // The logo is copied like an image a guide shows, so it passes the same checks.
        if let logo = configuration.site.logo, !context.resolver.isCopyable(logo, isImage: true) {
            throw SiteError(
                message:
                    "\(Configuration.file(inGuides: guidesRoot)): site.logo `\(logo)` is not an image file inside the guides folder"
            )
        }
        let staging = target.staging
        SiteFiles.removeTree(staging)
        do throws(SiteError) {
            // The site being replaced, whose unchanged files the new one links.
            let previous = SiteFiles.kind(target.path + "/" + SitePlan.marker) == .file ? target.path : nil
            try write(
                kb: kb, context: context, outputs: outputs, into: staging, previous: previous,
                index: (index, indexDone), report: &report, clock: &clock)
            try SiteFiles.write([], to: staging + "/" + SitePlan.marker)
            try swap(staging: staging, into: target)
        } catch {
            SiteFiles.removeTree(staging)
            throw error
        }
        clock.lap("swap", into: &report)
        return .built(report)
    }

    // MARK: - Output folder safety

    struct Target {
        var path: String
        var staging: String
        var retired: String
    }

    /// Refuses a file, the guides root or a folder containing it, and a non-empty folder that
    /// is not a site built by kb (a typo must never delete someone's files).
    func checkOutput() throws(SiteError) -> Target {
        guard SiteFiles.kind(guidesRoot) == .directory, let realRoot = SiteFiles.realPath(guidesRoot) else {
            throw SiteError(message: "\(guidesRoot): not a folder of guides")
        }
        switch SiteFiles.kind(output) {
        case .file, .other:
            throw SiteError(message: "\(output): exists and is not a folder; choose another --output")
        case .directory:
            let names = SiteFiles.list(output)
            if !names.isEmpty && !names.contains(SitePlan.marker) {
                throw SiteError(
                    message:
                        "\(output): folder exists and was not built by kb; refusing to replace it (remove it or choose another --output)"
                )
            }
        case .missing:
            break
        }
        let parent = URLPath.directory(of: output)
        let parentPath = parent.isEmpty ? (output.hasPrefix("/") ? "/" : ".") : parent
        try SiteFiles.makeDirectories(parentPath)
        guard let realParent = SiteFiles.realPath(parentPath) else {
            throw SiteError(message: "\(parentPath): cannot open folder")
        }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        if name == "." || name == ".." || name.isEmpty {
            throw SiteError(message: "\(output): give the output folder a name (for example --output site)")
        }
        let realOutput = (realParent == "/" ? "" : realParent) + "/" + name
        if realOutput == realRoot || realRoot.hasPrefix(realOutput + "/") {
            throw SiteError(message: "\(output): is the guides folder or contains it; choose another --output")
        }
        let base = (realParent == "/" ? "" : realParent) + "/."
        return Target(path: realOutput, staging: base + name + ".kb-new", retired: base + name + ".kb-old")
    }

    /// Rename the old site away, the new one in, then delete the old: at every moment either
    /// the old or the new site is complete at the target path.
    func swap(staging: String, into target: Target) throws(SiteError) {
        SiteFiles.removeTree(target.retired)
        let hadSite = SiteFiles.kind(target.path) == .directory
        if hadSite { try SiteFiles.rename(target.path, target.retired) }
        do throws(SiteError) {
            try SiteFiles.rename(staging, target.path)
        } catch {
            if hadSite { try? SiteFiles.rename(target.retired, target.path) }
            throw error
        }
        if hadSite { SiteFiles.removeTreeInParallel(target.retired) }
    }

    // MARK: - Writing

    private func write(
        kb: KnowledgeBase, context: SiteContext, outputs: [(path: String, what: String)], into staging: String,
        previous: String?, index: (script: IndexScript, done: DispatchGroup), report: inout Report,
        clock: inout PhaseClock
    ) throws(SiteError) {
        var folders: Set<String> = [staging, staging + "/assets"]
        for output in outputs {
            let dir = URLPath.directory(of: output.path)
            if !dir.isEmpty { folders.insert(staging + "/" + dir) }
        }
        for folder in folders.sorted() { try SiteFiles.makeDirectories(folder) }

        var themeFiles: [String: [UInt8]] = [:]
        for name in ThemeAssets.names { themeFiles[name] = try ThemeAssets.contents(name, root: guidesRoot) }
        let pages = SitePages(kb: kb, context: context, theme: themeFiles)
        let pageJobs = pages.jobs.filter {
            if case .searchIndex = $0 { return false }
            return true
        }

        struct Slot {
            var bytes = 0
            var reused = false
            var assets: [String] = []
            var error: SiteError?
        }
        let slots = ParallelSlots(count: pageJobs.count, initial: Slot())
        // Pages render, and are compared with the previous site, on all cores; one writer
        // creates or links them as they come. Creating a file takes its folder's lock for the
        // whole create, so a second writer in the same folder only spins on it (a third of the
        // CPU of a fresh tldr build went there) while it could render.
        let writer = DispatchQueue(label: "kb.site.writer")
        // At most this many rendered pages wait for the writer, so memory stays flat however
        // large the site and however slow the disk. (The writer is a serial queue, which
        // libdispatch runs on an overcommit thread: it gets a thread even while every worker
        // waits here.)
        let window = DispatchSemaphore(value: 1024)
        let chunk = 16
        let chunks = (pageJobs.count + chunk - 1) / chunk
        Parallel.forEach(chunks) { c in
            for j in (c * chunk)..<min(pageJobs.count, (c + 1) * chunk) {
                let page = pages.render(pageJobs[j])
                let old = previous.map { $0 + "/" + page.path }
                let identical = old.flatMap { SiteFiles.holds($0, exactly: page.bytes) ? $0 : nil }
                window.wait()
                writer.async {
                    defer { window.signal() }
                    do throws(SiteError) {
                        let reused = try SiteFiles.place(page.bytes, at: staging + "/" + page.path, linking: identical)
                        slots[j] = Slot(bytes: page.bytes.count, reused: reused, assets: page.assets, error: nil)
                    } catch {
                        slots[j] = Slot(bytes: 0, reused: false, assets: [], error: error)
                    }
                }
            }
        }
        writer.sync {}
        index.done.wait()
        let indexPage = index.script.page
        let indexReused = try SiteFiles.write(
            indexPage.bytes, to: staging + "/" + indexPage.path, reusing: previous.map { $0 + "/" + indexPage.path })
        let jobs = pageJobs + [.searchIndex]
        clock.lap("render+write", into: &report)
        var assets: Set<String> = []
        let indexSlot = Slot(bytes: indexPage.bytes.count, reused: indexReused, assets: [], error: nil)
        let results = slots.values + [indexSlot]
        for (j, slot) in results.enumerated() {
            if let error = slot.error { throw error }
            report.bytes += slot.bytes
            report.files += 1
            if slot.reused { report.unchanged += 1 }
            assets.formUnion(slot.assets)
            switch jobs[j] {
            case .guide, .home: report.pages += 1
            case .searchIndex: report.indexBytes = slot.bytes
            case .wordVectorScript, .wordVectorPart: report.wordVectorBytes += slot.bytes
            default: break
            }
        }
        if let logo = context.configuration.logo { assets.insert(logo) }
        // Local images and documents the guides show, copied once each.
        let taken = Set(outputs.map { $0.path.lowercased() })
        for asset in assets.sorted() where !taken.contains(asset.lowercased()) {
            let bytes = try SiteFiles.read(guidesRoot + "/" + asset)
            let dir = URLPath.directory(of: asset)
            if !dir.isEmpty { try SiteFiles.makeDirectories(staging + "/" + dir) }
            if try SiteFiles.write(bytes, to: staging + "/" + asset, reusing: previous.map { $0 + "/" + asset }) {
                report.unchanged += 1
            }
            report.files += 1
            report.bytes += bytes.count
        }
    }
}

/// Wall-clock laps for `--timings`.
struct PhaseClock {
    private var last = PhaseClock.now()

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    mutating func lap(_ phase: String, into report: inout SiteBuilder.Report) {
        let now = PhaseClock.now()
        report.timings.append((phase, now - last))
        last = now
    }
}

/// The search index script, filled by the task that renders it beside the pages.
final class IndexScript: @unchecked Sendable {
    var page = SitePages.Page(path: "", bytes: [])
}
