//! Korean suffixes glued to a noun like a particle but not one: `박사급`
//! (PhD-level), `박사수준`, `코딩용` (for coding), `트랜스포머형`. The
//! reader means the noun (`박사`, `코딩`); the notes say the noun, often
//! with the suffix apart or not at all. Read only for a word the course's
//! text does not hold as typed, and only when a noun of two syllables or
//! more remains, so `고급`, `초급`, `사용` and `재사용` (said as written)
//! stay whole.

use super::index::Index;
use super::jamo::is_syllable;
use super::normalize::jamo_key;
use super::slot::{Form, Slot, Tier};

/// Suffixes that make a noun a kind, a level or a use, longest first.
const SUFFIXES: &[&str] = &["수준", "급", "용", "형"];

/// The noun of a word ending in a noun suffix (`박사급` → `박사`), when
/// two whole syllables or more remain.
pub(crate) fn suffix_stem(word: &str) -> Option<&str> {
    let stem = SUFFIXES.iter().find_map(|s| word.strip_suffix(s))?;
    let syllables = stem.chars().filter(|&c| is_syllable(c)).count();
    (syllables >= 2 && syllables == stem.chars().count()).then_some(stem)
}

/// A word typed with a noun suffix (`박사급`) that the course does not hold
/// as typed (`forms` has no exact, stem or conjugated match) read as its
/// noun (`박사`), as surely as a word without its particle.
pub(crate) fn noun_suffix_forms(index: &Index, slot: &Slot, forms: &[Form]) -> Vec<Form> {
    if forms.iter().any(|f| f.tier <= Tier::Conjugated) {
        return Vec::new();
    }
    suffix_stem(&slot.stem_text)
        .and_then(|noun| index.dict.get(&jamo_key(noun)))
        .map(|term| Form {
            term,
            tier: Tier::Stem,
            sim: 1.0,
        })
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::suffix_stem;

    #[test]
    fn a_noun_suffix_leaves_the_noun() {
        assert_eq!(suffix_stem("박사급"), Some("박사"));
        assert_eq!(suffix_stem("박사수준"), Some("박사"));
        assert_eq!(suffix_stem("코딩용"), Some("코딩"));
        assert_eq!(suffix_stem("프로덕션급"), Some("프로덕션"));
    }

    #[test]
    fn a_noun_ending_in_a_suffix_syllable_stays_whole() {
        for word in ["고급", "초급", "사용", "수준", "급", "대형", "GPT급"] {
            assert_eq!(suffix_stem(word), None, "{word}");
        }
    }
}
