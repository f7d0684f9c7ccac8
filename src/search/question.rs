//! The words of a question that ask rather than name. `리더보드 믿어도 돼?`
//! is about the leaderboard; `믿어` (trust) is how it asks. A Korean
//! question ends in its predicate (`달라`, `틀려`, `딴소리해`) and joins its
//! clauses with predicates too (`물어보면`, `푸는데`). When such a word finds
//! nothing in the notes it is the asking, not a topic the notes lack: it
//! must neither empty the answer (as a missing topic does: `비트코인 가격`)
//! nor, found nowhere and so the rarest word, decide which chapters count as
//! holding the question's words. An English question asking where reads
//! its verb of getting (`where can I try models`) as finding, the way a
//! course names the topic (`where to find LLMs`).

use super::normalize::Script;
use super::slot::Slot;

/// Last syllables of a predicate closing a sentence, plain or polite
/// (`달라`, `틀려`, `믿어`, `해`, `돼`, `할까`, `되나`, `하니`, `뭐지`, `돼요`).
const CLOSING: &[char] = &[
    '아', '어', '여', '해', '돼', '와', '워', '봐', '줘', '라', '려', '져', '쳐', '까', '나', '니',
    '냐', '지', '죠', '요', '래', '야',
];

/// Endings of a predicate joining its clause to the next (`물어보면`,
/// `푸는데`, `쓰니까`, `바꾸려면`, `넣어서`).
const JOINING: &[&str] = &["면", "는데", "은데", "니까", "려면", "아서", "어서", "해서"];

/// Words that make a text a question (`왜`, `어떻게`, `뭐가`).
const QUESTION_WORDS: &[&str] = &[
    "왜",
    "어떻게",
    "언제",
    "어디",
    "어디서",
    "어디에",
    "뭐",
    "뭐가",
    "뭘",
    "뭐야",
    "무슨",
    "무엇",
    "누가",
    "누구",
    "얼마나",
    "몇",
    "어느",
    "어떤",
];

/// Last syllables only a question ends in (`할까`, `하니`, `되냐`, `돼`).
const ASKING: &[char] = &['까', '니', '냐', '돼', '래'];

/// Whether `text` is put as a question: a question mark, a question word,
/// or a last word ending as only a question does.
pub(crate) fn asks(text: &str) -> bool {
    if text.contains(['?', '？']) {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().any(|w| QUESTION_WORDS.contains(w))
        || words
            .last()
            .and_then(|w| w.chars().next_back())
            .is_some_and(|c| ASKING.contains(&c))
}

/// Whether a word of a question is one of its predicates: the last word
/// (`last`) ending as a sentence ends, or any word ending as a clause joins
/// the next. `surface` is the word as typed, so a light verb stripped from
/// its stem (`딴소리해` → `딴소리`) still shows.
pub(crate) fn is_predicate(slot: &Slot, surface: &str, last: bool) -> bool {
    if slot.script != Script::Hangul {
        return false;
    }
    let forms = [surface, slot.stem_text.as_str()];
    let closes = |w: &str| w.chars().next_back().is_some_and(|c| CLOSING.contains(&c));
    let joins = |w: &str| JOINING.iter().any(|e| w.ends_with(e) && w != *e);
    forms.iter().any(|w| joins(w) || (last && closes(w)))
}

/// The words of `text`'s slots that a question asks with and that found
/// nothing (`dead`): their indices, ascending. None unless `text` asks.
pub(crate) fn asking_words(text: &str, slots: &[Slot], dead: impl Fn(usize) -> bool) -> Vec<usize> {
    if !asks(text) {
        return Vec::new();
    }
    let last = slots.len().saturating_sub(1);
    slots
        .iter()
        .enumerate()
        .filter(|&(i, slot)| {
            let surface: String = text
                .chars()
                .skip(slot.start)
                .take(slot.surface_chars)
                .collect();
            dead(i) && is_predicate(slot, &surface, i == last)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Verbs of getting to a thing (`where can I try/use/run/access models`).
const GETTING: &[&str] = &["try", "use", "run", "access"];
/// What a question asking where means by them, as a course says it
/// (`where to find LLMs`).
pub(crate) const FINDING: &str = "find";

/// In an English question asking where (`where can I try models`), the
/// slots whose verb is one of getting to the thing: the question asks
/// where to find it, whatever verb it uses, so the verb also reads as
/// [`FINDING`].
pub(crate) fn getting_verbs(text: &str, slots: &[Slot]) -> Vec<usize> {
    let asks_where = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("where"));
    if !asks_where {
        return Vec::new();
    }
    slots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.script == Script::Latin && GETTING.contains(&s.key.as_str()))
        .map(|(i, _)| i)
        .collect()
}
