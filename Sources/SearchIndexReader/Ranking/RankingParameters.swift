/// Every number the ranking uses, in one place: `Ranker` and `TypoMatcher` read them here, and
/// the site's engine (`search-engine.js`) gets the same values as its `RANKING` object, written
/// from this type when `kb` builds a site, so the terminal and the browser cannot drift apart.
///
/// To add a parameter: add a stored property with its default and a doc comment here, read it
/// as `parameters.name` in Swift and as `RANKING.name` in `search-engine.js`. Nothing else
/// changes: the browser export lists the stored properties by reflection (a `Double`, an `Int`,
/// a `[Double]` or a `[String]`), and a test checks that the script's object has them all.
/// A parameter the script does not use yet is harmless there.
public struct RankingParameters: Sendable, Equatable {
    /// BM25F field weights, in `SearchUnit.Field` order: the question or heading far above the
    /// guide's title, above aliases and tags, above the body.
    public var fieldWeights: [Double] = [8, 3, 2, 1]
    /// Length normalisation per field (BM25's b).
    public var fieldB: [Double] = [0.5, 0.3, 0.3, 0.75]
    /// BM25's k1: how fast the combined term frequency saturates.
    public var k1 = 2.0
    /// BM25F saturates the combined frequency, which caps what a title match is worth; this
    /// extra, separately saturated title term keeps "the heading says it" decisive.
    public var titleBoost = 1.5
    /// What a synonym of a query word weighs against the word itself.
    public var synonymWeight = 0.7
    /// What a typo correction weighs, by its edit distance (0, 1, 2).
    public var typoWeights: [Double] = [1, 0.75, 0.55]
    /// Words of at least this many bytes may be corrected by one edit.
    public var oneEditFromLength = 4
    /// Words of at least this many bytes may be corrected by two edits (as DocSearch does).
    public var twoEditsFromLength = 8
    /// Corrections kept per query word, closest and most common first.
    public var correctionLimit = 6
    /// How many of the best units get the second pass (proximity and the priors below).
    public var rerankDepth = 60
    /// The proximity bonus per field, for two query words in order within the window.
    public var proximityWeights: [Double] = [1, 0.5, 0.7, 0.6]
    /// The window: the words' distance in the query plus this many positions.
    public var proximitySlack = 2
    /// What the words found close together in reverse order keep of the field's weight.
    public var reversedProximityFactor = 0.5
    /// The score grows by this fraction of the mean proximity over adjacent word pairs.
    public var proximityBonus = 0.5
    /// A unit whose whole title is in the query ("tar" for "extract a tar archive") is what the
    /// query names.
    public var wholeTitleBonus = 1.5
    /// FAQ entries, when the query reads like a question.
    public var questionFAQBoost = 1.25
    /// A query reads like a question when it ends in "?" or starts with one of these words.
    public var questionWords: [String] = [
        "how", "what", "why", "where", "when", "who", "which", "can", "could", "should", "do", "does",
        "did", "is", "are", "will", "would", "may", "am",
    ]
    /// How much a page's popularity can add (`Ranker.mentionPrior`): at most this fraction, for
    /// a name found in every unit.
    public var mentionWeight = 0.75
    /// What a repeated page title keeps of its score.
    public var repeatedTitleFactor = 0.5
    /// A result list keeps the hits scoring at least this fraction of the best one (`related`):
    /// past that, hits share only a common word with the query ("key" for "lost key") and bury
    /// the answer. The site's results page and search popup apply it through `RANKING`.
    public var relatedScoreFraction = 0.25
    /// `relatedScoreFraction` for hits ranked with the cosine fused in (`SearchHit.fused`): every
    /// unit of similar meaning then scores a good share of the best, and 0.25 listed a median of
    /// 34 hits on the shipped suites and StackFAQ. 0.5 lists a median of 5, as 0.25 does by words
    /// alone, and keeps the expected answer in 219 of the 221 queries where it is not first.
    /// (Words alone keep 0.25: on tldr, 0.5 would drop 5 of 26 such answers.)
    public var fusedRelatedScoreFraction = 0.5
    /// `faq` prints one answer, so it is stricter than a result list: a hit below this share of
    /// the best score is neither the answer in place of a guide ranked first, nor "See also"
    /// (`AnswerSelection`; tuned on the shipped suites' printed answers).
    public var seeAlsoFraction = 0.4
    /// `seeAlsoFraction` for fused hits, stricter for the reason `fusedRelatedScoreFraction` gives.
    public var fusedSeeAlsoFraction = 0.6

    /// What the cosine of the query's WordLlama vector with a unit's (its question or heading
    /// and aliases) adds to the unit's BM25F score divided by the best one (`SemanticFusion`).
    /// 0 ranks by words alone. 3.5 is the largest weight at which no metric of a tuning half
    /// fell (4 costs a tuning hit@3 against 3.5; README, "Word embeddings").
    public var semanticWeight = 3.5

    /// The values `faq` and the site rank with.
    public static let standard = RankingParameters()

    public init() {}

    /// The hits worth listing after the best one, best first: see `relatedScoreFraction`.
    public func related(_ hits: [SearchHit]) -> [SearchHit] {
        guard let best = hits.first else { return [] }
        let floor = best.score * (best.fused ? fusedRelatedScoreFraction : relatedScoreFraction)
        return hits.filter { $0.score >= floor }
    }

    /// The share of the best score a hit needs to be "See also" (`AnswerSelection`).
    public func seeAlsoFraction(fused: Bool) -> Double {
        fused ? fusedSeeAlsoFraction : seeAlsoFraction
    }

    /// The edits allowed when correcting a word of `length` bytes.
    public func allowedEdits(forLength length: Int) -> Int {
        length >= twoEditsFromLength ? 2 : length >= oneEditFromLength ? 1 : 0
    }
}
