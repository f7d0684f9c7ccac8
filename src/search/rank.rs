//! Scoring chapters against a parsed query.
//!
//! For every query word (slot) a chapter gets the score of its best reading:
//! tier weight (exact > stem > prefix > 초성 > typo, expansions lower) times the
//! field it was found in (title > key points > summary > translation, the
//! translation saturating with frequency, BM25-style). Each word's total is
//! then scaled by how rare the word is in the library (idf over the chapters
//! any reading of it matched), so a word found in every chapter counts little.
//! A reading that is one of the chapter's names as a whole counts more
//! there, and a chapter that says the whole query — its text as written,
//! or one key point — has its score raised (see `whole_query`). Chapters matching more of the
//! (informative) words surely (not by a typo fix, completion or conjugation
//! of a plain word) come first; then the summed score.

use super::dictionary::TermId;
use super::index::{
    Doc, Index, Posting, F_CAPTIONS, F_KEY_POINTS, F_SUMMARY, F_TEXT, F_TITLE, F_TRANSLATION,
};
use super::phrase::{self, near};
use super::query::{Alt, Query, Tier};
pub(crate) use super::ranked::Ranked;
use super::whole_query;

/// BM25 parameters for the translation.
const K1: f32 = 1.2;
const B: f32 = 0.5;
/// What a reading found in the chapter's captions is worth: one mention
/// about as much as one in the translation, more the more often the video
/// says it there (saturating like the translation): where a topic is
/// explained, its words keep being said.
const CAPTIONS: f32 = 0.5;
/// How fast repetition in the captions saturates (at most 1.5× one
/// mention): a word said often is a hint, not a name.
const HEARD_K: f32 = 0.5;
/// Share of a reading's other fields added to its best field.
const OTHER_FIELDS: f32 = 0.15;
/// A word counts towards coverage if its importance is at least this share
/// of the most important word's.
const COVERAGE_SHARE: f32 = 0.5;
/// How much more a reading is worth in a chapter one of whose names it is
/// as a whole (`강화학습` is chapter 17's title; chapter 20's is `RLHF`,
/// chapter 16's `SFT에서 강화학습으로`): the query names that chapter.
const WHOLE_NAME: f32 = 1.2;

pub(crate) fn field_weight(field: u8) -> f32 {
    match field {
        F_TITLE => 2.0,
        F_KEY_POINTS => 1.5,
        F_SUMMARY => 1.3,
        _ => 1.0,
    }
}

/// The BM25 length normalisation of a translation of `body_len` tokens.
pub(crate) fn length_norm(body_len: u32, avg_len: f32) -> f32 {
    K1 * (1.0 - B + B * body_len as f32 / avg_len.max(1.0))
}

/// How much a reading found in `fields` (with `tf` occurrences in the
/// translation, whose length norm is `norm`, and `heard` in the captions)
/// is worth, and the field that contributes most.
#[inline]
pub(crate) fn field_score(fields: u8, tf: u32, heard: u32, norm: f32) -> (f32, u8) {
    let mut best = (0.0f32, 0u8);
    let mut total = 0.0f32;
    for f in [F_TITLE, F_KEY_POINTS, F_SUMMARY, F_TRANSLATION, F_CAPTIONS] {
        if fields & f == 0 {
            continue;
        }
        let s = match f {
            F_TRANSLATION => {
                let tf = tf.max(1) as f32;
                0.5 * tf * (K1 + 1.0) / (tf + norm)
            }
            F_CAPTIONS => {
                let n = heard.max(1) as f32;
                CAPTIONS * n * (HEARD_K + 1.0) / (n + HEARD_K)
            }
            _ => field_weight(f),
        };
        total += s;
        if s > best.0 {
            best = (s, f);
        }
    }
    (best.0 + OTHER_FIELDS * (total - best.0), best.1)
}

/// Calls `f(doc, fields, tf, heard)` for every chapter containing all `terms` in
/// one field (for one term: every chapter containing it). Several terms are
/// intersected by walking the rarest term's postings with a cursor into each
/// other list (postings are sorted by chapter), galloping ahead.
pub(crate) fn for_each_match(
    index: &Index,
    terms: &[TermId],
    mut f: impl FnMut(u32, u8, u32, u32),
) {
    let Some(&rarest) = terms.iter().min_by_key(|&&t| index.df(t)) else {
        return;
    };
    let others: Vec<&[Posting]> = terms
        .iter()
        .filter(|&&t| t != rarest)
        .map(|&t| index.postings(t))
        .collect();
    let mut cursors = vec![0usize; others.len()];
    let mut found: Vec<&Posting> = Vec::with_capacity(others.len());
    'docs: for p in index.postings(rarest) {
        let (mut fields, mut tf, mut said) = (p.fields, u32::from(p.tf), heard(p));
        found.clear();
        for (list, at) in others.iter().zip(cursors.iter_mut()) {
            *at = gallop(list, *at, p.doc);
            match list.get(*at) {
                Some(q) if q.doc == p.doc => {
                    fields &= q.fields;
                    tf = tf.min(u32::from(q.tf));
                    said = said.min(heard(q));
                    found.push(q);
                }
                Some(_) => continue 'docs,
                None => return,
            }
        }
        // In the long texts, the words of a name must stand together.
        if !found.is_empty() && fields & F_TEXT != 0 && !near(index, p, &found) {
            fields &= !F_TEXT;
        }
        if fields != 0 {
            f(p.doc, fields, tf, said);
        }
    }
}

/// About how often a term is said in the chapter's captions: its kept
/// positions beyond those in the translation.
pub(crate) fn heard(p: &Posting) -> u32 {
    u32::from(p.pos_len).saturating_sub(u32::from(p.tf))
}

/// The first index at or after `from` whose posting is for `doc` or later.
fn gallop(list: &[Posting], from: usize, doc: u32) -> usize {
    let mut step = 1;
    let mut hi = from;
    while hi < list.len() && list[hi].doc < doc {
        hi = from + step;
        step *= 2;
    }
    let lo = from.max(hi.saturating_sub(step / 2));
    let hi = hi.min(list.len());
    lo + list[lo..hi].partition_point(|q| q.doc < doc)
}

/// The score of one reading in one chapter.
pub(crate) fn alt_score(alt: &Alt, doc: &Doc, fields: u8, tf: u32, heard: u32) -> (f32, u8) {
    let (s, f) = field_score(fields, tf, heard, doc.norm);
    (alt.weight * s, f)
}

/// The chapters of a ranking, best first, and how much each query word
/// counts (its idf over the chapters it was found in, the rarest word 1).
#[derive(Debug, Clone, Default)]
pub(crate) struct Ranking {
    pub chapters: Vec<Ranked>,
    pub importance: Vec<f32>,
}

/// Ranks the chapters that `keep` allows; the best `top` of them, best first.
pub(crate) fn rank(
    index: &Index,
    query: &Query,
    top: usize,
    keep: impl Fn(&Doc) -> bool,
) -> Ranking {
    let n = query.slots.len();
    let docs = index.docs.len();
    if n == 0 || docs == 0 || query.alts.is_empty() {
        return Ranking::default();
    }
    let mut best = vec![0.0f32; docs * n];
    let mut touched: Vec<u32> = Vec::new();
    let mut seen = vec![false; docs];
    let allowed: Vec<bool> = index.docs.iter().map(&keep).collect();
    // Per chapter and word: found by a sure reading (not a guess).
    let mut sure = vec![false; docs * n];
    let mut slot_tier: Vec<Option<Tier>> = vec![None; n];
    let mut slot_named = vec![false; n];
    for alt in &query.alts {
        let mut matched = false;
        let (first, last, w) = (alt.first.min(n - 1), alt.last.min(n - 1), alt.weight);
        // A guess at a name (`rewrad` → `reward`) is as good as sure; a
        // guess at a plain word of the translation is not.
        let named = alt.terms.iter().all(|&t| index.is_name(t));
        let is_sure = alt.tier <= Tier::Stem || named;
        let mut terms = alt.terms.clone();
        terms.sort_unstable();
        for_each_match(index, &alt.terms, |d, fields, tf, heard| {
            let di = d as usize;
            if !allowed.get(di).copied().unwrap_or(false) {
                return;
            }
            let doc = &index.docs[di];
            let (s, _) = field_score(fields, tf, heard, doc.norm);
            let whole = fields & F_TITLE != 0 && doc.names.contains(&terms);
            let s = if whole { w * s * WHOLE_NAME } else { w * s };
            for cell in &mut best[di * n + first..=di * n + last] {
                if s > *cell {
                    *cell = s;
                }
            }
            if is_sure {
                sure[di * n + first..=di * n + last].fill(true);
            }
            matched = true;
            if !seen[di] {
                seen[di] = true;
                touched.push(d);
            }
        });
        if matched {
            for t in &mut slot_tier[alt.first..=alt.last.min(n - 1)] {
                *t = Some(t.map_or(alt.tier, |x| x.min(alt.tier)));
            }
            if named {
                slot_named[first..=last].fill(true);
            }
        }
    }
    // Some words found nothing and the rest only approximately (`pizza
    // recipe` → `recite`): that is not a question about these notes.
    let dead = slot_tier.iter().any(Option::is_none);
    let strong = slot_tier.iter().flatten().any(|t| {
        matches!(
            t,
            Tier::Exact | Tier::Stem | Tier::Conjugated | Tier::Choseong
        )
    });
    if dead && !strong {
        return Ranking::default();
    }
    // Some words found nothing and the rest are plain words of the notes,
    // never a title, key point or summary word (`비트코인 가격`): the
    // question shares a word with the notes, not a topic.
    if dead && !slot_named.iter().any(|&named| named) {
        return Ranking::default();
    }
    // Importance of each word: idf over the chapters any reading of it matched.
    let total = index.docs.len() as f32;
    let importance: Vec<f32> = (0..n)
        .map(|slot| {
            let df = touched
                .iter()
                .filter(|&&d| best[d as usize * n + slot] > 0.0)
                .count() as f32;
            (1.0 + (total - df + 0.5) / (df + 0.5)).ln()
        })
        .collect();
    let in_course = in_course_rarity(index, &touched, &best, n);
    // Words much more common than the query's rarest count for the score but
    // not for coverage: `llm spelling` is about spelling.
    let floor = COVERAGE_SHARE * importance.iter().copied().fold(0.0, f32::max);
    let pairs = phrase::pairs(query);
    let mut out: Vec<Ranked> = touched
        .iter()
        .filter(|&&d| {
            // Common words mean something only all together, as written.
            !query.common_only
                || (best[d as usize * n..d as usize * n + n]
                    .iter()
                    .all(|&s| s > 0.0)
                    && phrase::said(index, query, &pairs, d) == pairs.len())
        })
        .map(|&d| {
            let row = &best[d as usize * n..d as usize * n + n];
            let sure_row = &sure[d as usize * n..d as usize * n + n];
            // A plain word only guessed at here (a typo fix, a completion)
            // adds to the score, not to the words covered: `환각 줄이기` is
            // about hallucinations before it is about some `줄이고`.
            let coverage = row
                .iter()
                .zip(&importance)
                .zip(sure_row)
                .filter(|&((&s, &w), &sure)| s > 0.0 && w >= floor && sure)
                .count() as u32;
            let score = row.iter().zip(&importance).map(|(s, w)| s * w).sum();
            Ranked {
                doc: d,
                coverage,
                score,
                in_course: in_course[d as usize],
            }
        })
        .collect();
    let order = |a: &Ranked, b: &Ranked| {
        b.coverage
            .cmp(&a.coverage)
            .then(b.score.total_cmp(&a.score))
            .then(b.in_course.total_cmp(&a.in_course))
            .then(a.doc.cmp(&b.doc))
    };
    if top == 0 {
        return Ranking::default();
    }
    let live: Vec<bool> = slot_tier.iter().map(Option::is_some).collect();
    whole_query::raise(index, query, &live, &mut out, top, order);
    if top < out.len() {
        out.select_nth_unstable_by(top - 1, order);
        out.truncate(top);
    }
    out.sort_by(order);
    // For the passages, a word found nowhere counts for nothing.
    let live = |slot: usize| slot_tier[slot].is_some();
    let most = (0..n)
        .filter(|&s| live(s))
        .map(|s| importance[s])
        .fold(0.0, f32::max);
    Ranking {
        chapters: out,
        importance: (0..n)
            .map(|s| {
                if live(s) {
                    importance[s] / most.max(1e-6)
                } else {
                    0.0
                }
            })
            .collect(),
    }
}

/// For every chapter, the summed idf of the query words it matched, counted
/// over the chapters of its own course only (0 for chapters not `touched`).
/// `best` holds each chapter's score per word (`n` words).
fn in_course_rarity(index: &Index, touched: &[u32], best: &[f32], n: usize) -> Vec<f32> {
    let courses = index
        .docs
        .iter()
        .map(|d| d.course as usize + 1)
        .max()
        .unwrap_or(1);
    let mut chapters = vec![0.0f32; courses];
    for doc in &index.docs {
        chapters[doc.course as usize] += 1.0;
    }
    let matched = |d: u32, slot: usize| best[d as usize * n + slot] > 0.0;
    let mut df = vec![0.0f32; courses * n];
    for &d in touched {
        let c = index.docs[d as usize].course as usize;
        for slot in (0..n).filter(|&slot| matched(d, slot)) {
            df[c * n + slot] += 1.0;
        }
    }
    let mut out = vec![0.0f32; index.docs.len()];
    for &d in touched {
        let c = index.docs[d as usize].course as usize;
        out[d as usize] = (0..n)
            .filter(|&slot| matched(d, slot))
            .map(|slot| {
                let df = df[c * n + slot];
                (1.0 + (chapters[c] - df + 0.5) / (df + 0.5)).ln()
            })
            .sum();
    }
    out
}
