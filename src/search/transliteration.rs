//! Korean spellings of English words: a query word typed in Hangul the way
//! an English term of the course sounds (`애포크` or `에폭` for *epoch*,
//! `잼마` for *Gemma*), found in notes and captions that keep the English.
//!
//! Both spellings are read into one coarse sound alphabet (`sound`: the
//! consonant classes of loanword spelling, one vowel class) — the Hangul
//! word by its letters (`hangul`), the English word by its spelling rules
//! (`english`) — and compared with a weighted edit distance (`distance`)
//! scaled by length. The course's Latin words are read once, when the
//! dictionary is finished ([`SoundTable::build`]); a query compares its
//! word only with the words of about as many consonants.
//!
//! No well-kept crate fits: the Hangul romanizers (`korean-romanize`) write
//! Revised Romanization (에포크 → `epokeu`), which meets English no better
//! than the jamo do, and the phonetic keys (`rphonetic`) read English only.

mod distance;
mod english;
mod hangul;
mod sound;

use super::term_id::TermId;
use sound::{costs, is_firm, Sound};

/// Fewest firm consonants a word must have to be matched by sound: fewer
/// and too many native words sound like some English word.
const MIN_FIRM: usize = 2;
/// Fewest syllables a Hangul word must have: one says too little.
const MIN_SYLLABLES: usize = 2;
/// The distance allowed per firm consonant of the longer word…
const PER_FIRM: f32 = 0.2;
/// …and at most this much.
const MAX_DISTANCE: f32 = 1.0;
/// Most matches kept for a word.
const MAX_MATCHES: usize = 3;

/// The course's Latin words by sound, grouped by how many firm consonants
/// they hold (a match differs by one at most).
#[derive(Debug, Clone, Default)]
pub(crate) struct SoundTable {
    /// Per firm-consonant count, the words' terms, first firm consonants
    /// and sound keys.
    by_firm: Vec<Vec<Entry>>,
}

#[derive(Debug, Clone)]
struct Entry {
    term: TermId,
    /// The first and last firm consonants.
    ends: (Sound, Sound),
    sounds: Box<[Sound]>,
}

fn firm(key: &[Sound]) -> usize {
    key.iter().filter(|&&s| is_firm(s)).count()
}

/// The first and last firm consonants of a key.
fn firm_ends(key: &[Sound]) -> (Sound, Sound) {
    let mut firm = key.iter().copied().filter(|&s| is_firm(s));
    let first = firm.next().unwrap_or(0);
    (first, firm.next_back().unwrap_or(first))
}

/// Whether two firm consonants at the same end of two words are heard as
/// one another. Within a budget under 1 a match needs it at both ends —
/// dropping either costs 1, and the one sound beside it that may stand for
/// it is an `r` read as ㄹ — and longer words (a budget of 1) are held to
/// it too: a word is compared only with the few that start and end alike,
/// which keeps a lookup to microseconds.
fn ends_agree(a: Sound, b: Sound) -> bool {
    a == b'l' || b == b'l' || costs().substitution(a, b) <= NEAR
}

/// The cost of near consonants (ㄱ for k, ㅂ for p).
const NEAR: f32 = 0.5;

/// A match of a Hangul word by sound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SoundMatch {
    pub term: TermId,
    /// 1 for the same sounds, less the further they are.
    pub similarity: f32,
    /// Firm consonants of the Hangul word (how much it says).
    pub consonants: usize,
}

impl SoundTable {
    /// Reads every English word among `words` (term ids with their keys).
    pub fn build<'a>(words: impl Iterator<Item = (TermId, &'a str)>) -> SoundTable {
        let mut by_firm: Vec<Vec<Entry>> = Vec::new();
        for (term, key) in words {
            let Some(sounds) = english::sounds(key) else {
                continue;
            };
            let n = firm(&sounds);
            if n < MIN_FIRM || sounds.len() > distance::MAX_SOUNDS {
                continue;
            }
            if by_firm.len() <= n {
                by_firm.resize_with(n + 1, Vec::new);
            }
            by_firm[n].push(Entry {
                term,
                ends: firm_ends(&sounds),
                sounds: sounds.into_boxed_slice(),
            });
        }
        SoundTable { by_firm }
    }

    /// The English words `word` (Hangul syllables) sounds like, closest
    /// first, among those that pass `keep`.
    pub fn matches(&self, word: &str, keep: impl Fn(TermId) -> bool) -> Vec<SoundMatch> {
        if word.chars().count() < MIN_SYLLABLES {
            return Vec::new();
        }
        let Some(key) = hangul::sounds(word) else {
            return Vec::new();
        };
        let n = firm(&key);
        if n < MIN_FIRM {
            return Vec::new();
        }
        let (first, last) = firm_ends(&key);
        let mut found: Vec<(f32, TermId, usize)> = Vec::new();
        for (m, bucket) in (n - 1..=n + 1).filter_map(|m| Some((m, self.by_firm.get(m)?))) {
            let max = (PER_FIRM * n.max(m) as f32).min(MAX_DISTANCE);
            for e in bucket {
                if !ends_agree(first, e.ends.0) || !ends_agree(last, e.ends.1) {
                    continue;
                }
                if let Some(d) = distance::within(&key, &e.sounds, max) {
                    if keep(e.term) {
                        found.push((d, e.term, key.len().max(e.sounds.len())));
                    }
                }
            }
        }
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let best = found.first().map_or(0.0, |f| f.0);
        found
            .into_iter()
            .take_while(|f| f.0 <= best)
            .take(MAX_MATCHES)
            .map(|(d, term, longest)| SoundMatch {
                term,
                similarity: 1.0 - d / longest.max(1) as f32,
                consonants: n,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::SoundTable;

    const WORDS: [&str; 6] = [
        "epoch",
        "gemma",
        "transformer",
        "model",
        "token",
        "attention",
    ];

    fn table(words: &[&str]) -> SoundTable {
        SoundTable::build(words.iter().enumerate().map(|(i, w)| (i as u32, *w)))
    }

    fn matched<'a>(t: &SoundTable, words: &[&'a str], query: &str) -> Vec<&'a str> {
        t.matches(query, |_| true)
            .iter()
            .map(|m| words[m.term as usize])
            .collect()
    }

    #[test]
    fn hangul_spellings_find_the_english_word() {
        let t = table(&WORDS);
        for (query, word) in [
            ("에포크", "epoch"),
            ("애포크", "epoch"),
            ("에폭", "epoch"),
            ("잼마", "gemma"),
            ("젬마", "gemma"),
            ("트랜스포머", "transformer"),
            ("어텐션", "attention"),
        ] {
            assert_eq!(matched(&t, &WORDS, query), [word], "{query}");
        }
    }

    #[test]
    fn native_words_and_short_words_find_nothing() {
        let t = table(&WORDS);
        for query in ["사람", "생각", "이", "모두", "그래서", "ab"] {
            assert!(matched(&t, &WORDS, query).is_empty(), "{query}");
        }
    }
}
