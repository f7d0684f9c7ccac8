//! Turning one word into the key it is indexed and looked up under — the
//! same function for notes and queries.
//!
//! Korean: particles stripped (`josa`), then compared letter by letter
//! (`jamo`: NFKD into one canonical alphabet, loanword spellings folded), so
//! typos and half-typed syllables still line up. Latin: case-folded, accents
//! dropped, plural endings removed; a plus sign between numbers is keyed as
//! the word it is said as (`+` → `plus`). Also: stopwords, 초성, the typo budget.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

pub(crate) use super::jamo::{choseong, choseong_query, is_hangul, is_syllable, jamo_key};
pub(crate) use super::josa::{is_particle, strip_josa};
use super::stopwords::is_stopword;

/// Which writing system a token is in; it decides stemming and fuzziness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    Hangul,
    /// Latin letters and digits (and any other alphabetic script without special handling).
    Latin,
    /// Ideographs, kana and the like: matched exactly.
    Other,
}

/// A word reduced to its lookup key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordKey {
    /// The canonical key (jamo for Hangul, case-folded letters for Latin).
    pub key: String,
    /// Whether a particle or plural ending was removed to get `key`.
    pub stemmed: bool,
    /// How many characters of the surface word the stem covers (for bolding).
    pub stem_chars: usize,
    /// Characters in the surface word.
    pub surface_chars: usize,
    pub script: Script,
    /// 초성 of the stem, for Hangul words made of whole syllables.
    pub choseong: Option<String>,
    /// A stopword: not indexed, not searched.
    pub stop: bool,
}

/// Removes an English plural or possessive ending (`agents` → `agent`,
/// `policies` → `policy`, `LLM's` → `llm`). Expects lower case.
pub(crate) fn stem_english(word: &str) -> (String, bool) {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let n = w.chars().count();
    let ascii = w.is_ascii();
    let stemmed = if !ascii || n <= 3 || w.chars().any(|c| c.is_ascii_digit()) {
        None
    } else if let Some(r) = w.strip_suffix("ies").filter(|_| n > 4) {
        Some(format!("{r}y"))
    } else if let Some(r) = w.strip_suffix("sses") {
        Some(format!("{r}ss"))
    } else if w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes") {
        Some(w[..w.len() - 2].to_string())
    } else if w.ends_with('s')
        && !w.ends_with("ss")
        && !(n >= 5 && (w.ends_with("us") || w.ends_with("is")))
    {
        Some(w[..w.len() - 1].to_string())
    } else {
        None
    };
    match stemmed {
        Some(s) => (s, true),
        None => (w.to_string(), w.len() != word.len()),
    }
}

/// Case-folded, accent-free letters and digits of a Latin (or other) word.
pub(crate) fn latin_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() || b == b'\'' {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
        return out;
    }
    for c in text.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The script of a token from its first meaningful character.
pub(crate) fn script_of(word: &str) -> Script {
    match word.chars().find(|c| !is_combining_mark(*c)) {
        Some(c) if is_hangul(c) => Script::Hangul,
        Some(c) if is_other_script(c) => Script::Other,
        _ => Script::Latin,
    }
}

/// Ideographs and kana: each run is one token, matched exactly.
pub(crate) fn is_other_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Normalises one token (a run of one script) into its key; `None` for
/// tokens with nothing searchable in them.
pub(crate) fn word_key(word: &str) -> Option<WordKey> {
    key_of(word, true)
}

/// [`word_key`] without the 초성 (`choseong` is `None`): for matching a
/// token against known terms, many times per snippet.
pub(crate) fn lookup_key(word: &str) -> Option<WordKey> {
    key_of(word, false)
}

/// The word a plus sign is said as (`+` → `plus`), keyed as that word:
/// the captions say `2 plus 2`, a reader types `2+2` (the glossary pairs
/// the English word with the Korean `더하기`).
pub(crate) fn operator_word(word: &str) -> Option<&'static str> {
    (word == "+").then_some("plus")
}

fn key_of(word: &str, with_choseong: bool) -> Option<WordKey> {
    let surface_chars = word.chars().count();
    if let Some(said) = operator_word(word) {
        return key_of(said, with_choseong).map(|k| WordKey {
            stem_chars: surface_chars,
            surface_chars,
            stemmed: false,
            ..k
        });
    }
    let script = script_of(word);
    let mut cho = None;
    let (key, stemmed, stem_chars, stop) = match script {
        Script::Hangul => {
            let composed: Cow<str> = if word.chars().all(is_syllable) {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(word.nfc().collect())
            };
            let (stem, stemmed) = strip_josa(&composed);
            let stem_chars = if stemmed {
                stem.chars().count()
            } else {
                surface_chars
            };
            let stop = is_stopword(&composed) || is_stopword(stem);
            if with_choseong {
                cho = choseong(stem);
            }
            (jamo_key(stem), stemmed, stem_chars.min(surface_chars), stop)
        }
        Script::Latin => {
            let folded = latin_key(word);
            let (stem, stemmed) = stem_english(&folded);
            let stem = stem.replace(['\'', '’'], "");
            let stop = is_stopword(&folded) || is_stopword(&stem);
            (stem, stemmed, surface_chars, stop)
        }
        Script::Other => {
            let key: String = word.nfkc().flat_map(char::to_lowercase).collect();
            (key, false, surface_chars, false)
        }
    };
    if key.is_empty() {
        return None;
    }
    Some(WordKey {
        key,
        stemmed,
        stem_chars,
        surface_chars,
        script,
        choseong: cho,
        stop,
    })
}

/// How many edits a fuzzy match of this word may take: none for words of one
/// or two characters or fewer than five letters/jamo, one for 5–8, two for 9+.
pub(crate) fn edit_budget(key_chars: usize, surface_chars: usize) -> usize {
    if surface_chars <= 2 {
        0
    } else if key_chars >= 9 {
        2
    } else if key_chars >= 5 {
        1
    } else {
        0
    }
}
