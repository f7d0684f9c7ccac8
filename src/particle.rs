//! Korean particles chosen by how a word sounds, so replies never fall back
//! to the bureaucratic `은(는)` / `을(를)` / `이(가)`.
//!
//! A Korean particle has two shapes, one after a final consonant (받침) and one
//! after a vowel: `시간은` but `챕터는`. The choice depends on the *sound* of
//! the word's end, so this module reads the end of any word a reply may hold:
//! - a Hangul syllable: its final consonant, if any (`ㄹ` counts as a vowel
//!   for `으로/로`: `서울로`);
//! - digits and times, read aloud in Sino-Korean (`3` 삼, `21` 이십일,
//!   `10` 십, `1:35:00` … 영): `21장은`, `1:35:00은`, `9.11은`;
//! - Latin letters: an acronym is read letter by letter (`GPT` 지피티,
//!   `LLM` 엘엘엠), a word by its common Korean loan reading (`me` 미,
//!   `token` 토큰, `app` 앱, `code` 코드).
//!
//! Trailing punctuation, quotes, brackets and Markdown marks are skipped
//! (`**RLHF**`, `「앞으로의 전망」`, `` `abc` ``). A word with nothing readable
//! at its end takes the vowel shape. Pure and total.

/// A particle with its two shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Particle {
    /// Topic: 은 / 는.
    Topic,
    /// Subject: 이 / 가.
    Subject,
    /// Object: 을 / 를.
    Object,
    /// "and/with": 과 / 와.
    With,
    /// Direction or means: 으로 / 로 (로 after ㄹ too).
    Toward,
    /// The polite copula: 이에요 / 예요.
    Copula,
    /// Quoting a name: 이라는 / 라는.
    Named,
}

impl Particle {
    /// The shape after a final consonant, and the shape after a vowel.
    pub(crate) fn shapes(self) -> (&'static str, &'static str) {
        match self {
            Particle::Topic => ("은", "는"),
            Particle::Subject => ("이", "가"),
            Particle::Object => ("을", "를"),
            Particle::With => ("과", "와"),
            Particle::Toward => ("으로", "로"),
            Particle::Copula => ("이에요", "예요"),
            Particle::Named => ("이라는", "라는"),
        }
    }
}

/// How a word ends when read aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// A vowel (or nothing readable).
    Vowel,
    /// The final consonant ㄹ.
    Rieul,
    /// Any other final consonant.
    Consonant,
}

/// The particle's shape that fits after `word`.
pub fn particle(word: &str, p: Particle) -> &'static str {
    let (after_consonant, after_vowel) = p.shapes();
    match (ending(word), p) {
        (Ending::Vowel, _) | (Ending::Rieul, Particle::Toward) => after_vowel,
        _ => after_consonant,
    }
}

/// `word` followed by the right shape of the particle: `with(“21장”, Topic)` → `21장은`.
pub fn with(word: &str, p: Particle) -> String {
    format!("{word}{}", particle(word, p))
}

/// Reads how `word` ends when said aloud.
pub fn ending(word: &str) -> Ending {
    let trimmed = word.trim_end_matches(is_silent);
    let Some(last) = trimmed.chars().next_back() else {
        return Ending::Vowel;
    };
    if let Some(e) = hangul_ending(last) {
        return e;
    }
    if last.is_ascii_digit() {
        return number_ending(trimmed);
    }
    if last.is_ascii_alphabetic() {
        return latin_ending(trimmed);
    }
    if let Some(e) = jamo_ending(last) {
        return e;
    }
    Ending::Vowel
}

/// Characters that are not pronounced at the end of a word.
fn is_silent(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '*' | '_'
                | '`'
                | '~'
                | '"'
                | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | ')'
                | ']'
                | '}'
                | '」'
                | '』'
                | '》'
                | '〉'
                | '>'
                | '.'
                | ','
                | '!'
                | '?'
                | '…'
                | '·'
                | ':'
                | ';'
        )
}

pub(crate) fn hangul_ending(c: char) -> Option<Ending> {
    let (_, _, tail) = crate::hangul::syllable_parts(c)?;
    Some(match tail {
        0 => Ending::Vowel,
        8 => Ending::Rieul,
        _ => Ending::Consonant,
    })
}

/// A lone compatibility jamo, as in 초성 queries (`ㅇㅇㅈㅌ`), read by its name:
/// consonants end in a consonant (기역, 니은 …, 리을 in ㄹ), vowels in a vowel.
fn jamo_ending(c: char) -> Option<Ending> {
    match c {
        'ㄹ' => Some(Ending::Rieul),
        'ㄱ'..='ㅎ' => Some(Ending::Consonant),
        'ㅏ'..='ㅣ' => Some(Ending::Vowel),
        _ => None,
    }
}

/// Sino-Korean reading of the number `text` ends with. Only the last group of
/// digits matters, and within it the last non-zero digit and the zeros after
/// it: `21` 이십일, `30` 삼십, `100` 백, `1000` 천, `10000` 만, `0`/`00` 영.
fn number_ending(text: &str) -> Ending {
    let digits: &str = {
        let start = text
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map_or(text.len(), |(i, _)| i);
        &text[start..]
    };
    let trailing_zeros = digits.bytes().rev().take_while(|b| *b == b'0').count();
    if trailing_zeros == digits.len() {
        return Ending::Consonant; // 영
    }
    match trailing_zeros {
        0 => match digits.bytes().last() {
            // 일, 칠, 팔 end in ㄹ; 삼 ㅁ, 육 ㄱ; 이, 사, 오, 구 in a vowel.
            Some(b'1' | b'7' | b'8') => Ending::Rieul,
            Some(b'3' | b'6') => Ending::Consonant,
            _ => Ending::Vowel,
        },
        // 십, 백, 천, 만 (and 십만 … 천만), 억 (and 십억 … 천억) end in a consonant;
        // 조 (10^12 and up) in a vowel.
        1..=11 => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

/// How a run of Latin letters ends in its Korean reading.
fn latin_ending(text: &str) -> Ending {
    let letters: Vec<char> = text
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let is_acronym = letters.len() == 1
        || (letters.iter().all(|c| c.is_ascii_uppercase()) && letters.len() <= 6);
    let last = letters.last().copied().unwrap_or('a');
    if is_acronym {
        return letter_name_ending(last);
    }
    word_ending(
        &letters
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect::<String>(),
    )
}

/// The end of a letter's Korean name: 엘 and 알 end in ㄹ, 엠 and 엔 in a
/// consonant, every other name (에이, 비, 씨, …, 제트 is read 지) in a vowel.
fn letter_name_ending(letter: char) -> Ending {
    match letter.to_ascii_lowercase() {
        'l' | 'r' => Ending::Rieul,
        'm' | 'n' => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

/// The end of an English word's loan reading, by the spelling of its end:
/// `-l` 엘/ㄹ (model 모델), `-m`/`-n`/`-ng` a nasal (token 토큰, king 킹),
/// a stop after a single short vowel (app 앱, chat 챗, web 웹, book 북); most
/// else ends in a vowel (agent 에이전트, code 코드, data 데이터, help 헬프).
fn word_ending(word: &str) -> Ending {
    let b = word.as_bytes();
    let n = b.len();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let Some(&last) = b.last() else {
        return Ending::Vowel;
    };
    match last {
        b'l' => Ending::Rieul,
        b'm' | b'n' => Ending::Consonant,
        b'g' if n >= 2 && b[n - 2] == b'n' => Ending::Consonant,
        b'k' if n >= 2 && b[n - 2] == b'c' => {
            // back 백, check 체크: a single vowel before "ck" reads as a final ㄱ.
            if n >= 3 && is_vowel(b[n - 3]) && (n < 4 || !is_vowel(b[n - 4])) {
                Ending::Consonant
            } else {
                Ending::Vowel
            }
        }
        b'b' | b'p' | b't' | b'k' => {
            // One short vowel letter right before the stop: app 앱, chat 챗, web 웹, book 북.
            let vowel_before = n >= 2 && is_vowel(b[n - 2]);
            let doubled = n >= 2 && b[n - 2] == last;
            let long_vowel_pair =
                n >= 3 && is_vowel(b[n - 3]) && is_vowel(b[n - 2]) && b[n - 3] != b[n - 2];
            if (vowel_before && !long_vowel_pair) || (doubled && n >= 3 && is_vowel(b[n - 3])) {
                Ending::Consonant
            } else {
                Ending::Vowel
            }
        }
        _ => Ending::Vowel,
    }
}
