//! Names offered by autocomplete — topics and chapters — with the keys a
//! keystroke is compared with (whole name, each word, 초성, all at jamo
//! level), whether each name is the one the choice shows or a hidden alias
//! (so a shown name that starts with the input ranks first, and an alias
//! match can say which alias), and an index by first letter, so a keystroke
//! only looks at the names that could match it even in a library of
//! thousands of chapters.

use rustc_hash::FxHashMap;

use super::normalize::{choseong, is_hangul, jamo_key, latin_key};
use super::tokenize::for_each_token;

/// One name of a choice, in the forms a keystroke is compared with.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    /// As written (shown before the choice when it matched through it).
    pub text: String,
    /// Key of the whole name, spaces removed (`에이전트`, `agent`, `aiagent`).
    pub key: Vec<char>,
    /// Keys of its words (for `arena` → `LM Arena`).
    pub words: Vec<Vec<char>>,
    /// 초성 of a Korean name, spaces removed.
    pub choseong: Option<Vec<char>>,
    /// Whether the choice's label shows this name.
    pub shown: Shown,
}

/// One name to offer: a topic or a chapter.
#[derive(Debug, Clone)]
pub(crate) struct Topic {
    /// Shown in the list (≤ 100 chars once a chapter is added).
    pub label: String,
    /// Sent back as the query.
    pub value: String,
    /// Every name it answers to, one per key.
    pub names: Vec<Name>,
    /// How widely it is discussed, with a bonus for names from titles and key points.
    pub score: f32,
    /// The part of `score` that comes from where it occurs (not from its source).
    pub reach: f32,
    /// Main chapter: course index and chapter number.
    pub chapter: Option<(u32, u32)>,
    /// How the main chapter was chosen: the bonus of the name that named it
    /// (a title beats a key point beats "where it occurs most").
    pub chapter_strength: f32,
    /// Courses it occurs in (indices).
    pub courses: Vec<u32>,
}

/// Whether a choice's label shows one of its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    /// Shown whole: the label (or one side of `한국어 · English`) is this name.
    Whole,
    /// Shown inside a longer name (`Knowledge` of a chapter title
    /// `Hallucinations, Tool Use, Knowledge/Working Memory`).
    Part,
    /// A hidden alias or reading.
    Hidden,
}

impl Topic {
    /// Marks the names the label shows whole (`whole`) and in part
    /// (`parts`), adding those it lacks; every other name is hidden.
    pub fn mark_shown<'a>(
        &mut self,
        whole: impl IntoIterator<Item = &'a str>,
        parts: impl IntoIterator<Item = &'a str>,
    ) {
        for n in &mut self.names {
            n.shown = Shown::Hidden;
        }
        let parts = parts.into_iter().map(|p| (p, Shown::Part));
        for (text, shown) in whole.into_iter().map(|w| (w, Shown::Whole)).chain(parts) {
            let key: Vec<char> = name_key(text).chars().collect();
            if key.is_empty() {
                continue;
            }
            if self.names.iter().all(|n| n.key != key) {
                push_name(self, text);
            }
            if let Some(n) = self.names.iter_mut().find(|n| n.key == key) {
                if n.shown == Shown::Hidden {
                    n.shown = shown;
                }
            }
        }
    }
}

/// Names in display order (most popular topics first; chapters in order),
/// indexed by the first letter of their keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameList {
    pub list: Vec<Topic>,
    /// First key letter → positions in `list`, ascending.
    by_first: FxHashMap<char, Vec<u32>>,
}

impl NameList {
    /// `list` must already be in display order.
    pub fn new(list: Vec<Topic>) -> NameList {
        let mut by_first: FxHashMap<char, Vec<u32>> = FxHashMap::default();
        for (i, t) in list.iter().enumerate() {
            let mut firsts: Vec<char> = t
                .names
                .iter()
                .flat_map(|n| {
                    std::iter::once(&n.key)
                        .chain(&n.words)
                        .chain(&n.choseong)
                        .filter_map(|k| k.first().copied())
                })
                .collect();
            firsts.sort_unstable();
            firsts.dedup();
            for c in firsts {
                by_first.entry(c).or_default().push(i as u32);
            }
        }
        NameList { list, by_first }
    }

    /// Positions of the names with a key starting with one of `firsts`, ascending.
    pub fn starting_with(&self, firsts: &[char]) -> Vec<u32> {
        let mut out: Vec<u32> = firsts
            .iter()
            .filter_map(|c| self.by_first.get(c))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The raw key of each word of a name (particles glued to Latin words dropped).
fn word_keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| {
        if t.joined {
            return;
        }
        let k = if t.text.chars().any(is_hangul) {
            jamo_key(t.text)
        } else {
            latin_key(t.text)
        };
        if !k.is_empty() {
            out.push(k);
        }
    });
    out
}

/// The lookup key of a name: its words' keys (particles kept) concatenated
/// without spaces, so `멀티 모달`, `멀티모달` and `Multi-Modal` compare equal
/// within a script.
pub(crate) fn name_key(text: &str) -> String {
    word_keys(text).concat()
}

fn name_choseong(text: &str) -> Option<String> {
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    choseong(&joined)
}

/// Adds `name` to `t` as a hidden name, unless it has one with that key.
pub(crate) fn push_name(t: &mut Topic, name: &str) {
    let key: Vec<char> = name_key(name).chars().collect();
    if key.is_empty() || t.names.iter().any(|n| n.key == key) {
        return;
    }
    t.names.push(Name {
        text: name.trim().to_string(),
        key,
        words: word_keys(name)
            .into_iter()
            .map(|w| w.chars().collect())
            .collect(),
        choseong: name_choseong(name).map(|c| c.chars().collect()),
        shown: Shown::Hidden,
    });
}

/// How a name matched what was typed, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum How {
    /// The name (or its 초성) starts with the input.
    Prefix,
    /// Each typed word starts a word of the name.
    Words,
    /// Within one edit of a prefix of the name.
    Typo,
}

/// A choice's best match: the choice whose shown name starts with the input
/// comes before one that matches only through a hidden alias or reading;
/// then by how much of the name the input covers (all of it, at least half,
/// less), then (by the caller) by how central the topic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    how: How,
    shown: Shown,
    /// 0 the whole name, 1 at least half of it, 2 less.
    coverage: u8,
    /// Which of the choice's names matched.
    pub name: usize,
}

impl Match {
    pub fn new(how: How, shown: Shown, covered: f32, name: usize) -> Match {
        let coverage = if covered >= 1.0 {
            0
        } else if covered >= 0.5 {
            1
        } else {
            2
        };
        Match {
            how,
            shown,
            coverage,
            name,
        }
    }

    /// Sort key, smaller first: a shown name's prefix, a shown part's or
    /// word's prefix, a hidden name's prefix, a hidden word's prefix, then
    /// typos (shown first); then coverage.
    pub fn rank(&self) -> (u8, u8) {
        let class = match (self.how, self.shown) {
            (How::Prefix, Shown::Whole) => 0,
            (How::Prefix, Shown::Part) | (How::Words, Shown::Whole | Shown::Part) => 1,
            (How::Prefix, Shown::Hidden) => 2,
            (How::Words, Shown::Hidden) => 3,
            (How::Typo, Shown::Whole | Shown::Part) => 4,
            (How::Typo, Shown::Hidden) => 5,
        };
        (class, self.coverage)
    }

    /// Whether it matched through a name the choice doesn't show.
    pub fn hidden(&self) -> bool {
        self.shown == Shown::Hidden
    }
}
