/// The semantic signal joined to the lexical one: each candidate's BM25F score divided by the
/// best candidate's (so the top lexical match scores 1 whatever the query's length or rarity),
/// plus `weight` times the cosine of the query's vector with the unit's (negative cosines count
/// as 0). Tuned on the tuning halves of the suites (README, "Word embeddings"): a paraphrase
/// that shares few words with the right question climbs over units that share more words but
/// mean something else.
///
/// Only units the lexical pass found are candidates: a query none of whose words the guides
/// use still has no answer (faq exits 1), and measured on every suite, units found by the
/// cosine alone never reached a top 10 anyway.
enum SemanticFusion {
    /// `candidates` (unit, lexical score) fused with `cosine(unit)` and sorted best first,
    /// ties by unit number (as the lexical ranking breaks them).
    static func fuse(
        _ candidates: inout [(unit: Int, score: Double, coverage: Double)], weight: Double,
        cosine: (Int) -> Double
    ) {
        guard weight > 0, let best = candidates.map(\.score).max(), best > 0 else { return }
        for i in candidates.indices {
            candidates[i].score = candidates[i].score / best + weight * max(0, cosine(candidates[i].unit))
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit }
    }
}
