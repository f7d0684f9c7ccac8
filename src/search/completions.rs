//! Names offered by autocomplete — topics and chapters — with the keys a
//! keystroke is compared with (whole name, each word, 초성, all at jamo
//! level) and an index by first letter, so a keystroke only looks at the
//! names that could match it even in a library of thousands of chapters.

use rustc_hash::FxHashMap;

use super::normalize::{choseong, is_hangul, jamo_key, latin_key};
use super::tokenize::for_each_token;

/// One name to offer: a topic or a chapter.
#[derive(Debug, Clone)]
pub(crate) struct Topic {
    /// Shown in the list (≤ 100 chars once a chapter is added).
    pub label: String,
    /// Sent back as the query.
    pub value: String,
    /// Keys of every name, spaces removed (`에이전트`, `agent`, `aiagent`).
    pub keys: Vec<Vec<char>>,
    /// Keys of every word of every name (for `arena` → `LM Arena`).
    pub words: Vec<String>,
    /// 초성 of the Korean names, spaces removed.
    pub choseong: Vec<String>,
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
                .keys
                .iter()
                .filter_map(|k| k.first().copied())
                .chain(
                    t.words
                        .iter()
                        .chain(&t.choseong)
                        .filter_map(|w| w.chars().next()),
                )
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

pub(crate) fn push_name(t: &mut Topic, name: &str) {
    let key: Vec<char> = name_key(name).chars().collect();
    if !key.is_empty() && !t.keys.contains(&key) {
        t.keys.push(key);
    }
    for w in word_keys(name) {
        if !t.words.contains(&w) {
            t.words.push(w);
        }
    }
    if let Some(c) = name_choseong(name) {
        if !t.choseong.contains(&c) {
            t.choseong.push(c);
        }
    }
}
