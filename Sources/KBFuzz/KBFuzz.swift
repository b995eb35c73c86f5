import KnowledgeBase
import Lint
import Platform
import Search
import Site
import TerminalUI

/// One input through everything a guide goes through: parse (front matter, cmark, the model),
/// HTML rendering, the JSON and text views of the model, every lint rule, every page of the
/// site (in memory), the search index and a query on it, and the terminal rendering of the
/// answers.
///
/// Shared by the libFuzzer entry point (built with `-DFUZZING -sanitize=fuzzer`, see
/// `make fuzz`) and the plain replay runner, so a crasher found by the fuzzer is replayed by
/// exactly the code that crashed.
enum FuzzPipeline {
    static func run(_ bytes: [UInt8]) {
        guard let (guide, problems) = try? GuideParser(renderHTML: true).parse(path: "fuzz.md", bytes: bytes) else {
            return
        }
        let kb = KnowledgeBase(root: "fuzz", guides: [guide], problems: problems)
        _ = ModelJSON.render(kb)
        _ = InspectSummary.render(kb)
        _ = Linter().lint(kb)
        // A second guide beside it, so the site has navigation, a home page and links to follow.
        let neighbour = try? GuideParser(renderHTML: true).parse(
            path: "folder/other.md", bytes: Array("# Other\n\nSee [fuzz](../fuzz.md#a).\n".utf8))
        let site = KnowledgeBase(root: "fuzz", guides: [guide] + (neighbour.map { [$0.0] } ?? []), problems: [])
        let context = SiteContext(
            plan: SitePlan(guides: site.guides),
            configuration: SiteConfiguration(
                baseURL: "https://docs.example.com/", editURL: "https://example.com/edit/", title: "Fuzz"),
            root: "fuzz")
        let pages = SitePages(kb: site, context: context, theme: [:])
        for job in pages.jobs { _ = pages.render(job) }
        if let index = SearchIndex(bytes: IndexBuilder().build(kb, key: 0)) {
            let hits = Ranker(index: index).search(guide.title, limit: 3)
            _ = hits.count
        }
        let terminal = TerminalRenderer(width: 60, color: true)
        for entry in guide.faqs { _ = terminal.render(markdown: entry.answer) }
        for section in guide.sections { _ = terminal.render(markdown: section.body) }
    }
}

#if FUZZING
    /// libFuzzer calls this once per generated input; it must not keep state between calls.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        FuzzPipeline.run(bytes)
        return 0
    }

    /// libFuzzer's own driver (`-sanitize=fuzzer` links it in). SwiftPM points the executable's
    /// `main` at this module's entry point, so libFuzzer's `main` is never linked: this entry
    /// point hands the command line to the driver instead.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @main
    struct KBFuzzDriver {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        }
    }
#else
    /// Replays saved inputs: every file in the folders given as arguments, or by default the
    /// kept crashers and the seeds (`Tests/Fuzz/crashers`, `Tests/Fuzz/seeds`). Exits 0 when
    /// every input went through, 2 when a folder or file cannot be read; a regression crashes.
    @main
    struct KBFuzzReplay {
        static func main() {
            let packageRoot = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
                .dropLast(3).joined(separator: "/")
            var arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.isEmpty {
                arguments = [packageRoot + "/Tests/Fuzz/crashers", packageRoot + "/Tests/Fuzz/seeds"]
            }
            var replayed = 0
            for folder in arguments {
                for path in inputFiles(folder) {
                    do {
                        FuzzPipeline.run(try GuideFiles.read(path))
                        replayed += 1
                    } catch {
                        fail("\(path): cannot read: \(error.message)")
                    }
                }
            }
            print("replayed \(replayed) inputs")
        }

        /// The regular files in `folder` (or `folder` itself when it is a file), sorted.
        static func inputFiles(_ folder: String) -> [String] {
            var st = stat()
            guard stat(folder, &st) == 0 else { fail("\(folder): cannot open: \(String(cString: strerror(errno)))") }
            if (st.st_mode & S_IFMT) == S_IFREG { return [folder] }
            guard let dir = opendir(folder) else { fail("\(folder): cannot open: \(String(cString: strerror(errno)))") }
            defer { closedir(dir) }
            var files: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                var fs = stat()
                if stat(path, &fs) == 0, (fs.st_mode & S_IFMT) == S_IFREG { files.append(path) }
            }
            return files.sorted()
        }

        static func fail(_ message: String) -> Never {
            let line = Array("kbfuzz: \(message)\n".utf8)
            _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            exit(2)
        }
    }
#endif
