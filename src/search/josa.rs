//! Korean particles (josa) and copula endings: stripped from the end of a
//! word, longest first, only when a stem of at least two syllables remains
//! (`에이전트는` → 에이전트, `강화학습에서` → 강화학습, but `나는` stays).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::jamo::is_syllable;
use crate::particle::{hangul_ending, Ending, Particle};

/// Particles stripped from the end of a Hangul word, longest first.
const PARTICLES: &[&str] = &[
    // Case and topic particles, with the common stacked forms.
    "에서부터",
    "으로부터",
    "에서는",
    "에서도",
    "에서의",
    "에게서",
    "으로서",
    "으로써",
    "으로는",
    "으로도",
    "으로의",
    "까지는",
    "부터는",
    "에게는",
    "처럼",
    "만큼",
    "보다",
    "에서",
    "에게",
    "한테",
    "까지",
    "부터",
    "으로",
    "이나",
    "이랑",
    "와는",
    "과는",
    "에는",
    "에도",
    "에의",
    "로는",
    "로도",
    "로서",
    "로써",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "와",
    "과",
    "로",
    "도",
    "만",
    "랑",
    // The copula 이다 on a noun (`환각이란`, `압축이고`, `모델이지만`).
    "이라는",
    "이라고",
    "이라면",
    "이라서",
    "이라도",
    "이지만",
    "이에요",
    "입니다",
    "인가요",
    "이었다",
    "이니까",
    "이란",
    "라는",
    "라고",
    "이다",
    "이야",
    "인가",
    "예요",
    "이고",
    "이며",
    "이면",
    "이지",
    "란",
];

/// Endings of the light verbs 하다 and 되다 on a noun (`다운로드하고`,
/// `설명합니다`, `학습된`): the noun is the word a reader searches for.
const LIGHT_VERB: &[&str] = &[
    "하겠습니다",
    "했습니다",
    "됐습니다",
    "되었습니다",
    "합니다",
    "됩니다",
    "하려면",
    "하려고",
    "하는",
    "하고",
    "하면",
    "하기",
    "하여",
    "하지",
    "해서",
    "해야",
    "했고",
    "했다",
    "했던",
    "하게",
    "되는",
    "되고",
    "되면",
    "되어",
    "돼서",
    "된",
    "될",
    "한",
    "할",
    "해",
    "했",
    // Asked (`학습돼?`, `양자화할까`, `사용하나요`, `학습되나요`): a question
    // about the noun.
    "해요",
    "했어",
    "하나요",
    "하니",
    "하냐",
    "할까",
    "할까요",
    "하죠",
    "돼",
    "돼요",
    "됐어",
    "되나",
    "되나요",
    "되니",
    "되냐",
    "될까",
    "될까요",
    "되죠",
];

/// Most characters in a light-verb ending.
const MAX_LIGHT_VERB_CHARS: usize = 5;

/// Plural marker that may precede a particle (`에이전트들에게`).
const PLURAL: &str = "들";

/// Most characters in a particle.
const MAX_PARTICLE_CHARS: usize = 3;

fn particles() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PARTICLES.iter().copied().collect())
}

fn light_verb_endings() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| LIGHT_VERB.iter().copied().collect())
}

/// Whether a whole Hangul run is a particle (as in `LLM의`, `SFT에서`).
pub(crate) fn is_particle(s: &str) -> bool {
    particles().contains(s)
        || s == PLURAL
        || s.strip_prefix(PLURAL)
            .is_some_and(|r| particles().contains(r))
}

/// Whether `stem` is two or more whole Hangul syllables: what search keeps
/// of a word (`에이전트는` → 에이전트, but `나는` stays).
fn two_syllables(stem: &str) -> bool {
    let mut n = 0;
    for c in stem.chars() {
        if !is_syllable(c) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// `word` without the longest ending of `set` (at most `max` characters)
/// that leaves a stem `stem_ok` accepts.
fn strip_longest<'w>(
    word: &'w str,
    set: &FxHashSet<&str>,
    max: usize,
    stem_ok: &impl Fn(&str) -> bool,
) -> Option<&'w str> {
    // The start of the last `max` characters; from there each character's
    // start, longest suffix first.
    let from = word
        .char_indices()
        .rev()
        .take(max)
        .last()
        .map_or(word.len(), |(i, _)| i);
    word[from..]
        .char_indices()
        .map(|(i, _)| from + i)
        .filter(|&at| set.contains(&word[at..]) && fits_sound(&word[..at], &word[at..]))
        .map(|at| &word[..at])
        .find(|stem| stem_ok(stem))
}

/// Particles that stand inside another (`대국만으로`, `서울까지의`,
/// `모델에서도` is one particle already).
const INNER: &[&str] = &["만", "까지", "부터", "에서", "에게", "한테"];

/// `stem` without an inner particle left by the one just stripped, when a
/// stem `stem_ok` accepts remains; 만 after a number (`수백만으로`) is the
/// number's, not a particle.
fn strip_inner<'w>(stem: &'w str, stem_ok: &impl Fn(&str) -> bool) -> &'w str {
    INNER
        .iter()
        .filter_map(|p| stem.strip_suffix(p).map(|rest| (*p, rest)))
        .find(|&(p, rest)| {
            let number = p == "만" && rest.ends_with(['십', '백', '천', '수', '억']);
            !number && stem_ok(rest)
        })
        .map_or(stem, |(_, rest)| rest)
}

/// Whether `ending` can follow `stem` by sound, as [`crate::particle`]
/// chooses a particle's two shapes: 은, 을, 과, 으로 (and 이, 이나, 이랑)
/// after a final consonant, 는, 가, 를, 와 (and 랑) after a vowel, 로 after
/// a vowel or ㄹ. So `플레이` keeps its 이 (레 ends in a vowel) while `모델이`
/// loses it. The copula's longer forms (`이고`, `이라는`) follow either, and
/// a stem not ending in a Hangul syllable (`GPT-4는`) takes either.
fn fits_sound(stem: &str, ending: &str) -> bool {
    let Some(end) = stem.chars().next_back().and_then(hangul_ending) else {
        return true;
    };
    if ending.starts_with(Particle::Toward.shapes().1) {
        return end != Ending::Consonant;
    }
    let shapes = [
        Particle::Topic,
        Particle::Subject,
        Particle::Object,
        Particle::With,
        Particle::Toward,
    ]
    .map(Particle::shapes);
    // 이 counts alone only: its longer forms are the copula's.
    let consonant_shaped = ["이나", "이랑"].contains(&ending)
        || shapes
            .iter()
            .any(|&(after_consonant, _)| match after_consonant {
                "이" => ending == after_consonant,
                _ => ending.starts_with(after_consonant),
            });
    let vowel_shaped = ending.starts_with("랑")
        || shapes
            .iter()
            .any(|&(_, after_vowel)| ending.starts_with(after_vowel));
    if consonant_shaped {
        end != Ending::Vowel
    } else if vowel_shaped {
        end == Ending::Vowel
    } else {
        true
    }
}

/// The one rule for a Korean word's ending, shared by search and the quiz:
/// one particle (optionally after the plural 들) off the end of `word`,
/// longest first; a word with none loses a light-verb ending instead
/// (`다운로드하고` → 다운로드). Only a stem `stem_ok` accepts is kept: search
/// wants two Hangul syllables ([`strip_josa`]), the quiz, which reads words
/// whole, any two characters (`GPT-4는` → `GPT-4`).
pub(crate) fn strip_ending(word: &str, stem_ok: impl Fn(&str) -> bool) -> &str {
    let mut stem = match strip_longest(word, particles(), MAX_PARTICLE_CHARS, &stem_ok) {
        Some(stem) => strip_inner(stem, &stem_ok),
        None => strip_longest(word, light_verb_endings(), MAX_LIGHT_VERB_CHARS, &stem_ok)
            .unwrap_or(word),
    };
    if let Some(rest) = stem.strip_suffix(PLURAL).filter(|r| stem_ok(r)) {
        stem = rest;
    }
    stem
}

/// Removes one particle (optionally after the plural 들) from the end of a
/// Hangul word, longest first, only when at least two syllables remain; a
/// word with none loses a light-verb ending instead (`다운로드하고` →
/// 다운로드). Returns the stem and whether anything was removed.
pub(crate) fn strip_josa(word: &str) -> (&str, bool) {
    let stem = strip_ending(word, two_syllables);
    (stem, stem.len() != word.len())
}
