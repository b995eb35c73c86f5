import Platform
import SearchIndexReader
import TerminalUI

/// Gives `faq` the index for a source: the cached one when its content key still matches (a
/// stat per guide file and one `mmap`), else a fresh one from `kb index`, stored for next time.
///
/// Building runs in the `kb` process so that this binary links none of the Markdown model,
/// YAML or Foundation: their size and start-up work would dominate every warm lookup.
struct IndexLoader {
    var cache: IndexCache? = IndexCache.fromEnvironment()
    var indexer = IndexerProcess()

    func index(for source: GuidesSource) throws(IndexProblem) -> SearchIndex {
        let index = try load(source)
        // Files the index was built without, named on every run (the index carries them): a
        // guide that silently drops out of the answers is a mystery.
        for problem in index.problems {
            let text = Array(TerminalText.safe("faq: \(problem)\n").utf8)
            _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        }
        return index
    }

    private func load(_ source: GuidesSource) throws(IndexProblem) -> SearchIndex {
        let identity = try source.cacheIdentity(cache: cache)
        if let cached = cache?.load(source: identity.name, key: identity.key) { return cached }
        let bytes = try indexer.build(source)
        // `kb` took the key again itself; if a guide changed in between, its index carries the
        // newer key and the next run rebuilds, so storing it as is stays correct.
        cache?.store(source: identity.name, bytes: bytes)
        guard let index = SearchIndex(bytes: bytes) else {
            throw IndexProblem(message: "kb index printed something that is not an index")
        }
        return index
    }
}
