//! "Which comes first in the chapter?": four passages of a chapter's body,
//! each shown by the first whole sentence it starts (its opening words when
//! it has none); the answer is the one said first. Only passages placed
//! inside the chapter's span are used, the answer is said strictly before
//! the other three, and passages that read the same are never offered.

use super::rng::Rng;
use super::{draw, Choice, Draft, QuestionRef, CHOICES};
use crate::cut::{squash_whitespace, truncate};
use crate::library::{Chapter, Course, Moment};

/// Characters of a passage shown as a choice.
pub(crate) const EXCERPT_CHARS: usize = 48;

/// One usable passage: its paragraph, how it is shown, when it is said.
#[derive(Debug, Clone, PartialEq)]
struct Passage {
    index: usize,
    excerpt: String,
    moment: Moment,
}

/// Where a paragraph's first whole sentence starts (in characters): after
/// the first sentence end in its first half, else at its start (a body cut
/// every 30 seconds often opens mid-sentence).
fn sentence_start(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let half = chars.len() / 2;
    (1..half)
        .find(|&i| matches!(chars[i - 1], '.' | '?' | '!') && chars[i] == ' ')
        .map_or(0, |i| i + 1)
}

/// Fewest characters a passage must show to be told apart as a choice: a
/// lone list item (`- 구글이라고 생각하죠.`) says too little to place.
const MIN_SHOWN_CHARS: usize = 16;

/// How paragraph `index` of `chapter` is shown, and from which character
/// (a list item's marker is not shown).
fn opening(chapter: &Chapter, index: usize) -> Option<(usize, String)> {
    let para = chapter.notes.as_ref()?.body.get(index)?;
    let text = squash_whitespace(&para.text);
    let text = text.trim();
    let skip = sentence_start(text);
    let shown: String = text.chars().skip(skip).collect();
    let shown = without_list_marker(shown.trim());
    (shown.chars().count() >= MIN_SHOWN_CHARS).then(|| (skip, truncate(shown, EXCERPT_CHARS)))
}

/// `text` without a Markdown list item's marker (`- `, `* `, `+ `, `• `).
fn without_list_marker(text: &str) -> &str {
    ["- ", "* ", "+ ", "• "]
        .iter()
        .find_map(|m| text.strip_prefix(m))
        .map_or(text, str::trim_start)
}

/// The passages of `chapter` a question may show, in body order.
fn passages(chapter: &Chapter) -> Vec<Passage> {
    let Some(notes) = chapter.notes.as_ref().filter(|n| n.has_body()) else {
        return Vec::new();
    };
    let all: Vec<Passage> = (0..notes.body.len())
        .filter_map(|index| {
            let (skip, excerpt) = opening(chapter, index)?;
            let moment = chapter.moment_at(notes.body[index].offset + skip);
            Some(Passage {
                index,
                excerpt,
                moment,
            })
        })
        .filter(|p| chapter.start <= p.moment.seconds && p.moment.seconds < chapter.end)
        .collect();
    all.iter()
        .filter(|p| all.iter().filter(|q| q.excerpt == p.excerpt).count() == 1)
        .cloned()
        .collect()
}

/// The passages that may follow `first` as distractors.
fn after(all: &[Passage], first: &Passage) -> Vec<usize> {
    all.iter()
        .filter(|p| p.index > first.index && p.moment.seconds > first.moment.seconds)
        .map(|p| p.index)
        .collect()
}

/// The paragraphs of `chapter` that can be the first of four.
pub(super) fn items(course: &Course, chapter: u32) -> Vec<u32> {
    let Some(ch) = course.chapter(chapter) else {
        return Vec::new();
    };
    let all = passages(ch);
    all.iter()
        .filter(|p| after(&all, p).len() >= CHOICES - 1)
        .filter_map(|p| u32::try_from(p.index).ok())
        .collect()
}

pub(super) fn draft(course: &Course, r: QuestionRef) -> Option<Draft> {
    let chapter = course.chapter(r.chapter)?;
    let all = passages(chapter);
    let first = all.iter().find(|p| p.index == r.item as usize)?;
    let mut rng = Rng::new(&[
        u64::from(r.seed),
        u64::from(r.chapter),
        u64::from(r.item),
        3,
    ]);
    let others = draw(&mut rng, after(&all, first), CHOICES - 1, |_, _| true)?;
    let mut choices = vec![Choice::Passage(first.index)];
    choices.extend(others.into_iter().map(Choice::Passage));
    Some(Draft {
        source: first.excerpt.clone(),
        choices,
        moment: first.moment,
    })
}

/// How paragraph `index` of `chapter` is shown as a choice.
pub(crate) fn excerpt(chapter: &Chapter, index: usize) -> Option<String> {
    opening(chapter, index).map(|(_, e)| e)
}
