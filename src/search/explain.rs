//! `lectern search --explain`: why a chapter ranked where it did — the words
//! the query was split into, every reading tried (tier, weight, how many
//! chapters have it), then per chapter its score, how many words it covered,
//! the field that counted most and the passage its link plays.

use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;

use super::glossary::Concepts;
use super::index::Index;
use super::moments::MAX_MOMENTS;
use super::order::hits_in_order;
use super::phrase;
use super::query::{self, Options};
use super::rank;
use crate::library::Library;
use crate::timecode::format_time;

/// Readings shown at most.
const MAX_READINGS: usize = 40;
/// Chapters shown at most.
const MAX_CHAPTERS: usize = 8;

pub(crate) fn explain(
    index: &Index,
    concepts: &Concepts,
    library: &Library,
    text: &str,
    course: Option<u32>,
) -> String {
    let opts = Options {
        prefix: true,
        fuzzy: true,
    };
    let keep = |d: &super::index::Doc| course.is_none_or(|c| d.course == c);
    // As search does: the query as written first, when it is read so and
    // finds something.
    let q = phrase::parse_as_written(index, concepts, text, opts)
        .filter(|q| {
            let ranked = rank::rank(index, q, MAX_CHAPTERS, keep);
            !hits_in_order(index, library, q, &ranked, 1, 1).is_empty()
        })
        .unwrap_or_else(|| query::parse(index, concepts, text, opts));
    let mut out = String::new();
    let words: Vec<&str> = q.slots.iter().map(|s| s.stem_text.as_str()).collect();
    let _ = writeln!(out, "words: {words:?}");
    let _ = writeln!(
        out,
        "readings (tier, words covered, weight, chapters with it):"
    );
    for a in q.alts.iter().take(MAX_READINGS) {
        let terms: Vec<String> = a
            .terms
            .iter()
            .map(|&t| index.dict.key(t).nfc().collect())
            .collect();
        let _ = writeln!(
            out,
            "  {:?} {}..{} w={:.2} df={} {}",
            a.tier,
            a.first,
            a.last,
            a.weight,
            a.terms.first().map_or(0, |&t| index.df(t)),
            terms.join(" ")
        );
    }
    let ranked = rank::rank(index, &q, MAX_CHAPTERS, keep);
    let _ = writeln!(out, "chapters:");
    let hits = hits_in_order(index, library, &q, &ranked, MAX_CHAPTERS, MAX_MOMENTS);
    for (i, (r, hit)) in hits.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. ch{} score {:.3}, {} of {} words, best field {}",
            i + 1,
            hit.chapter,
            r.score,
            r.coverage,
            q.slots.len(),
            hit.field.as_str()
        );
        if let Some(m) = hit.moments.first() {
            let _ = writeln!(
                out,
                "     link {}{} ({}): {}",
                if m.moment.approximate { "≈" } else { "" },
                format_time(m.moment.seconds),
                m.field.as_str(),
                m.snippet
            );
        }
    }
    out
}
