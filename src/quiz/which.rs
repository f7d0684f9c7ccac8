//! "Which chapter has this key point?": one key point, its chapter and three
//! others. A chapter is offered beside the answer only when its own notes
//! don't discuss the point: its summary and key points share none of the
//! point's content words, and its body never names the point's term.

use super::rng::Rng;
use super::words::{content_words, explaining_moment, holds, term_of};
use super::{draw, Choice, Draft, QuestionRef, CHOICES};
use crate::library::{Chapter, Course, KeyPoint};

/// The chapters that may be offered beside `chapter`'s key point `kp`.
fn eligible(course: &Course, chapter: u32, kp: &KeyPoint) -> Vec<u32> {
    let words = content_words(&kp.plain());
    if words.is_empty() {
        return Vec::new();
    }
    let term = term_of(kp).map(|(t, _)| t);
    course
        .chapters
        .iter()
        .filter(|c| c.number != chapter)
        .filter(|c| apart(c, &words, term.as_deref()))
        .map(|c| c.number)
        .collect()
}

/// Whether `other`'s notes say nothing of `words` (and of `term`).
fn apart(other: &Chapter, words: &[String], term: Option<&str>) -> bool {
    let Some(notes) = &other.notes else {
        return false;
    };
    if notes.key_points.is_empty() && notes.summary.trim().is_empty() {
        return false;
    }
    let said = |w: &str| {
        holds(&notes.summary, w)
            || notes
                .key_points
                .iter()
                .any(|kp| kp.term.as_deref().is_some_and(|t| holds(t, w)) || holds(&kp.detail, w))
    };
    if words.iter().any(|w| said(w)) {
        return false;
    }
    term.is_none_or(|t| notes.body.iter().all(|p| !holds(&p.text, t)))
}

/// The key points of `chapter` this kind can ask about.
pub(super) fn items(course: &Course, chapter: u32) -> Vec<u32> {
    let Some(notes) = course.chapter(chapter).and_then(|c| c.notes.as_ref()) else {
        return Vec::new();
    };
    (0..notes.key_points.len())
        .filter(|&i| eligible(course, chapter, &notes.key_points[i]).len() >= CHOICES - 1)
        .filter_map(|i| u32::try_from(i).ok())
        .collect()
}

pub(super) fn draft(course: &Course, r: QuestionRef) -> Option<Draft> {
    let chapter = course.chapter(r.chapter)?;
    let kp = chapter.notes.as_ref()?.key_points.get(r.item as usize)?;
    let ok = eligible(course, r.chapter, kp);
    let mut rng = Rng::new(&[
        u64::from(r.seed),
        u64::from(r.chapter),
        u64::from(r.item),
        2,
    ]);
    let others = draw(&mut rng, ok, CHOICES - 1, |_, _| true)?;
    let mut choices = vec![Choice::Chapter(r.chapter)];
    choices.extend(others.into_iter().map(Choice::Chapter));
    Some(Draft {
        source: kp.plain(),
        choices,
        moment: explaining_moment(chapter, &kp.plain()),
    })
}
