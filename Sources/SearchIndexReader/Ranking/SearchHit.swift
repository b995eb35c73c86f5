/// One ranked answer, with everything the terminal, `--json` and the site show.
public struct SearchHit: Sendable, Hashable {
    public var unit: Int
    public var kind: SearchUnitKind
    public var id: String
    /// The question or heading (a guide's title for a guide).
    public var title: String
    public var guideTitle: String
    /// Relative to the guides root.
    public var path: String
    public var line: Int
    public var anchor: String
    public var snippet: String
    /// Markdown; empty when the index was built without answers.
    public var answer: String
    public var score: Double
    /// The share of the query's words (each weighted by its rarity) the unit matched, 0...1:
    /// unlike the score, comparable across knowledge bases, so faq can tell a weak answer.
    public var coverage: Double
    /// The score from the words alone, before the cosine joined it (`SemanticFusion`): how
    /// strongly the guides' own words answer, which `MissLog` judges.
    public var wordScore: Double
    /// Ranked with the query's cosine fused in: `score` is then on the fused scale, whose cuts
    /// are `RankingParameters.fusedRelatedScoreFraction` and `fusedSeeAlsoFraction`.
    public var fused: Bool

    init(
        index: SearchIndex, unit: Int, score: Double, coverage: Double = 0, wordScore: Double? = nil,
        fused: Bool = false
    ) {
        let s = index.strings(unit)
        self.unit = unit
        self.kind = index.kind(unit)
        self.id = s.id
        self.title = s.title
        self.guideTitle = s.guideTitle
        self.path = s.path
        self.anchor = s.anchor
        self.snippet = s.snippet
        self.answer = s.answer
        self.line = index.line(unit)
        self.score = score
        self.coverage = coverage
        self.wordScore = wordScore ?? score
        self.fused = fused
    }

    /// The unit with id `id`, unscored: for `faq --show`.
    public static func unit(withID id: String, in index: SearchIndex) -> SearchHit? {
        index.unit(withID: id).map { SearchHit(index: index, unit: $0, score: 0) }
    }

    /// Every unit, in index order: for `faq --list`.
    public static func all(in index: SearchIndex) -> [SearchHit] {
        (0..<index.unitCount).map { SearchHit(index: index, unit: $0, score: 0) }
    }
}
