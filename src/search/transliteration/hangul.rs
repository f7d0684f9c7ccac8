//! A Hangul word read aloud into the sound alphabet, as a loanword is
//! written: ㅍ → p, ㅂ → b, ㅋ/ㄲ → k, ㅈ/ㅉ → j, ㅊ → ch, ㄹ → l, a silent
//! initial ㅇ, final ㅇ → ng, and the ㅡ Korean adds after a lone consonant
//! dropped (스 → s, 크 → k: 트랜스포머 → t l V n s p V m V).

use super::sound::{push, Sound, FINAL_S, HANGUL_VOWELS, NG};
use crate::hangul::syllable_parts;

/// ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ (ㅇ: none).
const INITIALS: &[u8; 19] = b"gkndtlmbpss jjcktph";
/// Finals by index (0 = none): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ
/// ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ, as heard at the end of a syllable.
const FINALS: &[u8; 28] = b" kkknnntllllllllmppXXNttktpt";
/// The vowel ㅡ, which loanwords add after a consonant with no vowel.
const EU: u32 = 18;
/// The class of each vowel (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ
/// ㅢ ㅣ) among [`HANGUL_VOWELS`].
const VOWEL_CLASS: &[u8; 21] = b"121232324888458885667";

/// The sounds of a word of Hangul syllables; `None` if any character is not
/// one.
pub(crate) fn sounds(word: &str) -> Option<Vec<Sound>> {
    let mut out = Vec::with_capacity(word.len());
    for c in word.chars() {
        let (lead, vowel, tail) = syllable_parts(c)?;
        let initial = INITIALS.get(lead as usize).copied().unwrap_or(b' ');
        if initial != b' ' {
            push(&mut out, initial);
        }
        // 스, 크: a consonant alone (but 으 is a vowel).
        if !(vowel == EU && tail == 0 && initial != b' ') {
            let class = VOWEL_CLASS.get(vowel as usize).copied().unwrap_or(b'1');
            debug_assert!(HANGUL_VOWELS.contains(&class));
            push(&mut out, class);
        }
        let last = FINALS.get(tail as usize).copied().unwrap_or(b' ');
        match last {
            b' ' => {}
            b'X' => push(&mut out, FINAL_S),
            b'N' => push(&mut out, NG),
            s => push(&mut out, s),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::sound::spelled;
    use super::sounds;

    fn key(word: &str) -> String {
        spelled(sounds(word))
    }

    #[test]
    fn loanwords_read_as_their_consonants_and_vowels() {
        assert_eq!(key("에포크"), "2p4k");
        assert_eq!(key("애포크"), "2p4k");
        assert_eq!(key("에폭"), "2p4k");
        assert_eq!(key("잼마"), "j2m1");
        assert_eq!(key("트랜스포머"), "tl2nsp4m3");
        assert_eq!(key("롤링"), "l4l7N");
        assert_eq!(key("로봇"), "l4b4X");
        assert_eq!(key("에이전트"), "2j3nt");
        assert_eq!(key("으음"), "6m");
    }

    #[test]
    fn other_characters_read_as_nothing() {
        assert_eq!(sounds("ㅇㅈ"), None);
        assert_eq!(sounds("ab"), None);
    }
}
