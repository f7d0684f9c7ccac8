//! Chapters that say the whole query beat those holding its words apart.
//! Two ways of saying it: the text says the query's words as written, one
//! after another (see `phrase`: captions that say "role prompting" tell
//! more than "role" and, a sentence on, "prompting"); or one key point
//! holds a sure reading of every word (`ChatGPT = 라벨러의 통계적
//! 시뮬레이션` says `data labeler simulation`): the chapter's point is the
//! query, where another chapter only has the words in separate places.
//!
//! A recap chapter (`Grand Summary`) says everything again: its saying the
//! query counts only where no other chapter of its course says it as well.

use rustc_hash::FxHashMap;

use super::dictionary::TermId;
use super::index::Index;
use super::phrase;
use super::query::{Query, Tier};
use super::ranked::Ranked;
use crate::library::Chapter;

/// How much more a chapter's score is worth when its text says the whole
/// query as written, in proportion to the word pairs said.
const AS_WRITTEN: f32 = 0.4;
/// How much more a chapter's score is worth when one of its key points
/// holds the whole query.
const IN_A_POINT: f32 = 0.4;
/// Readings weaker than this (a loose sibling of a concept) do not say a
/// word in a key point.
const POINT_READING: f32 = 0.5;

/// Raises the score of the chapters of `out` that say the whole query (see
/// the module docs). `live` tells the query's words found somewhere; only
/// chapters that could reach the best `top` with the largest raise are
/// looked at.
pub(crate) fn raise(
    index: &Index,
    query: &Query,
    live: &[bool],
    out: &mut [Ranked],
    top: usize,
    order: impl Fn(&Ranked, &Ranked) -> std::cmp::Ordering,
) {
    let pairs = phrase::pairs(query);
    let readings = point_readings(query, live);
    if pairs.is_empty() && readings.is_empty() {
        return;
    }
    let last = if top < out.len() {
        out.select_nth_unstable_by(top - 1, &order);
        Some(out[top - 1])
    } else {
        None
    };
    // Whether a chapter raised by `f` could reach the best `top`.
    let could_lead = |r: &Ranked, f: f32| {
        last.is_none_or(|k| {
            r.coverage > k.coverage || (r.coverage == k.coverage && r.score * f >= k.score)
        })
    };
    let all: u32 = (0..live.len()).filter(|&s| live[s]).map(bit).sum();
    let as_written = if pairs.is_empty() {
        1.0
    } else {
        1.0 + AS_WRITTEN
    };
    let raised: Vec<f32> = out
        .iter()
        .map(|r| {
            // The key points first: they are cheap to look at, and bound
            // the chapters whose text is worth looking at.
            let mut f = 1.0;
            if !readings.is_empty()
                && could_lead(r, as_written * (1.0 + IN_A_POINT))
                && in_a_point(index, r.doc, &readings, all)
            {
                f *= 1.0 + IN_A_POINT;
            }
            if !pairs.is_empty() && could_lead(r, f * as_written) {
                let said = phrase::said(index, query, &pairs, r.doc) as f32 / pairs.len() as f32;
                f *= 1.0 + AS_WRITTEN * said;
            }
            f
        })
        .collect();
    let doc = |r: &Ranked| index.docs.get(r.doc as usize);
    let recap = |r: &Ranked| doc(r).is_some_and(|d| d.recap);
    // A recap says again what a chapter before it said: where another
    // chapter of its course says the query as well, the recap's saying it
    // is no news.
    let said_before = |r: &Ranked, f: f32| {
        let course = doc(r).map(|d| d.course);
        out.iter()
            .zip(&raised)
            .any(|(o, &g)| !recap(o) && doc(o).map(|d| d.course) == course && g >= f)
    };
    let kept: Vec<f32> = out
        .iter()
        .zip(&raised)
        .map(|(r, &f)| {
            if f > 1.0 && recap(r) && said_before(r, f) {
                1.0
            } else {
                f
            }
        })
        .collect();
    for (r, f) in out.iter_mut().zip(kept) {
        r.score *= f;
    }
}

/// Words of a chapter title that make it a recap of the course (`Grand
/// Summary`, `전체 정리`).
const RECAP_WORDS: &[&str] = &["summary", "recap", "요약", "정리", "총정리"];

/// Whether a chapter's title names it a recap of the course.
pub(crate) fn is_recap(chapter: &Chapter) -> bool {
    [&chapter.title, &chapter.title_ko].iter().any(|title| {
        title
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| RECAP_WORDS.iter().any(|r| w.eq_ignore_ascii_case(r)))
    })
}

fn bit(slot: usize) -> u32 {
    1u32.checked_shl(slot as u32).unwrap_or(0)
}

/// The sure readings of a query of two words or more found somewhere,
/// with the words (slots) each stands for as bits: those of one term by
/// term, the others as they are.
#[derive(Default)]
struct PointReadings<'q> {
    single: FxHashMap<TermId, u32>,
    multi: Vec<(&'q [TermId], u32)>,
}

impl PointReadings<'_> {
    fn is_empty(&self) -> bool {
        self.single.is_empty() && self.multi.is_empty()
    }
}

fn point_readings<'q>(query: &'q Query, live: &[bool]) -> PointReadings<'q> {
    let mut out = PointReadings::default();
    if live.iter().filter(|&&l| l).count() < 2 {
        return out;
    }
    let sure = query
        .alts
        .iter()
        .filter(|a| a.tier <= Tier::Conjugated && a.weight >= POINT_READING);
    for a in sure {
        let slots: u32 = (a.first..=a.last).map(bit).sum();
        match a.terms.as_slice() {
            [t] => *out.single.entry(*t).or_default() |= slots,
            terms => out.multi.push((terms, slots)),
        }
    }
    out
}

/// Whether one key point of `doc` holds a reading of each of the words
/// `all` (bits).
fn in_a_point(index: &Index, doc: u32, readings: &PointReadings, all: u32) -> bool {
    let Some(d) = index.docs.get(doc as usize) else {
        return false;
    };
    d.points.iter().any(|point| {
        let mut held = point
            .iter()
            .filter_map(|t| readings.single.get(t))
            .fold(0u32, |acc, &slots| acc | slots);
        for &(terms, slots) in &readings.multi {
            if held & all == all {
                break;
            }
            if slots & !held != 0 && terms.iter().all(|t| point.binary_search(t).is_ok()) {
                held |= slots;
            }
        }
        held & all == all
    })
}
