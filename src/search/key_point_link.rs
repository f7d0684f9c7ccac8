//! Where a key-point match links: the paragraph the key point is said in
//! (`library::key_points`), shown as the snippet, so the link plays what
//! the snippet shows; the chapter's start only when no paragraph matched it.

use super::shown::{Matcher, SnippetOf};
use super::snippet::first_match;
use crate::library::{Chapter, Course, Moment};

/// The moment and the paragraph of the key point of `chapter` the query
/// matches best (the first of equals), if it is said somewhere.
pub(crate) fn key_point_passage<'a>(
    course: &'a Course,
    chapter: &Chapter,
    matcher: &Matcher,
) -> Option<(Moment, SnippetOf<'a>)> {
    let notes = chapter.notes.as_ref()?;
    let mut best: Option<(usize, f32)> = None;
    for (i, kp) in notes.key_points.iter().enumerate() {
        let w = matcher.best_in(&kp.plain());
        if w > best.map_or(0.0, |(_, b)| b) {
            best = Some((i, w));
        }
    }
    let said = (*notes.key_points_said.get(best?.0)?)?;
    let file = course.chapter(said.chapter)?;
    let para = file.notes.as_ref()?.body.get(said.paragraph)?;
    let center = first_match(&para.text, &mut |t| matcher.check(t)).unwrap_or(0);
    Some((
        file.moment_at(para.offset),
        SnippetOf::Passage(&para.text, center),
    ))
}
