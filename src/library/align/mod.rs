//! Aligning the notes to the video's captions: every translation paragraph
//! gets a [`Spoken`] place on the video's timeline, so "the moment in the
//! video" is where the words are said, not where a file or a marker claims.
//!
//! Pure and run once per load (and per reload), off the request path:
//! `anchors` finds what both languages write alike, `chain` keeps the
//! heaviest monotonic set of matches per file, `place` turns it into times
//! and confidences, `advice` tells `check` what time says about the files.
//! A course without captions is left as it is.

mod advice;
mod anchors;
mod chain;
mod clean;
mod place;

pub use anchors::{latin_key, ConceptNames};

use crate::library::captions::CaptionWord;
use crate::library::diagnostics::Diagnostic;
use crate::library::key_points::say_key_points;
use crate::library::marker_places::demote_collapsed;
use crate::library::markers::Spine;
use crate::library::model::{Course, Library, Paragraph, Spoken};
use crate::timecode::Seconds;
use anchors::{spoken_keys, Keys, SaidAt, TextAnchors};
use chain::{heaviest_chain, Candidate};
use place::{Point, Timeline};

/// How far (seconds) a file's text may be said outside its chapter's span.
/// In the v1 notes, chapters 17–20 hold text said up to ~17 minutes away.
pub const WIDEN: Seconds = 20 * 60;

/// An anchor said more often than this in the video pins nothing.
const MAX_SAID: usize = 60;

/// What a time marker that sits in its chapter's span weighs in the chain:
/// evidence, but a few shared words outweigh it.
const MARKER_WEIGHT: f32 = 0.3;

/// Below this share of paragraphs placed confidently, the captions are taken
/// not to be this video's (or the notes not to be a translation of it).
const TRUSTED_SHARE: f32 = 0.2;

/// What aligning one course found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Alignment {
    pub paragraphs: usize,
    pub confident: usize,
}

impl Alignment {
    pub fn share(&self) -> f32 {
        self.confident as f32 / self.paragraphs.max(1) as f32
    }
}

/// Aligns every course that has captions and adds `check`'s advice (which
/// replaces the marker guesses for courses whose alignment holds); then,
/// times settled, gives every key point the paragraph it is said in.
pub fn align_library(library: &mut Library, concepts: &[ConceptNames]) {
    align_captioned(library, concepts);
    for course in &mut library.courses {
        say_key_points(course);
    }
}

fn align_captioned(library: &mut Library, concepts: &[ConceptNames]) {
    let mut found = Vec::new();
    for course in &mut library.courses {
        let Some(captions) = course.captions.clone() else {
            continue;
        };
        let alignment = align_course(course, &captions.words, concepts);
        if alignment.paragraphs == 0 {
            continue;
        }
        if alignment.share() < TRUSTED_SHARE {
            clear(course);
            found.push(Diagnostic::warning(
                &captions.path,
                0,
                format!(
                    "the captions don't match the notes: only {} of {} paragraphs could be \
                     placed on their timeline; times come from the markers",
                    alignment.confident, alignment.paragraphs
                ),
            ));
            continue;
        }
        let files: Vec<&str> = course
            .chapters
            .iter()
            .filter_map(|c| c.notes.as_ref().map(|n| n.path.as_str()))
            .collect();
        library.diagnostics.retain(|d| {
            !(files.contains(&d.path.as_str()) && crate::library::markers::is_guess(d))
        });
        found.extend(advice::advice(course));
    }
    library.diagnostics.extend(found);
}

/// Gives every paragraph of the course's notes a [`Spoken`] place by
/// aligning it to the caption `words`. Paragraphs of a file where nothing
/// could be matched keep `None` (their times come from the markers).
pub fn align_course(
    course: &mut Course,
    words: &[CaptionWord],
    concepts: &[ConceptNames],
) -> Alignment {
    let mut keys = Keys::default();
    let said = spoken_keys(words, concepts, &mut keys);
    let text = TextAnchors::new(concepts, &mut keys);
    let total_chars: usize = course
        .chapters
        .iter()
        .filter_map(|c| c.notes.as_ref().filter(|n| n.has_body()))
        .map(|n| n.body_chars)
        .sum();
    let spoken_ms =
        words.last().map_or(0, |w| w.cue_end_ms) - words.first().map_or(0, |w| w.start_ms);
    let chars_per_ms = (total_chars as f64 / spoken_ms.max(1) as f64).max(1e-4);
    let duration_ms = u64::from(course.duration).max(words.last().map_or(0, |w| w.cue_end_ms));
    for chapter in &mut course.chapters {
        let (start, end) = (chapter.start, chapter.end);
        let Some(notes) = chapter.notes.as_mut().filter(|n| n.has_body()) else {
            continue;
        };
        let window_ms = (
            u64::from(start.saturating_sub(WIDEN)) * 1000,
            (u64::from(end.saturating_add(WIDEN)) * 1000).min(duration_ms),
        );
        let range = (
            words.partition_point(|w| w.start_ms < window_ms.0),
            words.partition_point(|w| w.start_ms <= window_ms.1),
        );
        let mut candidates = Vec::new();
        for para in &notes.body {
            for written in text.find(&para.text, &keys) {
                let pos = para.offset + written.pos;
                push_said(&mut candidates, &said, written.key, pos, range);
            }
        }
        for anchor in &notes.anchors {
            let ms = u64::from(anchor.seconds) * 1000;
            let word = words.partition_point(|w| w.start_ms < ms);
            if (range.0..range.1).contains(&word) {
                candidates.push(Candidate {
                    pos: anchor.pos,
                    word: word as u32,
                    weight: MARKER_WEIGHT,
                    key: None,
                });
            }
        }
        let mut points: Vec<Point> = heaviest_chain(candidates)
            .into_iter()
            .map(|c| Point {
                pos: c.pos,
                ms: words[c.word as usize].start_ms,
                weight: c.weight,
                key: c.key,
            })
            .collect();
        clean::refine(&mut points, &said, words, chars_per_ms);
        clean::drop_outliers(&mut points, chars_per_ms);
        clean::trim_stray_ends(&mut points, chars_per_ms);
        for para in &mut notes.body {
            para.spoken = None;
        }
        if points.is_empty() {
            continue;
        }
        let timeline = Timeline {
            points: &points,
            chars_per_ms,
            window_ms,
        };
        for para in &mut notes.body {
            let placed = timeline.place(para.offset, para.offset + para.text.chars().count());
            para.spoken = Some(placed);
        }
        demote_collapsed(&mut notes.body);
    }
    demote_shared_starts(course);
    placed(course)
}

/// How many of a course's translation paragraphs are placed on the
/// video's timeline confidently.
pub fn placed(course: &Course) -> Alignment {
    let paragraphs: Vec<&Paragraph> = course
        .chapters
        .iter()
        .filter_map(|c| c.notes.as_ref().filter(|n| n.has_body()))
        .flat_map(|n| &n.body)
        .collect();
    Alignment {
        paragraphs: paragraphs.len(),
        confident: paragraphs
            .iter()
            .filter(|p| p.spoken.is_some_and(|s| s.confident()))
            .count(),
    }
}

/// Two files can hold the same words (a recap, text pasted twice): of two
/// confident paragraphs that would start at one second, only the surer one
/// stays exact.
fn demote_shared_starts(course: &mut Course) {
    let mut best: rustc_hash::FxHashMap<Seconds, f32> = rustc_hash::FxHashMap::default();
    let placed = course
        .chapters
        .iter()
        .filter_map(|c| c.notes.as_ref())
        .flat_map(|n| &n.body)
        .filter_map(|p| p.spoken.filter(|s| s.confident()));
    for s in placed {
        let slot = best.entry(s.start).or_insert(s.confidence);
        *slot = slot.max(s.confidence);
    }
    let mut kept = rustc_hash::FxHashSet::default();
    for notes in course.chapters.iter_mut().filter_map(|c| c.notes.as_mut()) {
        for spoken in notes.body.iter_mut().filter_map(|p| p.spoken.as_mut()) {
            let surest = best
                .get(&spoken.start)
                .is_some_and(|&b| spoken.confidence >= b);
            if spoken.confident() && !(surest && kept.insert(spoken.start)) {
                spoken.confidence = spoken.confidence.min(Spoken::CONFIDENT * 0.9);
            }
        }
    }
}

/// Adds a candidate for every place in `range` (caption word indexes) where
/// `key` is said, weighted by how rare the key is in the whole video.
fn push_said(out: &mut Vec<Candidate>, said: &SaidAt, key: u32, pos: usize, range: (usize, usize)) {
    let Some(at) = said.at.get(&key) else { return };
    if at.len() > MAX_SAID {
        return;
    }
    let weight = 1.0 / (at.len() as f32).sqrt();
    let from = at.partition_point(|&w| (w as usize) < range.0);
    for &word in at[from..].iter().take_while(|&&w| (w as usize) < range.1) {
        out.push(Candidate {
            pos,
            word,
            weight,
            key: Some(key),
        });
    }
}

/// Forgets what alignment placed; the markers place what they can again.
fn clear(course: &mut Course) {
    for notes in course.chapters.iter_mut().filter_map(|c| c.notes.as_mut()) {
        for para in &mut notes.body {
            para.spoken = None;
        }
    }
    crate::library::marker_places::place_by_markers(course);
}

/// The chapter index as a spine, for the advice.
fn spine(course: &Course) -> Spine {
    Spine::of(&course.chapters, course.duration)
}
