/// What `faq` prints for a query: the unit whose text answers it, and the few other hits that
/// are about the same thing.
///
/// The ranking may put a whole guide first (its title and aliases match the words best), but a
/// guide's own text is its intro ("This guide covers…"), which answers nothing. The answer is
/// then the best-ranked FAQ entry or section among the related hits (those scoring at least
/// `RankingParameters.seeAlsoFraction(fused:)` of the best), whose Markdown carries its steps; failing
/// that, the guide's own best-ranked part; failing that (a guide with no sections, like a tldr page), the guide.
/// On the shipped suites, taking any related part rather than only the guide's own printed the
/// expected entry more often (tuning half 0.788 -> 0.838; held-out half 0.8 either way): a
/// FAQ entry that ranks just below a guide answers more directly than the guide's first
/// section. "See also" lists only related hits: past that share of the best score, the ranking
/// has moved on to other topics that merely share a word.
public struct AnswerSelection: Sendable {
    /// The hit to print.
    public var answer: SearchHit
    /// Related hits, best first, at most `seeAlsoLimit`; never the answer or the guide it is in.
    public var seeAlso: [SearchHit]

    public static let seeAlsoLimit = 3
    /// How many ranked hits `faq` asks for: the ten it always asked for (each hit reads its
    /// strings from the index, so more would cost a warm lookup time), which on the shipped
    /// suites hold the related part whenever a guide ranks first.
    public static let depth = 10

    /// Picks from `hits` (ranked, best first); nil when there are none.
    public init?(hits: [SearchHit]) {
        guard let best = hits.first else { return nil }
        let floor = best.score * RankingParameters.standard.seeAlsoFraction(fused: best.fused)
        var answer = best
        if best.kind == .guide,
            let part = hits.first(where: { $0.kind != .guide && $0.score >= floor })
                ?? hits.first(where: { $0.kind != .guide && $0.path == best.path })
        {
            answer = part
        }
        self.answer = answer
        self.seeAlso = Array(
            hits.lazy.filter { hit in
                hit.id != answer.id && hit.score >= floor && !(hit.kind == .guide && hit.path == answer.path)
            }.prefix(AnswerSelection.seeAlsoLimit))
    }
}
