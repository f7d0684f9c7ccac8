//! Readings of English word forms: a word typed in one form (`hallucinating`,
//! `tokenized`, `making`) read as the other forms of it the course's text
//! says (`hallucination`, `tokenization`, `make`). The index keys English
//! words with their plural removed only, so the word as typed still matches
//! first and exactly; its other forms join as a reading a little weaker
//! (like the Korean verb forms of `verb_forms`), or, for a word the
//! course never says (it may as well be a typo), as weak as a typo fix. Which words are forms of
//! one another is decided by the Snowball English stemmer: the same stem,
//! except a verb made of a noun (`tokenize` of `token`), which the stemmer
//! also reduces to the noun but which names something else.
//! Names and identifiers (`GPT-2`, `llm.c`, `FineWeb`, `LLMs`) are not
//! words with forms and are left alone.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::index::Index;
use super::slot::{Form, Slot, Tier};
use super::stopwords::is_stopword;

/// Fewest letters of a word read for its forms: shorter ones (`use`, `run`)
/// share their stem with too many unrelated words.
const MIN_LETTERS: usize = 4;
/// Fewest letters of the stem the other forms are looked up by.
const MIN_STEM: usize = 3;
/// Most letters a form adds to the longer of the word and its stem
/// (`hallucin` → `hallucinations`): longer words that start alike are
/// other words, and not worth stemming.
const MAX_SUFFIX: usize = 6;
/// Most terms stemmed for one word (a short stem starts many words).
const MAX_STEMMED: usize = 64;
/// Share of a stem match's weight kept by another form of a word.
const FORM: f32 = 0.9;
/// Most forms read for one word.
const MAX_FORMS: usize = 8;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The Snowball stem of an English word's key (`hallucinating` →
/// `hallucin`), when it is a plain lower-case word long enough to have forms.
pub(crate) fn english_stem(key: &str) -> Option<String> {
    let plain = key.len() >= MIN_LETTERS && key.bytes().all(|b| b.is_ascii_lowercase());
    plain.then(|| stemmer().stem(key).into_owned())
}

/// Whether two English words (keys) are forms of one word: the same
/// stem, and not one of them a verb made of the other (`token` →
/// `tokenize`, which the stemmer also reduces to `token`).
pub(crate) fn forms_of_one_word(a: &str, b: &str) -> bool {
    let (Some(stem), Some(other)) = (english_stem(a), english_stem(b)) else {
        return false;
    };
    let base = stem.trim_end_matches(['e', 'i']).len();
    let made_verb = |w: &str| {
        w.get(base..)
            .is_some_and(|t| t.starts_with("iz") || t.starts_with("is"))
    };
    stem == other && made_verb(a) == made_verb(b)
}

/// Whether a word as typed is a name rather than a word with forms: a
/// capital after its first letter (`FineWeb`, `LLMs`, `GPT`), or a digit
/// or joiner in it (`GPT-2`, `llm.c`).
fn is_name(surface: &str) -> bool {
    surface.chars().skip(1).any(|c| c.is_uppercase())
        || surface.chars().any(|c| !c.is_ascii_alphabetic())
}

/// The other forms of an English word that the course's text says
/// (`making` → `make`, `makes`), as a conjugated reading.
pub(crate) fn english_forms(index: &Index, slot: &Slot) -> Vec<Form> {
    if !slot.parts.is_empty() || is_name(&slot.stem_text) || is_stopword(&slot.key) {
        return Vec::new();
    }
    let Some(stem) = english_stem(&slot.key) else {
        return Vec::new();
    };
    // Forms start with the stem less an `e` or `i` it may have gained or
    // changed (`make` of `making`, `happi` of `happy`).
    let prefix = stem.trim_end_matches(['e', 'i']);
    if prefix.len() < MIN_STEM {
        return Vec::new();
    }
    let dict = &index.dict;
    let longest = slot.key.len().max(stem.len()) + MAX_SUFFIX;
    let mut found: Vec<_> = dict
        .prefixed(prefix)
        .filter(|&t| dict.key(t).len() <= longest && dict.key(t) != slot.key && index.df(t) > 0)
        .take(MAX_STEMMED)
        .filter(|&t| {
            let key = dict.key(t);
            !is_stopword(key) && forms_of_one_word(&slot.key, key)
        })
        .collect();
    found.sort_by_key(|&t| std::cmp::Reverse(index.df(t)));
    // A word the course never says may be a typo as well as a form
    // (`pelicanli`): then its forms are a guess, like a typo fix.
    // A word the course says reads its forms as surely as a word without
    // its plural, a little weaker (as `verb_forms` reads a Korean verb).
    let said = dict.get(&slot.key).is_some_and(|t| index.df(t) > 0);
    let (tier, sim) = if said {
        (Tier::Stem, FORM)
    } else {
        (Tier::Fuzzy, 1.0)
    };
    found
        .into_iter()
        .take(MAX_FORMS)
        .map(|term| Form { term, tier, sim })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{english_stem, forms_of_one_word, is_name};

    #[test]
    fn forms_of_one_word_share_a_stem() {
        let stem = |w: &str| english_stem(w).unwrap_or_default();
        assert_eq!(stem("hallucinating"), stem("hallucination"));
        assert_eq!(stem("making"), stem("make"));
        assert_eq!(stem("tokenized"), stem("tokenizing"));
        assert_eq!(stem("trained"), stem("training"));
        assert_ne!(stem("general"), stem("generate"));
    }

    #[test]
    fn a_verb_made_of_a_noun_is_another_word() {
        assert!(forms_of_one_word("tokenized", "tokenization"));
        assert!(forms_of_one_word("tokenizer", "tokenize"));
        assert!(forms_of_one_word("hallucinating", "hallucination"));
        assert!(forms_of_one_word("making", "make"));
        assert!(!forms_of_one_word("token", "tokenize"));
        assert!(!forms_of_one_word("tokenization", "token"));
        assert!(!forms_of_one_word("general", "generate"));
    }

    #[test]
    fn names_and_short_words_have_no_forms() {
        for surface in ["FineWeb", "LLMs", "GPT", "GPT-2", "llm.c", "H100"] {
            assert!(is_name(surface), "{surface}");
        }
        assert!(!is_name("Training"));
        assert_eq!(english_stem("use"), None);
        assert_eq!(english_stem("gpt2"), None);
    }
}
