import Platform
import SearchIndexReader

/// The browser's search engine (`search-engine.js` beside this file, embedded by SwiftPM): a
/// dependency-free script that reads the same binary index as `faq` (base64 in
/// `window.KB_SEARCH_INDEX`) and ports the tokenizer, Porter2 stemmer, British-spelling rules,
/// BM25F ranking and typo tolerance line by line, so the site and the terminal rank alike.
/// `SearchTests` runs this script under node and compares its rankings with `Ranker`'s.
///
/// What both sides use is defined once, in Swift, and written into the script here, in place
/// of its `__NAME__` placeholders: the ranking parameters (`RANKING`), the index layout
/// (`FORMAT`), the tokenizer's longest word and the Latin folding table. Stop words, irregular
/// forms and synonyms come from the index itself.
enum BrowserEngine {
    static let script: [UInt8] = EmbeddedFile.splice(
        EmbeddedFile.text(PackageResources.search_engine_js),
        [
            ("__RANKING__", JavaScriptLiteral.object(of: RankingParameters.standard)),
            ("__INDEX_FORMAT__", indexLayout),
            ("__MAX_WORD_BYTES__", String(Tokenizer.maximumWordBytes)),
            ("__FOLDING__", LatinFolding.table.split(separator: "\n").joined(separator: " ")),
        ])

    /// What the script reads the index with, from the record types that read and write it in
    /// Swift: a new section or a moved field reaches the browser with no edit to the script.
    static var indexLayout: String {
        typealias L = JavaScriptLiteral
        return L.object([
            ("magic", L.string(String(decoding: IndexFormat.magic, as: UTF8.self))),
            (
                "header",
                L.object([
                    "unitCount": IndexHeader.Layout.unitCount, "termCount": IndexHeader.Layout.termCount,
                    "surfaceCount": IndexHeader.Layout.surfaceCount, "sections": IndexHeader.Layout.sections,
                ])
            ),
            ("sectionCount", String(IndexFormat.Section.allCases.count)),
            ("sections", L.object(IndexFormat.Section.allCases.map { ("\($0)", String($0.rawValue)) })),
            (
                "unit",
                L.object([
                    "size": UnitRecord.size, "kindAndLine": UnitRecord.Layout.kindAndLine,
                    "fieldLengths": UnitRecord.Layout.fieldLengths, "strings": UnitRecord.Layout.strings,
                ])
            ),
            ("unitStringCount", String(UnitStrings.count)),
            (
                "term",
                L.object([
                    "size": TermRecord.size, "string": TermRecord.Layout.string,
                    "postings": TermRecord.Layout.postings, "lengthAndCount": TermRecord.Layout.lengthAndCount,
                ])
            ),
            (
                "surface",
                L.object([
                    "size": SurfaceRecord.size, "string": SurfaceRecord.Layout.string,
                    "length": SurfaceRecord.Layout.length, "term": SurfaceRecord.Layout.term,
                ])
            ),
            (
                "vector",
                L.object([
                    "size": UnitVectorRecord.size, "scale": UnitVectorRecord.Layout.scale,
                    "values": UnitVectorRecord.Layout.values, "dimensions": UnitVectorRecord.dimensions,
                ])
            ),
            ("fieldCount", String(UnitRecord.fieldCount)),
            ("fields", L.object(SearchUnit.Field.allCases.map { ("\($0)", String($0.rawValue)) })),
            ("kinds", L.literal(SearchUnitKind.allCases.map(\.name)) ?? "[]"),
        ])
    }
}
