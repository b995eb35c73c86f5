import Embeddings
import KnowledgeBase
import Platform
import SearchIndexReader

/// What the static site needs from search, so that the browser and the terminal rank alike:
/// the index as a script (loaded with a `<script>` tag, which works from `file://` where
/// `fetch` does not) and the dependency-free engine that queries it.
///
/// Contract with the site:
/// - `indexScript` assigns the index to `window.KB_SEARCH_INDEX`.
/// - `engineScript` defines `window.KBSearch.search(query, limit)`, returning an array of
///   `{id, kind: "faq"|"section"|"guide", title, guide, url, snippet, score}` where `url` is
///   relative to the site root (`rotating-keys.html#rotate-a-key-step-by-step`).
///
/// - When `usesWordVectors(_:)`, `wordVectorScript` defines `window.KBWordLlama.open(loadPart)`
///   (the query's WordLlama vector, for `KBSearch.search(query, limit, vector)`) and each of
///   `wordVectorPartScripts` adds one part of the word-vector table, base64, to
///   `window.KB_WORDLLAMA_PARTS[number]`, to be loaded with a `<script>` tag when a query's
///   tokens need it.
///
/// The index is the very binary `faq` uses (built without the Markdown answers, which the
/// pages already hold), base64-encoded; the engine reads it in place.
public enum BrowserExport {
    /// `synonyms` is the `synonyms:` section of the guides' `kb.yaml`, as `faq`'s index uses.
    public static func indexScript(for kb: KnowledgeBase, synonyms: SynonymsConfiguration) -> [UInt8] {
        var builder = IndexBuilder(synonyms: Synonyms(builtInAnd: synonyms), includeAnswers: false)
        let index = builder.build(kb, key: 0)
        var out = Array("window.KB_SEARCH_INDEX=\"".utf8)
        out.reserveCapacity(index.count * 4 / 3 + 64)
        Base64.encode(index, into: &out)
        out += Array("\";\n".utf8)
        return out
    }

    public static var engineScript: [UInt8] {
        BrowserEngine.script
    }

    /// True when the site's engine fuses word vectors (`KBSearch.hasVectors()`): the ranking
    /// weighs them, and the guides have FAQ entries or sections, the units whose vectors the
    /// index stores. A site of whole guides only (tldr) has no vectors, and needs no table.
    public static func usesWordVectors(_ guides: [Guide]) -> Bool {
        RankingParameters.standard.semanticWeight > 0 && SearchUnit.includesEntriesOrSections(guides)
    }

    /// `Browser/wordllama.js` of `Embeddings`, the same tokenizer and pooling as `faq`'s.
    public static var wordVectorScript: [UInt8] {
        WordLlamaBrowser.script
    }

    /// How many parts the word-vector table is cut into.
    public static var wordVectorPartCount: Int {
        WordLlamaBrowser.parts.count
    }

    /// Each part of the table as a script: `(window.KB_WORDLLAMA_PARTS=…||{})[n]="base64";`. A
    /// script, not a binary file, because `fetch` does not work from `file://`; base64, because
    /// the browser decodes it natively (`atob`) and it passes through any text encoding. Encoded
    /// once per process (13 MB for the 10 MB table), since every build writes the same bytes.
    public static let wordVectorPartScripts: [[UInt8]] = WordLlamaBrowser.parts.enumerated().map { number, part in
        var out = Array("(window.KB_WORDLLAMA_PARTS=window.KB_WORDLLAMA_PARTS||{})[\(number)]=\"".utf8)
        out.reserveCapacity(part.count * 4 / 3 + 80)
        Base64.encode(Array(part), into: &out)
        out += Array("\";\n".utf8)
        return out
    }
}
