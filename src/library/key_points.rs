//! Where each key point is said: the paragraph of the notes that best
//! matches it among those said in its chapter's span of the video (by their
//! aligned or marked time, so text sitting in a neighbour's file counts for
//! the chapter it is said in), else among its own file's paragraphs. A
//! key-point match in search links there, and shows that paragraph.
//!
//! Run after alignment (times first): a paragraph's time is what its link
//! plays, captions or not. Matching is by shared words, weighted by how rare
//! they are in the course: Korean by two-syllable pieces (so `보상 모델` meets
//! `보상 모델은`), Latin words and numbers whole.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::hangul::is_syllable;
use crate::library::model::{Course, KeyPoint, SaidIn};
use crate::timecode::Seconds;

/// Least share of a key point's weight a paragraph must hold to be where
/// it is said.
const MIN_SHARE: f32 = 0.35;

/// One paragraph as the matcher sees it.
struct Said {
    at: SaidIn,
    seconds: Seconds,
    words: FxHashSet<Word>,
}

/// Gives every key point of the course the paragraph it is said in, when
/// one matches well enough.
pub fn say_key_points(course: &mut Course) {
    let mut said: Vec<Said> = Vec::new();
    // Each chapter's own paragraphs: a range of `said`.
    let mut own: Vec<(usize, usize)> = Vec::new();
    for chapter in &course.chapters {
        let from = said.len();
        let notes = chapter.notes.as_ref().filter(|n| n.has_body());
        for (paragraph, p) in notes.iter().flat_map(|n| n.body.iter().enumerate()) {
            said.push(Said {
                at: SaidIn {
                    chapter: chapter.number,
                    paragraph,
                },
                seconds: chapter.moment_at(p.offset).seconds,
                words: words(&p.text),
            });
        }
        own.push((from, said.len()));
    }
    let mut df: FxHashMap<Word, u32> = FxHashMap::default();
    for s in &said {
        for w in &s.words {
            *df.entry(*w).or_default() += 1;
        }
    }
    let n = said.len().max(1) as f32;
    let idf = |w: Word| {
        (n / df.get(&w).copied().unwrap_or(0).max(1) as f32)
            .ln()
            .max(0.0)
    };
    // By time (stable: file order among equals), for each chapter's span.
    let mut by_time: Vec<&Said> = said.iter().collect();
    by_time.sort_by_key(|s| s.seconds);
    let mut found: Vec<Vec<Option<SaidIn>>> = Vec::new();
    for (chapter, &(from, to)) in course.chapters.iter().zip(&own) {
        let Some(notes) = chapter.notes.as_ref().filter(|n| !n.key_points.is_empty()) else {
            found.push(Vec::new());
            continue;
        };
        let lo = by_time.partition_point(|s| s.seconds < chapter.start);
        let hi = by_time.partition_point(|s| s.seconds < chapter.end);
        let candidates: Vec<&Said> = if lo < hi {
            by_time[lo..hi].to_vec()
        } else {
            said[from..to].iter().collect()
        };
        found.push(
            notes
                .key_points
                .iter()
                .map(|kp| best(kp, &candidates, &idf))
                .collect(),
        );
    }
    for (chapter, said) in course.chapters.iter_mut().zip(found) {
        if let Some(notes) = chapter.notes.as_mut() {
            notes.key_points_said = said;
        }
    }
}

/// The candidate holding most of the key point's weight (the first of
/// equals), if it holds enough.
fn best(kp: &KeyPoint, candidates: &[&Said], idf: &impl Fn(Word) -> f32) -> Option<SaidIn> {
    let wanted: Vec<(Word, f32)> = words(&kp.plain())
        .into_iter()
        .map(|w| {
            let weight = idf(w);
            (w, weight)
        })
        .filter(|(_, weight)| *weight > 0.0)
        .collect();
    let total: f32 = wanted.iter().map(|(_, w)| w).sum();
    if total <= 0.0 {
        return None;
    }
    let mut best: Option<(f32, SaidIn)> = None;
    for s in candidates {
        let held: f32 = wanted
            .iter()
            .filter(|(w, _)| s.words.contains(w))
            .map(|(_, weight)| weight)
            .sum();
        if held > best.map_or(0.0, |(b, _)| b) {
            best = Some((held, s.at));
        }
    }
    best.filter(|(held, _)| held / total >= MIN_SHARE)
        .map(|(_, at)| at)
}

/// A word as matched: a two-syllable piece, or a whole word's hash.
type Word = u64;

/// The words a text is matched by: two-syllable pieces of Korean words
/// (a one-syllable word whole), lowercased Latin words and numbers whole. A
/// particle written onto a Latin word (`together.ai입니다`) is a Korean run
/// of its own.
fn words(text: &str) -> FxHashSet<Word> {
    let mut out = FxHashSet::default();
    let mut latin = String::new();
    for run in text.split(|c: char| !c.is_alphanumeric()).flat_map(runs) {
        let chars: Vec<char> = run.chars().collect();
        if chars.len() > 1 && is_syllable(chars[0]) {
            // Two chars fit in 42 bits; the top bit tells pieces from hashes.
            out.extend(
                chars
                    .windows(2)
                    .map(|p| (u64::from(p[0]) << 21 | u64::from(p[1])) | 1 << 63),
            );
        } else {
            latin.clear();
            latin.extend(run.chars().flat_map(char::to_lowercase));
            let mut h = FxHasher::default();
            latin.hash(&mut h);
            out.insert(h.finish() & !(1 << 63));
        }
    }
    out
}

/// A word cut where it changes between Hangul and anything else.
fn runs(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let hangul = is_syllable(rest.chars().next()?);
        let end = rest
            .find(|c: char| is_syllable(c) != hangul)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::model::{test_values, Chapter, Notes, Paragraph, Spoken};

    fn chapter(
        number: u32,
        start: Seconds,
        end: Seconds,
        points: &[&str],
        body: &[&str],
    ) -> Chapter {
        let mut offset = 0;
        let body = body
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let p = Paragraph {
                    text: text.to_string(),
                    line: i + 1,
                    offset,
                    spoken: None,
                };
                offset += text.chars().count() + 2;
                p
            })
            .collect();
        let notes = Notes {
            key_points: points
                .iter()
                .map(|p| KeyPoint {
                    term: None,
                    detail: p.to_string(),
                })
                .collect(),
            body,
            body_chars: offset.saturating_sub(2),
            ..Notes::default()
        };
        test_values::chapter(number, start, end, Some(notes))
    }

    fn course(chapters: Vec<Chapter>) -> Course {
        test_values::course(chapters, 200)
    }

    fn said(course: &Course, number: u32) -> Vec<Option<SaidIn>> {
        course
            .chapter(number)
            .unwrap()
            .notes
            .as_ref()
            .unwrap()
            .key_points_said
            .clone()
    }

    #[test]
    fn a_key_point_is_said_in_the_paragraph_sharing_its_rarest_words() {
        let mut c = course(vec![
            chapter(
                1,
                0,
                100,
                &["보상 모델이 선호를 흉내 냄", "펠리컨 농담"],
                &[
                    "먼저 모델을 소개합니다.",
                    "보상 모델은 사람의 선호를 흉내 냅니다.",
                    "모델 이야기를 계속합니다.",
                ],
            ),
            chapter(2, 100, 200, &[], &["다른 모델 이야기입니다."]),
        ]);
        say_key_points(&mut c);
        let at = SaidIn {
            chapter: 1,
            paragraph: 1,
        };
        // The second key point's words are said nowhere.
        assert_eq!(said(&c, 1), vec![Some(at), None]);
    }

    #[test]
    fn a_particle_written_onto_a_latin_name_still_lets_the_name_match() {
        assert!(words("together.ai입니다").is_superset(&words("together.ai")));
        let mut c = course(vec![chapter(
            1,
            0,
            100,
            &["together.ai, hyperbolic"],
            &[
                "다른 이야기입니다.",
                "제가 좋아하는 것은 together.ai입니다.",
            ],
        )]);
        say_key_points(&mut c);
        let at = SaidIn {
            chapter: 1,
            paragraph: 1,
        };
        assert_eq!(said(&c, 1), vec![Some(at)]);
    }

    #[test]
    fn text_said_in_the_chapter_s_span_counts_whatever_file_holds_it() {
        let mut first = chapter(
            1,
            0,
            100,
            &[],
            &["첫 장 이야기.", "알파고의 37수는 놀라웠습니다."],
        );
        // The file of chapter 1 holds text said in chapter 2's span.
        first.notes.as_mut().unwrap().body[1].spoken = Some(Spoken {
            start: 150,
            end: 160,
            confidence: 1.0,
        });
        let second = chapter(
            2,
            100,
            200,
            &["알파고 37수"],
            &["이 장은 알파고 이야기로 시작."],
        );
        let mut c = course(vec![first, second]);
        say_key_points(&mut c);
        let at = SaidIn {
            chapter: 1,
            paragraph: 1,
        };
        assert_eq!(said(&c, 2), vec![Some(at)]);
    }
}
