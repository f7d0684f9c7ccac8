//! Which passages each chapter's document holds, by time: time is the
//! spine, not the file a text sits in. With captions, a paragraph counts
//! for the chapter whose span holds the time its link plays (the v1 notes'
//! files hold their neighbours' text), so a hit's chapter is where its link
//! lands; without them a placement sure of its chapter moves it: the
//! markers' clock (`library::marker_places`) is, for the paragraphs between
//! two markers of a run as well as those a marker opens (else a chapter's
//! hit could link past its own end); the rest stay with their file. Each caption window counts for the chapter whose span
//! holds its start. `/summary` still shows a file's own notes; only search follows this.

use super::index::{PassageRef, Source, F_CAPTIONS, F_TRANSLATION};
use crate::library::Course;

/// Position in `course.chapters` of the chapter covering `seconds`.
fn chapter_index_at(course: &Course, seconds: u32) -> Option<usize> {
    let ch = course.chapter_at(seconds)?;
    course.index_of(ch.number)
}

/// The passages of each chapter of `course` (see the module docs), with
/// the source of each; `first_doc` is the document of the first chapter.
#[allow(clippy::type_complexity)]
pub(crate) fn course_passages(course: &Course, first_doc: u32) -> Vec<Vec<(PassageRef, &str, u8)>> {
    let n = course.chapters.len();
    let mut own: Vec<Vec<(PassageRef, &str, u8)>> = vec![Vec::new(); n];
    let mut moved: Vec<Vec<(Source, &str, u8)>> = vec![Vec::new(); n];
    for (chi, ch) in course.chapters.iter().enumerate() {
        let Some(notes) = ch.notes.as_ref().filter(|n| n.has_body()) else {
            continue;
        };
        for (pi, p) in notes.body.iter().enumerate() {
            let source = Source::Paragraph {
                doc: first_doc + chi as u32,
                paragraph: pi as u32,
            };
            // With captions, the time a paragraph's link plays decides
            // (its alignment, sure or not): a hit's chapter is where its
            // link lands.
            let at = if course.captions.is_some() {
                Some(ch.moment_at(p.offset).seconds)
            } else {
                p.spoken.filter(|s| s.sure_of_chapter()).map(|s| s.start)
            };
            let said_in = at
                .and_then(|at| chapter_index_at(course, at))
                .unwrap_or(chi);
            if said_in == chi {
                let offset = p.offset.min(u32::MAX as usize) as u32;
                own[chi].push((PassageRef { offset, source }, &p.text, F_TRANSLATION));
            } else {
                moved[said_in].push((source, &p.text, F_TRANSLATION));
            }
        }
    }
    if let Some(captions) = &course.captions {
        for (wi, w) in captions.windows.iter().enumerate() {
            let at = (w.start_ms / 1000).min(u64::from(u32::MAX)) as u32;
            if let Some(chi) = chapter_index_at(course, at) {
                moved[chi].push((Source::Window(wi as u32), &w.text, F_CAPTIONS));
            }
        }
    }
    for (chi, ch) in course.chapters.iter().enumerate() {
        let mut next = ch
            .notes
            .as_ref()
            .filter(|n| n.has_body())
            .map_or(0, |n| n.body_chars + 2);
        for &(source, text, field) in &moved[chi] {
            let offset = next.min(u32::MAX as usize) as u32;
            own[chi].push((PassageRef { offset, source }, text, field));
            next += text.chars().count() + 2;
        }
    }
    own
}
