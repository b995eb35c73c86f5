/// The semantic signal joined to the lexical one. Each candidate's score becomes its BM25F score
/// divided by the best candidate's (so the top lexical match counts 1 whatever the query's
/// length or rarity) plus `weight` times the cosine of the query's vector with the unit's, the
/// sum then multiplied back by the best score, which keeps the order and leaves scores in the
/// lexical scale that `related`, `AnswerSelection` and `MissLog` read. A negative cosine counts as
/// 0, and so does a unit without a vector (a whole guide: `IndexBuilder.writeVectors` says why).
///
/// The weight and the rule were chosen on the tuning halves of the suites (`FusionDumpTests`,
/// `Benchmarks/tune_fusion.py`, README "Word embeddings"): a paraphrase that shares few words
/// with the right question climbs over units that share more words but mean something else.
///
/// Only units the lexical pass found are candidates: a query none of whose words the guides
/// use still has no answer (faq exits 1), and units found by the cosine alone never reached a
/// top 10 on any suite.
enum SemanticFusion {
    /// `candidates` fused with `cosine(unit)` and sorted best first, ties by unit number (as the
    /// lexical ranking breaks them). `wordScore` keeps each candidate's lexical score.
    static func fuse(
        _ candidates: inout [Ranker.Candidate], weight: Double, cosine: (Int) -> Double
    ) {
        for i in candidates.indices { candidates[i].wordScore = candidates[i].score }
        guard weight > 0, let best = candidates.map(\.score).max(), best > 0 else { return }
        for i in candidates.indices {
            candidates[i].score += weight * max(0, cosine(candidates[i].unit)) * best
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit }
    }
}
