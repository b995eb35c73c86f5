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
}
