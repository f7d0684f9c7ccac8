//! Practice questions built from a chapter's notes, with no language model:
//! every question is checkable against the notes it came from.
//!
//! Pure and deterministic: no I/O and no clock. A question is named by a
//! [`QuestionRef`] — chapter, [`Kind`], source item (a key point's index, or
//! a body paragraph's) and a seed that picks the distractors and their order
//! — so any instance rebuilds the same question from a button alone. Its
//! [`Question::fingerprint`] hashes what the question shows (in no
//! particular language): a button carries it, and a press whose question
//! now builds differently (the notes changed) is told so instead of being
//! marked against another question.
//!
//! The kinds, each kept only where the notes make it unambiguous (one file
//! each: `term.rs`, `which.rs`, `order.rs`): a key point's term blanked out,
//! the chapter a key point belongs to, and which of four passages comes
//! first in a chapter.

mod order;
pub mod review;
mod rng;
mod term;
mod which;
mod wording;
mod words;

use crate::library::{Course, Moment};
use crate::locale::Locale;
use crate::search::Synonyms;
use rng::Rng;
pub use words::content_words;

/// Choices every question offers.
pub const CHOICES: usize = 4;

/// What a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A key point with its term blanked: which term fills it?
    Term,
    /// A key point: which chapter is it from?
    Chapter,
    /// Four passages of a chapter: which is said first?
    Order,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Term, Kind::Chapter, Kind::Order];

    /// The one-letter code buttons and the database use.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Term => "t",
            Kind::Chapter => "c",
            Kind::Order => "o",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Everything that names one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionRef {
    pub chapter: u32,
    pub kind: Kind,
    /// The key point's index ([`Kind::Term`], [`Kind::Chapter`]) or the
    /// answer paragraph's ([`Kind::Order`]).
    pub item: u32,
    pub seed: u32,
}

impl QuestionRef {
    /// The question's id in the database: `21:t:1:48213` (the course is
    /// stored beside it).
    pub fn id(&self) -> String {
        format!(
            "{}:{}:{}:{}",
            self.chapter,
            self.kind.code(),
            self.item,
            self.seed
        )
    }

    /// Reads [`QuestionRef::id`].
    pub fn parse(id: &str) -> Option<QuestionRef> {
        let mut parts = id.split(':');
        let chapter = parts.next()?.parse().ok()?;
        let kind = Kind::from_code(parts.next()?)?;
        let item = parts.next()?.parse().ok()?;
        let seed = parts.next()?.parse().ok()?;
        parts.next().is_none().then_some(QuestionRef {
            chapter,
            kind,
            item,
            seed,
        })
    }
}

/// A question as a button holds it: its reference and the fingerprint of
/// what it showed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Shown {
    pub reference: QuestionRef,
    pub fingerprint: String,
}

impl Question {
    /// What a button on this question holds.
    pub fn shown(&self) -> Shown {
        Shown {
            reference: self.reference,
            fingerprint: self.fingerprint.clone(),
        }
    }
}

/// A seed for a new question, from the moment and the member asking (short:
/// five digits, it travels in buttons).
pub fn seed(now: i64, user: u64) -> u32 {
    (Rng::new(&[now as u64, user]).next() % 100_000) as u32
}

/// One question, worded for one reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub reference: QuestionRef,
    /// Markdown.
    pub prompt: String,
    /// [`CHOICES`] distinct choices, as shown.
    pub choices: Vec<String>,
    /// Index of the right choice.
    pub answer: usize,
    /// One line saying why the answer is right.
    pub why: String,
    /// The moment that explains the answer.
    pub moment: Moment,
    /// Five hex digits of what the question shows, whatever the language.
    pub fingerprint: String,
}

/// What a kind's builder decides, before wording: the choices (the answer
/// first), what they stand for, and where the answer is explained.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// The text the question is about (a key point, a passage).
    pub source: String,
    pub choices: Vec<Choice>,
    pub moment: Moment,
}

/// One choice, before wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Choice {
    /// A term, as written in the notes.
    Term(String),
    /// A chapter, by number.
    Chapter(u32),
    /// A body paragraph of the asked chapter, by index.
    Passage(usize),
}

/// The questions `chapter` of `course` can ask: (kind, item) pairs, by kind.
/// `names` says which terms are one idea (the search index's
/// [`crate::search::SearchIndex::synonyms`]), so no question offers two
/// names of its answer.
pub fn candidates(course: &Course, names: Synonyms<'_>, chapter: u32) -> Vec<(Kind, u32)> {
    let mut all = term::items(course, names, chapter)
        .into_iter()
        .map(|i| (Kind::Term, i))
        .collect::<Vec<_>>();
    all.extend(
        which::items(course, chapter)
            .into_iter()
            .map(|i| (Kind::Chapter, i)),
    );
    all.extend(
        order::items(course, chapter)
            .into_iter()
            .map(|i| (Kind::Order, i)),
    );
    all
}

/// The chapters of `course` that can be quizzed, in course order.
pub fn quizzable(course: &Course, names: Synonyms<'_>) -> Vec<u32> {
    course
        .chapters
        .iter()
        .map(|c| c.number)
        .filter(|&n| {
            !order::items(course, n).is_empty()
                || !term::items(course, names, n).is_empty()
                || !which::items(course, n).is_empty()
        })
        .collect()
}

/// A question of `chapter` picked by `seed`: a kind first (each kind the
/// chapter has is as likely), then one of its items. `None` when the
/// chapter has no question.
pub fn pick(course: &Course, names: Synonyms<'_>, chapter: u32, seed: u32) -> Option<QuestionRef> {
    let all = candidates(course, names, chapter);
    let mut kinds: Vec<Kind> = all.iter().map(|(k, _)| *k).collect();
    kinds.dedup();
    let mut rng = Rng::new(&[u64::from(seed), u64::from(chapter), 0x5149]);
    let kind = *kinds.get(rng.below(kinds.len()))?;
    let items: Vec<u32> = all
        .iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, i)| *i)
        .collect();
    let item = *items.get(rng.below(items.len()))?;
    Some(QuestionRef {
        chapter,
        kind,
        item,
        seed,
    })
}

/// Builds the question `reference` names, worded for `l`; `None` when the
/// notes no longer hold it.
pub fn generate(
    course: &Course,
    names: Synonyms<'_>,
    reference: QuestionRef,
    l: Locale,
) -> Option<Question> {
    let draft = match reference.kind {
        Kind::Term => term::draft(course, names, reference),
        Kind::Chapter => which::draft(course, reference),
        Kind::Order => order::draft(course, reference),
    }?;
    let mut order: Vec<usize> = (0..draft.choices.len()).collect();
    let mut rng = Rng::new(&[
        u64::from(reference.seed),
        u64::from(reference.chapter),
        u64::from(reference.item),
        0x0fde,
    ]);
    rng.shuffle(&mut order);
    let answer = order.iter().position(|&i| i == 0)?;
    let shuffled: Vec<&Choice> = order.iter().map(|&i| &draft.choices[i]).collect();
    let fingerprint = fingerprint(reference, &draft.source, &shuffled, answer);
    wording::word(course, reference, &draft, &shuffled, answer, fingerprint, l)
}

/// Five hex digits over what the question is about and offers.
fn fingerprint(reference: QuestionRef, source: &str, choices: &[&Choice], answer: usize) -> String {
    let mut text = format!("{}|{source}|{answer}", reference.id());
    for choice in choices {
        text.push('|');
        text.push_str(&format!("{choice:?}"));
    }
    format!("{:05x}", rng::fnv(&text) & 0xf_ffff)
}

/// The first `n` distinct items of `pool` (in an order drawn from `rng`)
/// that `fits` accepts.
pub(crate) fn draw<T: Clone + PartialEq>(
    rng: &mut Rng,
    mut pool: Vec<T>,
    n: usize,
    fits: impl Fn(&T, &[T]) -> bool,
) -> Option<Vec<T>> {
    rng.shuffle(&mut pool);
    let mut taken: Vec<T> = Vec::with_capacity(n);
    for item in pool {
        if taken.len() == n {
            break;
        }
        if !taken.contains(&item) && fits(&item, &taken) {
            taken.push(item);
        }
    }
    (taken.len() == n).then_some(taken)
}
