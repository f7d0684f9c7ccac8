//! Which hits come first once they are built. The ranking scores a chapter
//! by where the query's words are found; a chapter's passages (caption
//! windows, and its paragraphs placed by time) also tell what its span of
//! the video says. A chapter whose key points or summary list `GPU` but
//! whose span never says it is not where GPUs are shown: among chapters
//! matching as many of the query's words, those that say the query (see
//! `moments::build`) come first.

use super::index::Index;
use super::moments::{build, Built};
use super::query::Query;
use super::rank::{Ranked, Ranking};
use super::token_terms::TokenTerms;
use super::Hit;
use crate::library::Library;

/// The hits of `ranked`, at most `limit`, each with up to `max_moments`
/// moments (a `/where` timeline wants every passage, `/search` three). Among
/// chapters matching as many words, those that say the query (see `build`)
/// come first; otherwise the ranking's order stands. A chapter holding none
/// of the query's telling words for sure is left out while another holds one.
pub(crate) fn hits_in_order(
    index: &Index,
    library: &Library,
    query: &Query,
    ranking: &Ranking,
    limit: usize,
    max_moments: usize,
) -> Vec<(Ranked, Hit)> {
    let ranked = &ranking.chapters;
    // `ranked` comes grouped by coverage: each group is placed as its
    // hits that say the query, then the rest; building stops once `limit`
    // hits are placed for sure.
    let mut out: Vec<(Ranked, Built)> = Vec::new();
    let (mut said, mut unsaid) = (Vec::new(), Vec::new());
    let mut coverage = ranked.first().map_or(0, |r| r.coverage);
    // A chapter reached only through guesses (a typo fix, a completion) or
    // common words, while others hold a telling word for sure, is noise.
    let any_sure = coverage > 0;
    for r in ranked.iter().filter(|r| r.coverage > 0 || !any_sure) {
        if r.coverage != coverage {
            out.append(&mut said);
            out.append(&mut unsaid);
            coverage = r.coverage;
        }
        if out.len() + said.len() >= limit {
            break;
        }
        match build(index, library, query, r, &ranking.importance, max_moments) {
            Some(hit) if hit.said => said.push((*r, hit)),
            Some(hit) => unsaid.push((*r, hit)),
            None => {}
        }
    }
    out.append(&mut said);
    out.append(&mut unsaid);
    out.truncate(limit);
    let mut words = TokenTerms::default();
    out.into_iter()
        .map(|(r, hit)| (r, hit.finish(&mut words)))
        .collect()
}
