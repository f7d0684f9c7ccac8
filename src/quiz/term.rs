//! "Which term fills the blank?": a key point written `term: detail` with
//! its term hidden; the other choices are terms of other key points of the
//! course. A term is never offered beside the answer when it could fit too:
//! not another name of the answer's idea (the glossary the bot runs with,
//! as search reads it), not a word of the answer or the answer a word of
//! it, and not a word the detail itself says.

use super::rng::Rng;
use super::words::{explaining_moment, holds, term_of};
use super::{draw, Choice, Draft, QuestionRef, CHOICES};
use crate::library::Course;
use crate::search::Synonyms;

/// Every term of the course's key points, in course order, each once.
fn pool(course: &Course) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for chapter in &course.chapters {
        for kp in chapter.notes.iter().flat_map(|n| &n.key_points) {
            if let Some((term, _)) = term_of(kp) {
                if !terms.iter().any(|t| t.eq_ignore_ascii_case(&term)) {
                    terms.push(term);
                }
            }
        }
    }
    terms
}

/// Whether `other` may stand beside `term` (explained by `detail`).
fn could_not_fit(names: Synonyms<'_>, term: &str, detail: &str, other: &str) -> bool {
    !names.same_idea(term, other)
        && !holds(detail, other)
        && !holds(other, term)
        && !holds(term, other)
}

/// The distractors `term` may have.
fn eligible(names: Synonyms<'_>, pool: &[String], term: &str, detail: &str) -> Vec<String> {
    pool.iter()
        .filter(|o| could_not_fit(names, term, detail, o))
        .cloned()
        .collect()
}

/// The key points of `chapter` this kind can ask about.
pub(super) fn items(course: &Course, names: Synonyms<'_>, chapter: u32) -> Vec<u32> {
    let Some(notes) = course.chapter(chapter).and_then(|c| c.notes.as_ref()) else {
        return Vec::new();
    };
    let pool = pool(course);
    (0..notes.key_points.len())
        .filter(|&i| {
            term_of(&notes.key_points[i]).is_some_and(|(term, detail)| {
                let ok = eligible(names, &pool, &term, &detail);
                enough_apart(names, &ok)
            })
        })
        .filter_map(|i| u32::try_from(i).ok())
        .collect()
}

/// Whether `terms` hold three that are pairwise different ideas.
fn enough_apart(names: Synonyms<'_>, terms: &[String]) -> bool {
    let mut rng = Rng::new(&[0]);
    draw(&mut rng, terms.to_vec(), CHOICES - 1, |c, taken| {
        apart(names, c, taken)
    })
    .is_some()
}

/// Whether `candidate` is a different idea from every term `taken`.
fn apart(names: Synonyms<'_>, candidate: &str, taken: &[String]) -> bool {
    taken
        .iter()
        .all(|t| !names.same_idea(t, candidate) && !holds(t, candidate) && !holds(candidate, t))
}

pub(super) fn draft(course: &Course, names: Synonyms<'_>, r: QuestionRef) -> Option<Draft> {
    let chapter = course.chapter(r.chapter)?;
    let kp = chapter.notes.as_ref()?.key_points.get(r.item as usize)?;
    let (term, detail) = term_of(kp)?;
    let ok = eligible(names, &pool(course), &term, &detail);
    let mut rng = Rng::new(&[
        u64::from(r.seed),
        u64::from(r.chapter),
        u64::from(r.item),
        1,
    ]);
    let others = draw(&mut rng, ok, CHOICES - 1, |c, taken| apart(names, c, taken))?;
    let mut choices = vec![Choice::Term(term.clone())];
    choices.extend(others.into_iter().map(Choice::Term));
    Some(Draft {
        source: detail,
        choices,
        moment: explaining_moment(chapter, &kp.plain()),
    })
}
