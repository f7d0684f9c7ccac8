//! The sound alphabet a Hangul spelling and an English spelling of one word
//! meet in: coarse consonant classes as Korean loanwords render English
//! (ㅍ for p and f, ㅂ for b and v, ㄹ for l and r), a few symbols for
//! English letters that may sound two ways (`ch` as in *epoch* or *chat*,
//! soft `g`, `th`, `z`, an `r` after a vowel), and vowels: a run of vowels
//! is its first one, a Hangul vowel class on one side, the English letter
//! on the other, equal when the letter is commonly heard as that vowel
//! (`a` as ㅏ, ㅐ/ㅔ or ㅓ; `o` as ㅗ, ㅏ, ㅓ or ㅜ). Both spellings are read
//! into this alphabet and compared with [`super::distance`].

/// One sound class. Plain consonants, the vowel class, and ambiguous ones.
pub(crate) type Sound = u8;

/// Any vowel (in tests: a vowel of no known quality).
pub(crate) const VOWEL: Sound = b'V';
/// Hangul vowel classes: ㅏ/ㅑ, ㅐ/ㅔ/ㅒ/ㅖ, ㅓ/ㅕ, ㅗ/ㅛ, ㅜ/ㅠ, ㅡ/ㅢ, ㅣ, and
/// the ones that start with a w (ㅘ ㅙ ㅚ ㅝ ㅞ ㅟ).
pub(crate) const HANGUL_VOWELS: &[u8; 8] = b"12345678";
/// English vowel letters (`w` and `y` among them, as Korean hears them).
/// `I` is an `i` said as in *mind* and *tokenize* (아이).
const ENGLISH_VOWELS: &[u8; 8] = b"aeiouywI";
/// The Hangul vowel classes each English vowel letter is heard as.
const HEARD_AS: [(u8, &[u8]); 8] = [
    (b'a', b"123"),
    (b'e', b"2376"),
    (b'i', b"7"),
    (b'I', b"1"),
    (b'o', b"4135"),
    (b'u', b"35"),
    (b'y', b"71"),
    (b'w', b"8543"),
];

/// A vowel heard where another is written: more than the distance a word
/// of two consonants may reach, so those must agree in every vowel.
const VOWEL_MISHEARD: f32 = 0.45;

/// Whether a sound is a vowel.
pub(crate) fn is_vowel(s: Sound) -> bool {
    s == VOWEL || HANGUL_VOWELS.contains(&s) || ENGLISH_VOWELS.contains(&s)
}

/// The cost of one vowel heard as another: none when the English letter is
/// commonly heard as the Hangul vowel, else a little.
fn vowel_cost(a: Sound, b: Sound) -> f32 {
    if a == b || a == VOWEL || b == VOWEL {
        return 0.0;
    }
    let heard = |letter: u8, class: u8| {
        HEARD_AS
            .iter()
            .any(|&(l, classes)| l == letter && classes.contains(&class))
    };
    if heard(a, b) || heard(b, a) {
        0.0
    } else {
        VOWEL_MISHEARD
    }
}
/// `ng` (ㅇ as a final).
pub(crate) const NG: Sound = b'N';
/// English `ch`: ㅋ (*epoch*) or ㅊ (*chat*).
pub(crate) const CH: Sound = b'K';
/// English soft `g` (*gemma*, *agent*): ㄱ or ㅈ.
pub(crate) const SOFT_G: Sound = b'G';
/// English `th`: ㅅ, ㅆ, ㄷ or ㅌ.
pub(crate) const TH: Sound = b'T';
/// English `z`: ㅈ or ㅅ.
pub(crate) const Z: Sound = b'Z';
/// English `r` after a vowel: ㄹ or silent (*transformer* → 트랜스포머).
pub(crate) const SOFT_R: Sound = b'R';
/// Hangul final ㅅ: a `t` (*robot* → 로봇) or an `s`.
pub(crate) const FINAL_S: Sound = b'X';

/// The plain sounds an ambiguous one may be.
fn members(s: Sound) -> &'static [Sound] {
    match s {
        CH => b"kc",
        SOFT_G => b"gj",
        TH => b"std",
        Z => b"sj",
        SOFT_R => b"l",
        FINAL_S => b"ts",
        b'p' => b"p",
        b'b' => b"b",
        b'k' => b"k",
        b'g' => b"g",
        b't' => b"t",
        b'd' => b"d",
        b's' => b"s",
        b'j' => b"j",
        b'c' => b"c",
        b'l' => b"l",
        b'm' => b"m",
        b'n' => b"n",
        b'h' => b"h",
        NG => b"N",
        _ => b"V",
    }
}

/// Pairs of plain sounds a listener confuses (voiced and voiceless, the
/// affricates): half a substitution.
const NEAR: [(Sound, Sound); 8] = [
    (b'k', b'g'),
    (b'p', b'b'),
    (b't', b'd'),
    (b's', b'j'),
    (b'j', b'c'),
    (b'c', b's'),
    (b'n', NG),
    (b't', b'c'),
];

fn plain_cost(a: Sound, b: Sound) -> f32 {
    if a == b {
        0.0
    } else if NEAR.contains(&(a, b)) || NEAR.contains(&(b, a)) {
        0.5
    } else {
        1.0
    }
}

/// The cost of hearing `a` where `b` is written: 0 when one may be the
/// other, ½ for near sounds, 1 otherwise.
pub(crate) fn substitution(a: Sound, b: Sound) -> f32 {
    if a == b {
        return 0.0;
    }
    match (is_vowel(a), is_vowel(b)) {
        (true, true) => return vowel_cost(a, b),
        (true, false) | (false, true) => return 1.0,
        (false, false) => {}
    }
    let mut best = 1.0f32;
    for &x in members(a) {
        for &y in members(b) {
            best = best.min(plain_cost(x, y));
        }
    }
    best
}

/// The cost of a sound heard on one side only: a vowel or an `h` costs
/// less than a consonant, an `r` after a vowel almost nothing.
pub(crate) fn indel(s: Sound) -> f32 {
    match s {
        SOFT_R => 0.2,
        b'h' => 0.5,
        s if is_vowel(s) => 0.6,
        _ => 1.0,
    }
}

/// Whether a sound is a consonant that counts for a word's shape (not a
/// vowel, a silent-able `r` or an `h`).
pub(crate) fn is_firm(s: Sound) -> bool {
    !is_vowel(s) && !matches!(s, SOFT_R | b'h')
}

/// Pushes `s`, merging it into the previous sound when they are the same
/// (double letters) and a vowel into a vowel before it (a run of vowels
/// sounds as its first).
pub(crate) fn push(out: &mut Vec<Sound>, s: Sound) {
    match out.last() {
        Some(&last) if last == s || (is_vowel(last) && is_vowel(s)) => {}
        _ => out.push(s),
    }
}

/// Every sound is an ASCII byte.
const SOUNDS: usize = 128;

/// [`substitution`] and [`indel`] for every pair of sounds, worked out
/// once: the edit distance reads them per cell.
pub(crate) struct Costs {
    substitution: Vec<[f32; SOUNDS]>,
    indel: [f32; SOUNDS],
}

impl Costs {
    pub fn substitution(&self, a: Sound, b: Sound) -> f32 {
        self.substitution
            .get(usize::from(a))
            .and_then(|row| row.get(usize::from(b)))
            .copied()
            .unwrap_or(1.0)
    }

    pub fn indel(&self, s: Sound) -> f32 {
        self.indel.get(usize::from(s)).copied().unwrap_or(1.0)
    }
}

/// The cost tables (built on first use).
pub(crate) fn costs() -> &'static Costs {
    static COSTS: std::sync::OnceLock<Costs> = std::sync::OnceLock::new();
    COSTS.get_or_init(|| {
        let mut substitution_table = vec![[1.0f32; SOUNDS]; SOUNDS];
        let mut indel_table = [1.0f32; SOUNDS];
        for a in 0..SOUNDS as u8 {
            indel_table[usize::from(a)] = indel(a);
            for b in 0..SOUNDS as u8 {
                substitution_table[usize::from(a)][usize::from(b)] = substitution(a, b);
            }
        }
        Costs {
            substitution: substitution_table,
            indel: indel_table,
        }
    })
}

/// Sounds as text (for tests).
#[cfg(test)]
pub(crate) fn spelled(sounds: Option<Vec<Sound>>) -> String {
    String::from_utf8(sounds.unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_sounds_meet_each_reading() {
        assert_eq!(substitution(CH, b'k'), 0.0);
        assert_eq!(substitution(b'c', CH), 0.0);
        assert_eq!(substitution(SOFT_G, b'j'), 0.0);
        assert_eq!(substitution(TH, b's'), 0.0);
        assert_eq!(substitution(FINAL_S, b't'), 0.0);
        assert_eq!(substitution(b'k', b'g'), 0.5);
        assert_eq!(substitution(b'm', b'k'), 1.0);
        assert_eq!(substitution(VOWEL, b'k'), 1.0);
        // ㅔ for `e`, ㅗ for `o`; but ㅗ is not an `i`.
        assert_eq!(substitution(b'2', b'e'), 0.0);
        assert_eq!(substitution(b'o', b'4'), 0.0);
        assert_eq!(substitution(b'4', b'i'), VOWEL_MISHEARD);
        assert_eq!(costs().substitution(CH, b'k'), 0.0);
        assert_eq!(costs().substitution(b'4', b'i'), VOWEL_MISHEARD);
        assert_eq!(costs().indel(SOFT_R), 0.2);
    }
}
