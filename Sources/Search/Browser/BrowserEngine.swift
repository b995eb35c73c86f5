import SearchIndexReader

/// The browser's search engine (`search-engine.js` beside this file, embedded by SwiftPM): a
/// dependency-free script that reads the same binary index as `faq` (base64 in
/// `window.KB_SEARCH_INDEX`) and ports the tokenizer, Porter2 stemmer, British-spelling rules,
/// BM25F ranking and typo tolerance line by line, so the site and the terminal rank alike.
/// `SearchTests` runs this script under node and compares its rankings with `Ranker`'s.
///
/// What both sides use is defined once, in Swift, and written into the script here, in place
/// of its `__NAME__` placeholders: the ranking parameters (`RANKING`), the tokenizer's longest
/// word and the Latin folding table. Stop words, irregular forms and synonyms come from the
/// index itself.
enum BrowserEngine {
    static let script: [UInt8] = EmbeddedFile.splice(
        EmbeddedFile.text(PackageResources.search_engine_js),
        [
            ("__RANKING__", JavaScriptLiteral.object(of: RankingParameters.standard)),
            ("__MAX_WORD_BYTES__", String(Tokenizer.maximumWordBytes)),
            ("__FOLDING__", LatinFolding.table.split(separator: "\n").joined(separator: " ")),
        ])
}
