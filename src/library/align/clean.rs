//! Cleaning the chain before it places text: each match moved to the
//! occurrence of its word its neighbours expect, and matches the points
//! around them disagree with dropped.

use super::anchors::SaidAt;
use super::place::Point;
use crate::library::captions::CaptionWord;

/// How far (characters of notes) a chain point's neighbours reach.
const NEIGHBOURHOOD: usize = 800;

/// A chain point this far (ms) from where its neighbours put it is dropped.
const OUTLIER_MS: f64 = 45_000.0;

/// Slack (ms) before a jump at a chain's end counts as stray.
const STRAY_MS: f64 = 90_000.0;

/// An end piece of a chain weighing less than this (or a quarter of the
/// chain) beyond a stray jump is dropped.
const STRAY_WEIGHT: f32 = 1.5;

/// A word said several times between a point's neighbours is matched
/// where its neighbours put it: the chain only fixes the order, and a
/// name mentioned again a minute later would otherwise pull a paragraph to
/// its first mention.
pub fn refine(points: &mut [Point], said: &SaidAt, words: &[CaptionWord], chars_per_ms: f64) {
    for i in 0..points.len() {
        let Some(at) = points[i].key.and_then(|k| said.at.get(&k)) else {
            continue;
        };
        let prev = i.checked_sub(1).map(|k| points[k]);
        let next = points.get(i + 1).copied();
        let pos = points[i].pos;
        let expected = match (prev, next) {
            (Some(a), Some(b)) if b.pos > a.pos => {
                a.ms as f64
                    + (pos - a.pos) as f64 / (b.pos - a.pos) as f64
                        * b.ms.saturating_sub(a.ms) as f64
            }
            (Some(a), _) => a.ms as f64 + (pos - a.pos) as f64 / chars_per_ms,
            (None, Some(b)) => b.ms as f64 - (b.pos - pos) as f64 / chars_per_ms,
            (None, None) => continue,
        };
        let lo = prev.map_or(0, |a| a.ms);
        let hi = next.map_or(u64::MAX, |b| b.ms);
        let best = at
            .iter()
            .map(|&w| words[w as usize].start_ms)
            .filter(|ms| (lo..=hi).contains(ms))
            .min_by(|a, b| {
                (*a as f64 - expected)
                    .abs()
                    .total_cmp(&(*b as f64 - expected).abs())
            });
        if let Some(ms) = best {
            points[i].ms = ms;
        }
    }
}

/// Drops chain points the points around them disagree with: where text
/// runs at the speaking rate, `ms - pos / rate` is about the same for every
/// point nearby, and a point whose value is far from the median of its
/// neighbours' (within [`NEIGHBOURHOOD`] characters) matched a word said
/// elsewhere.
pub fn drop_outliers(points: &mut Vec<Point>, chars_per_ms: f64) {
    let lead = |p: &Point| p.ms as f64 - p.pos as f64 / chars_per_ms;
    let keep: Vec<bool> = points
        .iter()
        .map(|p| {
            let mut around: Vec<f64> = points
                .iter()
                .filter(|q| q.pos.abs_diff(p.pos) <= NEIGHBOURHOOD && *q != p)
                .map(lead)
                .collect();
            if around.len() < 2 {
                return true;
            }
            around.sort_by(f64::total_cmp);
            (lead(p) - around[around.len() / 2]).abs() <= OUTLIER_MS
        })
        .collect();
    let mut k = keep.iter();
    points.retain(|_| k.next().copied().unwrap_or(true));
}

/// A chain may open or close with matches far from the rest (a recap
/// naming what was said minutes before). The chain is cut where the time
/// between two points is far more than the text between them takes to say,
/// and a piece at either end is dropped while it weighs little against the rest.
pub fn trim_stray_ends(points: &mut Vec<Point>, chars_per_ms: f64) {
    let stray = |a: &Point, b: &Point| {
        let expected = (b.pos - a.pos) as f64 / chars_per_ms;
        (b.ms.saturating_sub(a.ms)) as f64 > 4.0 * expected + STRAY_MS
    };
    loop {
        let total: f32 = points.iter().map(|p| p.weight).sum();
        let light = |piece: &[Point]| {
            let w: f32 = piece.iter().map(|p| p.weight).sum();
            w < STRAY_WEIGHT.max(0.25 * total)
        };
        let first_cut = (1..points.len()).find(|&i| stray(&points[i - 1], &points[i]));
        let last_cut = (1..points.len())
            .rev()
            .find(|&i| stray(&points[i - 1], &points[i]));
        match (first_cut, last_cut) {
            (Some(i), _) if light(&points[..i]) => {
                points.drain(..i);
            }
            (_, Some(i)) if light(&points[i..]) => {
                points.truncate(i);
            }
            _ => return,
        }
    }
}
