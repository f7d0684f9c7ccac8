//! Hangul at the letter level: syllables decomposed (NFKD) into one
//! canonical conjoining-jamo alphabet — typed compatibility jamo (ㄱ..ㅣ) map
//! onto it, final consonants onto initial ones, compound vowels and finals
//! are split, so `에이전ㅌ` and `환ㄱ` are prefixes of 에이전트 and 환각 — with
//! loanword spellings 쟈/져/죠/쥬/챠/쳐/쵸/츄 folded onto 자/저/조/주/차/처/초/추,
//! and 초성 (initial consonants) of words and of consonant-only queries.

use unicode_normalization::UnicodeNormalization;

pub(crate) use crate::hangul::{is_syllable, syllable, syllable_parts};

/// Compatibility jamo as typed on a keyboard (ㄱ..ㅣ and the archaic ones).
pub(crate) fn is_compat_jamo(c: char) -> bool {
    ('\u{3131}'..='\u{318E}').contains(&c)
}

/// Any character that belongs to a Hangul word.
pub(crate) fn is_hangul(c: char) -> bool {
    is_syllable(c)
        || is_compat_jamo(c)
        || ('\u{1100}'..='\u{11FF}').contains(&c)
        || ('\u{A960}'..='\u{A97F}').contains(&c)
        || ('\u{D7B0}'..='\u{D7FF}').contains(&c)
        || ('\u{FFA0}'..='\u{FFDC}').contains(&c)
}

/// Canonical jamo for a conjoining jamo: initials and vowels as themselves,
/// finals as the matching initial, compounds split. Other characters pass.
fn canonical(c: char) -> [Option<char>; 2] {
    const FINALS: [(char, Option<char>); 27] = [
        ('ᄀ', None),
        ('ᄁ', None),
        ('ᄀ', Some('ᄉ')),
        ('ᄂ', None),
        ('ᄂ', Some('ᄌ')),
        ('ᄂ', Some('ᄒ')),
        ('ᄃ', None),
        ('ᄅ', None),
        ('ᄅ', Some('ᄀ')),
        ('ᄅ', Some('ᄆ')),
        ('ᄅ', Some('ᄇ')),
        ('ᄅ', Some('ᄉ')),
        ('ᄅ', Some('ᄐ')),
        ('ᄅ', Some('ᄑ')),
        ('ᄅ', Some('ᄒ')),
        ('ᄆ', None),
        ('ᄇ', None),
        ('ᄇ', Some('ᄉ')),
        ('ᄉ', None),
        ('ᄊ', None),
        ('ᄋ', None),
        ('ᄌ', None),
        ('ᄎ', None),
        ('ᄏ', None),
        ('ᄐ', None),
        ('ᄑ', None),
        ('ᄒ', None),
    ];
    match c {
        '\u{11A8}'..='\u{11C2}' => {
            let (a, b) = FINALS[(c as u32 - 0x11A8) as usize];
            [Some(a), b]
        }
        'ᅪ' => [Some('ᅩ'), Some('ᅡ')],
        'ᅫ' => [Some('ᅩ'), Some('ᅢ')],
        'ᅬ' => [Some('ᅩ'), Some('ᅵ')],
        'ᅯ' => [Some('ᅮ'), Some('ᅥ')],
        'ᅰ' => [Some('ᅮ'), Some('ᅦ')],
        'ᅱ' => [Some('ᅮ'), Some('ᅵ')],
        'ᅴ' => [Some('ᅳ'), Some('ᅵ')],
        _ => [Some(c), None],
    }
}

/// Whether a canonical vowel after ㅈ/ㅉ/ㅊ is one of the loanword spellings
/// ㅑ/ㅕ/ㅛ/ㅠ, and its plain counterpart.
fn fold_loanword(prev: Option<char>, c: char) -> char {
    if !matches!(prev, Some('ᄌ' | 'ᄍ' | 'ᄎ')) {
        return c;
    }
    match c {
        'ᅣ' => 'ᅡ',
        'ᅧ' => 'ᅥ',
        'ᅭ' => 'ᅩ',
        'ᅲ' => 'ᅮ',
        other => other,
    }
}

/// Appends one conjoining jamo in canonical form, folding loanword spellings.
fn push_jamo(c: char, out: &mut String) {
    for ch in canonical(c).into_iter().flatten() {
        let prev = out.chars().next_back();
        out.push(fold_loanword(prev, ch));
    }
}

/// The jamo key of Hangul text (already stemmed): NFKD, canonical alphabet,
/// loanword folding. Non-Hangul characters are dropped.
pub(crate) fn jamo_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    if text.chars().all(is_syllable) {
        // Fast path: the NFKD of a syllable by arithmetic.
        for (l, v, t) in text.chars().filter_map(syllable_parts) {
            for j in [
                Some(0x1100 + l),
                Some(0x1161 + v),
                (t > 0).then_some(0x11A7 + t),
            ]
            .into_iter()
            .flatten()
            {
                if let Some(j) = char::from_u32(j) {
                    push_jamo(j, &mut out);
                }
            }
        }
        return out;
    }
    for c in text.nfkd() {
        if is_hangul(c) {
            push_jamo(c, &mut out);
        }
    }
    out
}

/// The initial consonants (초성) of a Hangul word's syllables, in the
/// canonical alphabet; `None` if any character is not a complete syllable.
pub(crate) fn choseong(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        let (lead, _, _) = syllable_parts(c)?;
        out.push(char::from_u32(0x1100 + lead)?);
    }
    (!out.is_empty()).then_some(out)
}

/// If `word` is made only of consonant jamo (ㅇㅇㅈㅌ), at least two of them,
/// the 초성 key it stands for.
pub(crate) fn choseong_query(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        let initial = if ('\u{1100}'..='\u{1112}').contains(&c) {
            c
        } else {
            compat_consonant_to_initial(c)?
        };
        out.push(initial);
    }
    (out.chars().count() >= 2).then_some(out)
}

fn compat_consonant_to_initial(c: char) -> Option<char> {
    const ORDER: &str = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    let i = ORDER.chars().position(|k| k == c)?;
    char::from_u32(0x1100 + i as u32)
}

/// The first two letters of the key of a word that starts with syllable `c`
/// (a cheap filter before normalising the whole word).
pub(crate) fn syllable_pair(c: char) -> Option<(char, char)> {
    let (lead, vowel, _) = syllable_parts(c)?;
    let l = char::from_u32(0x1100 + lead)?;
    let v = char::from_u32(0x1161 + vowel)?;
    let v = canonical(v)[0]?;
    Some((l, fold_loanword(Some(l), v)))
}
