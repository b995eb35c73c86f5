import KnowledgeBase
import Platform
import SearchIndexReader

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

    /// `synonyms` is the `synonyms:` section of the source's `kb.yaml`
    /// (`source.configuration(ruleIDs:)`), which the cache key covers.
    public func index(for source: GuidesSource, synonyms: SynonymsConfiguration) throws(IndexProblem) -> SearchIndex {
        let identity = try source.cacheIdentity()
        if let cached = cache?.load(source: identity.name, key: identity.key) { return cached }
        let bytes = try build(source, key: identity.key, synonyms: synonyms)
        cache?.store(source: identity.name, bytes: bytes)
        guard let index = SearchIndex(bytes: bytes) else {
            throw IndexProblem(message: "index could not be built")
        }
        return index
    }

    /// The index bytes for a source, built from the guides with the parser and the model, and
    /// the synonyms of its `kb.yaml`: what `kb index` prints for `faq`, which links none of them.
    public func build(_ source: GuidesSource, key: UInt64, synonyms: SynonymsConfiguration) throws(IndexProblem)
        -> [UInt8]
    {
        var problems: [LoadProblem] = []
        return try build(source, key: key, synonyms: synonyms, problems: &problems)
    }

    /// The same, also giving the files that could not be indexed (or only in part), so the
    /// caller can name them: a guide that silently drops out of the answers is a mystery.
    /// `logsMisses` is `kb.yaml`'s `faq.log-misses`, written into the index for faq.
    public func build(
        _ source: GuidesSource, key: UInt64, synonyms: SynonymsConfiguration, logsMisses: Bool = true,
        problems: inout [LoadProblem]
    ) throws(IndexProblem) -> [UInt8] {
        let synonyms = Synonyms(builtInAnd: synonyms)
        switch source {
        case .folder(let root):
            let kb = KnowledgeBase.load(root)
            problems = kb.problems
            if kb.guides.isEmpty {
                let detail = kb.problems.first.map { ": \($0.path): \($0.message)" } ?? ""
                throw IndexProblem(message: "\(root): no guides found\(detail)")
            }
            var builder = IndexBuilder(synonyms: synonyms)
            builder.problems = kb.problems.map(\.description)
            builder.logsMisses = logsMisses
            return builder.build(kb, key: key)
        case .builtIn:
            let files = DefaultGuides.files
            let kb = IndexProvider.knowledgeBase(files: files, root: "(built-in guides)")
            return IndexBuilder(synonyms: synonyms).build(kb, key: key)
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
}
