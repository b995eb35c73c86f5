/// The index reader, ranking and text analysis live in `SearchIndexReader` so that `faq` can
/// link them without KnowledgeBase, Yams and Foundation; `import Search` still sees them all.
@_exported import SearchIndexReader
