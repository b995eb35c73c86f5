/// The meta section: the tables the query side needs to analyse text exactly as the index did,
/// and what the builder could not index.
///
/// ```
/// varint × 4   average field lengths × 1000
/// varint n, n strings             stop words (sorted)
/// varint n, n pairs of strings    irregular forms (sorted by key)
/// varint n, n groups: varint m, m strings    synonym groups of terms
/// varint n, n strings             messages about files that could not be indexed
/// ```
/// (a string is a varint byte count, then UTF-8).
package struct IndexMeta: Equatable {
    package var averageFieldLengths: [Double]
    package var stopWords: [String]
    /// (word, base form) pairs.
    package var irregularForms: [(String, String)]
    package var synonymGroups: [[String]]
    package var problems: [String]

    package init(
        averageFieldLengths: [Double], stopWords: [String], irregularForms: [(String, String)],
        synonymGroups: [[String]], problems: [String]
    ) {
        self.averageFieldLengths = averageFieldLengths
        self.stopWords = stopWords
        self.irregularForms = irregularForms
        self.synonymGroups = synonymGroups
        self.problems = problems
    }

    package func write(to out: inout ByteBuffer) {
        for a in averageFieldLengths { out.varint(Int((a * 1000).rounded())) }
        out.varint(stopWords.count)
        for s in stopWords { out.string(s) }
        out.varint(irregularForms.count)
        for (word, base) in irregularForms {
            out.string(word)
            out.string(base)
        }
        out.varint(synonymGroups.count)
        for group in synonymGroups {
            out.varint(group.count)
            for t in group { out.string(t) }
        }
        out.varint(problems.count)
        for problem in problems { out.string(problem) }
    }

    /// The section between `offset` and `end`; nil when it is damaged. Counts are capped, so a
    /// corrupted count cannot make a lookup allocate or loop for long.
    init?(reading raw: UnsafeRawBufferPointer, at offset: Int, end: Int) {
        var reader = ByteReader(bytes: raw, offset: offset, end: end)
        averageFieldLengths = (0..<UnitRecord.fieldCount).map { _ in max(1, Double(reader.varint()) / 1000) }
        stopWords = (0..<min(reader.varint(), 10_000)).map { _ in reader.string() }
        irregularForms = (0..<min(reader.varint(), 100_000)).map { _ in
            let word = reader.string()
            return (word, reader.string())
        }
        synonymGroups = (0..<min(reader.varint(), 100_000)).map { _ in
            (0..<min(reader.varint(), 1000)).map { _ in reader.string() }
        }
        problems = (0..<min(reader.varint(), 100_000)).map { _ in reader.string() }
        if reader.failed { return nil }
    }

    package static func == (a: IndexMeta, b: IndexMeta) -> Bool {
        a.averageFieldLengths == b.averageFieldLengths && a.stopWords == b.stopWords
            && a.irregularForms.elementsEqual(b.irregularForms, by: ==) && a.synonymGroups == b.synonymGroups
            && a.problems == b.problems
    }
}
