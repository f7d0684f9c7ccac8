//! Hangul syllables as Unicode lays them out (가..힣, 19 initials × 21
//! vowels × 28 finals): whether a character or a text is one, and a
//! syllable split into its parts and joined back. One leaf below the
//! library (which tells Korean titles and words apart), search (jamo keys,
//! stems) and the particle rules, so the code-point arithmetic is written
//! once. It imports nothing of the crate.

/// The first syllable, 가.
const SYLLABLE_FIRST: u32 = 0xAC00;
/// The last syllable, 힣.
const SYLLABLE_LAST: u32 = 0xD7A3;
/// Syllables per initial (21 vowels × 28 finals).
const PER_INITIAL: u32 = 588;
/// Syllables per vowel (28 finals, the first none).
const PER_VOWEL: u32 = 28;

/// Whether `c` is a precomposed Hangul syllable (가..힣).
pub fn is_syllable(c: char) -> bool {
    (SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&u32::from(c))
}

/// Whether `text` holds at least one Hangul syllable.
pub fn has_syllable(text: &str) -> bool {
    text.chars().any(is_syllable)
}

/// A syllable's initial, vowel and final indices (final 0 = none), as
/// Unicode numbers them (19 × 21 × 28 from 가).
pub fn syllable_parts(c: char) -> Option<(u32, u32, u32)> {
    let code = u32::from(c).checked_sub(SYLLABLE_FIRST)?;
    is_syllable(c).then_some((
        code / PER_INITIAL,
        code % PER_INITIAL / PER_VOWEL,
        code % PER_VOWEL,
    ))
}

/// The syllable of an initial, vowel and final (see [`syllable_parts`]).
pub fn syllable(lead: u32, vowel: u32, tail: u32) -> Option<char> {
    let code = SYLLABLE_FIRST
        .checked_add(lead.checked_mul(PER_INITIAL)?)?
        .checked_add(vowel.checked_mul(PER_VOWEL)?)?
        .checked_add(tail)?;
    char::from_u32(code).filter(|&c| is_syllable(c))
}
