//! Words said as written. A query of several words (`role prompting`,
//! `think step by step`) is answered best where its words are said the way
//! it is typed: in order, each right after the one before, rather than
//! somewhere in the same window. Captions that say "role prompting" tell
//! more than captions saying "role" and, a sentence on, "prompting".
//!
//! Only the words as typed count (exact, stemmed or conjugated): a
//! translation or a guess is not what was said. Two consecutive words are
//! "said as written" when the second starts after the first no further than
//! it does in the query, give or take a particle or a hyphen (`step by step`
//! in the query, `step-by-step` in the captions; `모델을 기다리기`,
//! `모델을 기다려`).
//!
//! Looser, the words of a name of several words stand together when each is
//! within a few words of the others: for a chapter, in any order (`near`);
//! for the passage a link plays, in the name's order (`positions_together`).
//!
//! A question of common words around a word said everywhere (`what model
//! are you`) is read as written, common words and all
//! (`parse_as_written`).

use super::glossary::Concepts;
use super::index::{Index, Posting, F_TEXT};
use super::normalize::Script;
use super::query::{self, Options, Query, Slot};

/// How far apart (in characters, per extra word) the words of a
/// multi-word name may be in the translation.
const NEAR_CHARS: u32 = 12;
/// Characters a text may add between two words beyond the query's own
/// spacing (a particle, punctuation, a longer dropped word).
const SLACK: u32 = 3;

/// The query's pairs of consecutive words: for each, the index of its first
/// slot and the most characters from the first word's start to the second's.
pub(crate) fn pairs(query: &Query) -> Vec<(usize, u32)> {
    query
        .slots
        .windows(2)
        .enumerate()
        .filter(|&(i, _)| {
            let has = |s: usize| query.typed.get(s).is_some_and(|t| !t.is_empty());
            has(i) && has(i + 1)
        })
        .map(|(i, w)| {
            let gap = w[1].start.saturating_sub(w[0].start) as u32;
            (i, gap.saturating_add(SLACK))
        })
        .collect()
}

/// Where in `doc` the first word of a pair (from [`pairs`]) is said with the
/// second right after it: positions of the first word, ascending.
pub(crate) fn starts(index: &Index, query: &Query, pair: (usize, u32), doc: u32) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    each_start(index, query, pair, doc, |a| {
        out.push(a);
        false
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `found` with each start of the pair in `doc` (see [`starts`]),
/// until it returns true.
fn each_start(
    index: &Index,
    query: &Query,
    (first, gap): (usize, u32),
    doc: u32,
    mut found: impl FnMut(u32) -> bool,
) {
    let lists = |slot: usize| {
        query
            .typed
            .get(slot)
            .into_iter()
            .flatten()
            .filter_map(move |&t| index.posting(t, doc))
            .filter(|p| p.fields & F_TEXT != 0)
            .map(|p| index.positions(p))
    };
    let next: Vec<&[u32]> = lists(first + 1).collect();
    if next.is_empty() {
        return;
    }
    for a_list in lists(first) {
        for &a in a_list {
            let follows = next.iter().any(|b_list| {
                let j = b_list.partition_point(|&b| b <= a);
                b_list.get(j).is_some_and(|&b| b - a <= gap)
            });
            if follows && found(a) {
                return;
            }
        }
    }
}

/// Where the query's consecutive words are said as written: the position
/// of each pair's first word with the pair's index, and how many pairs the
/// query has.
#[derive(Debug, Clone, Default)]
pub(crate) struct Written {
    pub starts: Vec<(u32, usize)>,
    pub pairs: usize,
}

impl Written {
    /// The share of the query's pairs said as written within `from..to`.
    pub(crate) fn share(&self, from: u32, to: u32) -> f32 {
        let mut seen: Vec<usize> = self
            .starts
            .iter()
            .filter(|&&(pos, _)| from <= pos && pos < to)
            .map(|&(_, pair)| pair)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len() as f32 / self.pairs.max(1) as f32
    }
}

/// Where `doc` says the query's pairs of words as written.
pub(crate) fn written(index: &Index, query: &Query, doc: u32) -> Written {
    let pairs = pairs(query);
    let starts = pairs
        .iter()
        .enumerate()
        .flat_map(|(k, &pair)| {
            starts(index, query, pair, doc)
                .into_iter()
                .map(move |pos| (pos, k))
        })
        .collect();
    Written {
        starts,
        pairs: pairs.len(),
    }
}

/// How many of `pairs` `doc` says as written somewhere.
pub(crate) fn said(index: &Index, query: &Query, pairs: &[(usize, u32)], doc: u32) -> usize {
    pairs
        .iter()
        .filter(|&&pair| {
            let mut said = false;
            each_start(index, query, pair, doc, |_| {
                said = true;
                true
            });
            said
        })
        .count()
}

/// Whether some occurrence of the first posting's term has an occurrence of
/// each other term within a few words (by the positions kept).
pub(crate) fn near(index: &Index, first: &Posting, others: &[&Posting]) -> bool {
    const MAX_OTHERS: usize = 8;
    if others.len() > MAX_OTHERS {
        return true;
    }
    let window = NEAR_CHARS * others.len() as u32;
    let mut at = [0usize; MAX_OTHERS];
    // Positions are ascending: one pointer per list moves forward only.
    index.positions(first).iter().any(|&a| {
        others.iter().zip(at.iter_mut()).all(|(q, j)| {
            let list = index.positions(q);
            while *j < list.len() && list[*j] + window < a {
                *j += 1;
            }
            list.get(*j).is_some_and(|&b| b.abs_diff(a) <= window)
        })
    })
}

/// The positions of the first posting's term followed by every other term,
/// in order, within a few words: where a name of several words is said as
/// a whole (`생각하는 모델`, a model that thinks, is not `모델이 생각하는`,
/// how a model thinks).
pub(crate) fn positions_together(index: &Index, first: &Posting, others: &[&Posting]) -> Vec<u32> {
    let window = NEAR_CHARS * others.len() as u32;
    index
        .positions(first)
        .iter()
        .copied()
        .filter(|&a| {
            let mut prev = a;
            others.iter().all(|q| {
                let list = index.positions(q);
                let i = list.partition_point(|&b| b <= prev);
                match list.get(i) {
                    Some(&b) if b - a <= window => {
                        prev = b;
                        true
                    }
                    _ => false,
                }
            })
        })
        .collect()
}

/// A word is said nearly everywhere when at least `EVERYWHERE` in
/// `EVERYWHERE_OF` chapters hold it.
const EVERYWHERE: usize = 3;
const EVERYWHERE_OF: usize = 4;

/// An English question whose words besides the common ones are said nearly
/// everywhere (`what model are you`: `model` is in every chapter) asks for
/// where it is said as written, common words and all: the query read so,
/// when it is one. Searched first; when that finds nothing the plain
/// reading stands (`what is a model`).
pub(crate) fn parse_as_written(
    index: &Index,
    concepts: &Concepts,
    text: &str,
    opts: Options,
) -> Option<Query> {
    if !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let (plain, common_only) = query::slots(text, false);
    if common_only || plain.is_empty() {
        return None;
    }
    let (all, _) = query::slots(text, true);
    let everywhere = |s: &Slot| {
        index.dict.get(&s.key).is_some_and(|t| {
            index.df(t) > 0 && index.df(t) * EVERYWHERE_OF >= index.docs.len() * EVERYWHERE
        })
    };
    let asks = all.len() > plain.len()
        && all.iter().all(|s| s.script == Script::Latin)
        && plain.iter().all(everywhere);
    asks.then(|| query::parse_slots(index, concepts, all, true, opts))
}
