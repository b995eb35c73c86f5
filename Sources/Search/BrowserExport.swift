import KnowledgeBase

/// What the static site needs from search, so that the browser and the terminal rank alike:
/// the index as a script (loaded with a `<script>` tag, which works from `file://` where
/// `fetch` does not) and the dependency-free engine that queries it.
///
/// Contract with the site:
/// - `indexScript` assigns the index to `window.KB_SEARCH_INDEX`.
/// - `engineScript` defines `window.KBSearch.search(query, limit)`, returning an array of
///   `{id, kind: "faq"|"section"|"guide", title, guide, url, snippet, score}` where `url` is
///   relative to the site root (`rotating-keys.html#rotate-a-key-step-by-step`).
public enum BrowserExport {
    public static func indexScript(for kb: KnowledgeBase) -> [UInt8] {
        fatalError("BrowserExport.indexScript: built on the search branch")
    }

    public static var engineScript: [UInt8] {
        fatalError("BrowserExport.engineScript: built on the search branch")
    }
}
