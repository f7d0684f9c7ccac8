//! Where a key-point match links: the paragraph the key point is said in
//! (`library::key_points`), shown as the snippet, so the link plays what
//! the snippet shows; the chapter's start only when no paragraph matched it.
//! A key point that names its topic (`멀티모달: 이미지, 오디오, 비디오`, or a
//! bold term) says where the notes explain that topic: when the query is its
//! name, the paragraph it is said in is favoured among the passages that
//! mention the query (see `moments`).

use super::shown::{Matcher, SnippetOf};
use super::snippet::first_match;
use crate::library::{Chapter, Course, KeyPoint, Moment, SaidIn};

/// Where the key point of `chapter` the query matches best (the first of
/// equals) is said, if it is said somewhere.
pub(crate) fn key_point_said(chapter: &Chapter, matcher: &Matcher) -> Option<SaidIn> {
    let notes = chapter.notes.as_ref()?;
    let mut best: Option<(usize, f32)> = None;
    for (i, kp) in notes.key_points.iter().enumerate() {
        let w = matcher.best_in(&kp.plain());
        if w > best.map_or(0.0, |(_, b)| b) {
            best = Some((i, w));
        }
    }
    *notes.key_points_said.get(best?.0)?
}

/// Longest label (characters) read as a key point's name.
const MAX_LABEL_CHARS: usize = 24;

/// The name a key point gives its topic: its bold term, else a short label
/// before a colon.
fn named(kp: &KeyPoint) -> Option<String> {
    if let Some(term) = &kp.term {
        return Some(term.clone());
    }
    let (label, rest) = kp.detail.split_once([':', '：'])?;
    let label = label.trim();
    let short = !label.is_empty() && label.chars().count() <= MAX_LABEL_CHARS;
    (short && !rest.trim().is_empty()).then(|| label.to_string())
}

/// Where the key point of `chapter` whose name the query matches best is
/// said, if one names it and is said somewhere.
pub(crate) fn named_key_point_said(chapter: &Chapter, matcher: &Matcher) -> Option<SaidIn> {
    let notes = chapter.notes.as_ref()?;
    let mut best: Option<(usize, f32)> = None;
    for (i, kp) in notes.key_points.iter().enumerate() {
        let w = named(kp).map_or(0.0, |name| matcher.best_in(&name));
        if w > best.map_or(0.0, |(_, b)| b) {
            best = Some((i, w));
        }
    }
    *notes.key_points_said.get(best?.0)?
}

/// The moment and the paragraph of the key point of `chapter` the query
/// matches best, if it is said somewhere.
pub(crate) fn key_point_passage<'a>(
    course: &'a Course,
    chapter: &Chapter,
    matcher: &Matcher,
) -> Option<(Moment, SnippetOf<'a>)> {
    let said = key_point_said(chapter, matcher)?;
    let file = course.chapter(said.chapter)?;
    let para = file.notes.as_ref()?.body.get(said.paragraph)?;
    let center = first_match(&para.text, &mut |t| matcher.check(t)).unwrap_or(0);
    Some((
        file.moment_at(para.offset),
        SnippetOf::Passage(&para.text, center),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kp(term: Option<&str>, detail: &str) -> KeyPoint {
        KeyPoint {
            term: term.map(str::to_string),
            detail: detail.to_string(),
        }
    }

    #[test]
    fn a_key_point_names_its_topic_by_its_term_or_a_short_label() {
        let name = |k: KeyPoint| named(&k);
        assert_eq!(
            name(kp(Some("보상 모델"), "점수")).as_deref(),
            Some("보상 모델")
        );
        assert_eq!(
            name(kp(None, "멀티모달: 이미지, 오디오, 비디오")).as_deref(),
            Some("멀티모달")
        );
        // A sentence names no topic; a label with nothing after it is no label.
        assert_eq!(name(kp(None, "loss 감소를 통해 학습 진행 확인")), None);
        assert_eq!(name(kp(None, "참고:")), None);
        let long = format!("{}: 설명", "아주 긴 문장이 콜론 앞에 길게 이어지는 경우");
        assert_eq!(name(kp(None, &long)), None);
    }
}
