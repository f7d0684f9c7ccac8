//! An English word read aloud into the sound alphabet, with the spelling
//! rules a Korean ear follows: digraphs (`ph` → p, `sh` → s, `ck` → k,
//! `ng` → ng, `tion` → s V n), `c` and `g` soft before e/i/y, `x` → ks,
//! `v` → b, `f` → p, `w`/`y` as vowels, a silent final `e`, and an `r`
//! after a vowel that Korean mostly leaves unsaid (*transformer* → 포머).

use super::sound::{push, Sound, CH, NG, SOFT_G, SOFT_R, TH, Z};

/// Longest word read, in letters.
const MAX_LETTERS: usize = 24;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w')
}

/// The sounds of a lower-case ASCII word; `None` for anything else (digits,
/// other scripts, too long).
pub(crate) fn sounds(word: &str) -> Option<Vec<Sound>> {
    let w = word.as_bytes();
    if w.is_empty() || w.len() > MAX_LETTERS || !w.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    // A silent final `e` (*code*, *prompt*'s kin): not after a vowel or in
    // a word of three letters or fewer.
    let n = if w.len() > 3 && w.ends_with(b"e") && !is_vowel(w[w.len() - 2]) {
        w.len() - 1
    } else {
        w.len()
    };
    let full = w;
    let w = &w[..n];
    let at = |i: usize| w.get(i).copied().unwrap_or(0);
    let mut out = Vec::with_capacity(n + 2);
    let mut i = 0;
    while i < n {
        let c = w[i];
        let next = at(i + 1);
        let rest = &w[i..];
        // Doubled letters sound once (`mm`, `ll`, `ss`).
        if i > 0 && c == w[i - 1] && !is_vowel(c) {
            i += 1;
            continue;
        }
        let (sounds, used): (&[Sound], usize) =
            if rest.starts_with(b"tion") || rest.starts_with(b"sion") {
                (b"sVn", 4)
            } else if rest.starts_with(b"tch") {
                (b"c", 3)
            } else if rest.starts_with(b"ture") {
                (b"cVR", 4)
            } else {
                match (c, next) {
                    (b'p', b'h') => (b"p", 2),
                    (b's', b'h') => (b"s", 2),
                    (b'c', b'h') => (&[CH], 2),
                    (b't', b'h') => (&[TH], 2),
                    (b'c', b'k') => (b"k", 2),
                    (b'g', b'h') => (&[], 2),
                    (b'n', b'g') => (&[NG], 2),
                    (b'd', b'g') => (b"j", 2),
                    (b'q', b'u') => (b"kV", 2),
                    (b'w', b'h') => (b"w", 2),
                    (b'c', b'e' | b'i' | b'y') => (b"s", 1),
                    (b'g', b'e' | b'i' | b'y') => (&[SOFT_G], 1),
                    (b'c' | b'k' | b'q', _) => (b"k", 1),
                    (b'x', _) => (b"ks", 1),
                    (b'z', _) => (&[Z], 1),
                    (b'v', _) => (b"b", 1),
                    (b'f', _) => (b"p", 1),
                    (b'r', _) if is_vowel(next) => (b"l", 1),
                    (b'r', _) => (&[SOFT_R], 1),
                    // `h` is heard only before a vowel.
                    (b'h', _) if is_vowel(next) => (b"h", 1),
                    (b'h', _) => (&[], 1),
                    // `i` before a consonant and an `e` (*tokenize*), or `nd`
                    // (*mind*), says 아이.
                    (b'i', _)
                        if !is_vowel(next)
                            && (full.get(i + 2) == Some(&b'e') || rest.starts_with(b"ind")) =>
                    {
                        (b"I", 1)
                    }
                    (c, _) if is_vowel(c) => (std::slice::from_ref(&w[i]), 1),
                    (c, _) => (std::slice::from_ref(&w[i]), usize::from(c > 0)),
                }
            };
        for &s in sounds {
            push(&mut out, s);
        }
        i += used.max(1);
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
    fn spellings_read_as_they_sound() {
        assert_eq!(key("epoch"), "epoK");
        assert_eq!(key("gemma"), "Gema");
        assert_eq!(key("transformer"), "tlanspoRmeR");
        assert_eq!(key("rolling"), "loliN");
        assert_eq!(key("code"), "kod");
        assert_eq!(key("attention"), "atensVn");
        assert_eq!(key("philosophy"), "pilosopy");
        assert_eq!(key("vocab"), "bokab");
        assert_eq!(key("tokenizer"), "tokenIZeR");
        assert_eq!(key("mind"), "mInd");
    }

    #[test]
    fn other_words_read_as_nothing() {
        assert_eq!(sounds("gpt2"), None);
        assert_eq!(sounds("Epoch"), None);
        assert_eq!(sounds(""), None);
        assert_eq!(sounds(&"a".repeat(25)), None);
    }
}
