import KnowledgeBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the guides come from: a folder, or the knowledge base built into the binary.
public enum GuidesSource: Sendable, Hashable {
    case folder(String)
    case builtIn

    /// `--guides`, else `FAQ_GUIDES`, else a `guides/` folder in `directory` or one of its
    /// parents, else the built-in guides.
    public static func resolve(explicit: String?, environment: String?, directory: String)
        -> GuidesSource
    {
        if let explicit, !explicit.isEmpty { return .folder(explicit) }
        if let environment, !environment.isEmpty { return .folder(environment) }
        var dir = directory
        while true {
            let candidate = (dir == "/" ? "" : dir) + "/guides"
            var st = stat()
            if stat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return .folder(candidate) }
            guard let slash = dir.utf8.lastIndex(of: UInt8(ascii: "/")), dir != "/" else { break }
            dir = slash == dir.utf8.startIndex ? "/" : String(dir[..<slash])
        }
        return .builtIn
    }
}

/// A guides folder or `kb.yaml` that could not be used.
public struct IndexProblem: Error, Sendable {
    public var message: String
}

/// Gives the index for a source: from the cache when its key still matches, else built from
/// the guides (and stored for next time).
///
/// The warm path is: stat the guide files, read one cache file. The Markdown parser, YAML and
/// the model are touched only when the index is (re)built.
public struct IndexProvider {
    public var cache: IndexCache?

    public init(cache: IndexCache? = IndexCache.fromEnvironment()) {
        self.cache = cache
    }

    public func index(for source: GuidesSource) throws(IndexProblem) -> SearchIndex {
        switch source {
        case .folder(let root):
            var st = stat()
            guard stat(root, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                throw IndexProblem(message: "\(root): not a guides folder")
            }
            let name = realPath(root) ?? root
            let key = ContentKey.forFolder(root)
            if let cached = cache?.load(source: name, key: key) { return cached }
            let kb = KnowledgeBase.load(root)
            if kb.guides.isEmpty {
                let detail = kb.problems.first.map { ": \($0.path): \($0.message)" } ?? ""
                throw IndexProblem(message: "\(root): no guides found\(detail)")
            }
            let synonyms = try loadSynonyms(path: root + "/kb.yaml")
            let bytes = IndexBuilder(synonyms: synonyms).build(kb, key: key)
            cache?.store(source: name, bytes: bytes)
            guard let index = SearchIndex(bytes: bytes) else {
                throw IndexProblem(message: "index could not be built")
            }
            return index
        case .builtIn:
            let files = DefaultGuides.files
            let key = ContentKey.forFiles(files)
            let name = "built-in guides"
            if let cached = cache?.load(source: name, key: key) { return cached }
            let kb = IndexProvider.knowledgeBase(files: files, root: "(built-in guides)")
            var synonyms = Synonyms.builtIn
            if let yaml = files.first(where: { $0.path == "kb.yaml" }) {
                synonyms.groups += (try? Synonyms.parse(kbYAML: yaml.text))?.groups ?? []
            }
            let bytes = IndexBuilder(synonyms: synonyms).build(kb, key: key)
            cache?.store(source: name, bytes: bytes)
            guard let index = SearchIndex(bytes: bytes) else {
                throw IndexProblem(message: "index could not be built")
            }
            return index
        }
    }

    /// Parses in-memory guide files into a knowledge base.
    public static func knowledgeBase(files: [(path: String, text: String)], root: String)
        -> KnowledgeBase
    {
        let parser = GuideParser()
        var guides: [Guide] = []
        var problems: [LoadProblem] = []
        for file in files where file.path.hasSuffix(".md") {
            do {
                let (guide, found) = try parser.parse(path: file.path, bytes: Array(file.text.utf8))
                guides.append(guide)
                problems += found
            } catch {
                problems.append(error)
            }
        }
        return KnowledgeBase(root: root, guides: guides, problems: problems)
    }

    /// Built-in synonyms plus the `synonyms` section of `kb.yaml`, when the file exists.
    func loadSynonyms(path: String) throws(IndexProblem) -> Synonyms {
        var synonyms = Synonyms.builtIn
        guard access(path, F_OK) == 0 else { return synonyms }
        guard let bytes = IndexCache.readFile(path) else {
            throw IndexProblem(message: "\(path): cannot read")
        }
        do {
            synonyms.groups += try Synonyms.parse(kbYAML: String(decoding: bytes, as: UTF8.self)).groups
        } catch let error as SynonymsError {
            throw IndexProblem(message: "\(path): \(error.message)")
        } catch {
            throw IndexProblem(message: "\(path): not valid YAML: \(error)")
        }
        return synonyms
    }

    func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
