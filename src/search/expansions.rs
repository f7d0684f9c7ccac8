//! Collecting a query's readings: keeping the best weight per (terms, span),
//! adding every name of a matched concept (the typed name at full weight,
//! its translation and siblings lower), multi-word names matched by
//! consecutive words (typos fixed), and words that must be split to match
//! (`gpt2` → `gpt 2`, `도구사용` → `도구 사용`).

use rustc_hash::FxHashMap;

use super::dictionary::TermId;
use super::glossary::Concepts;
use super::index::{Index, F_CAPTIONS};
use super::jamo::{is_syllable, syllable, syllable_parts};
use super::normalize::{jamo_key, word_key};
use super::slot::{Form, Slot, Tier, EXPANSION, EXPANSION_DAMPED};
use super::stopwords::is_stopword;

/// Share of a concept's weight kept by its names of another length than
/// the one typed.
const RELATED: f32 = 0.8;
/// Share of a typo fix's weight kept by an English word found by sound: a
/// guess across scripts, below a typo fix of the same closeness.
const SOUND: f32 = 0.9;

/// Collects alternatives, keeping the best weight per (terms, slots).
#[derive(Default)]
pub(crate) struct Alts {
    pub map: FxHashMap<(Vec<TermId>, usize, usize), (f32, Tier)>,
    /// Slot spans matched as a whole (joined words, multi-word names).
    pub spans: Vec<(usize, usize)>,
}

impl Alts {
    pub fn add(&mut self, terms: Vec<TermId>, first: usize, last: usize, weight: f32, tier: Tier) {
        if first < last && tier <= Tier::Stem {
            self.spans.push((first, last));
        }
        let e = self.map.entry((terms, first, last)).or_insert((0.0, tier));
        if weight > e.0 {
            *e = (weight, tier);
        }
    }

    /// Adds every name of the concepts of `phrases` for slots `first..=last`.
    pub fn concepts(
        &mut self,
        index: &Index,
        concepts: &Concepts,
        phrases: &[u32],
        (first, last): (usize, usize),
        w: f32,
        tier: Tier,
    ) {
        for &p in phrases {
            let Some(own) = concepts.phrase(p) else {
                continue;
            };
            let own_occurs = own.terms.iter().all(|&t| index.df(t) > 0);
            for &q in concepts.siblings(p) {
                let Some(name) = concepts.phrase(q) else {
                    continue;
                };
                if name.terms.iter().any(|&t| index.df(t) == 0) {
                    continue;
                }
                let factor = if name.terms == own.terms {
                    1.0
                } else if own_occurs && name.hangul == own.hangul {
                    EXPANSION_DAMPED
                } else if name.terms.len() != own.terms.len() {
                    // A name of a different length is a related term
                    // (`아하 모먼트` → `emergent`), not a translation
                    // (`aha moment`).
                    EXPANSION * RELATED
                } else {
                    EXPANSION
                };
                self.add(name.terms.clone(), first, last, w * factor, tier);
            }
        }
    }
}

/// Concept names of several words matched by consecutive slots (with typo fixes).
pub(crate) fn phrase_ngrams(
    index: &Index,
    concepts: &Concepts,
    slots: &[Slot],
    forms: &[Vec<Form>],
    first: usize,
    last: usize,
    alts: &mut Alts,
) {
    // Up to three readings per slot: the key itself and the best typo fixes.
    let readings: Vec<Vec<(String, f32, Tier)>> = (first..=last)
        .map(|i| {
            let mut r = vec![(
                slots[i].key.clone(),
                1.0,
                if slots[i].stemmed {
                    Tier::Stem
                } else {
                    Tier::Exact
                },
            )];
            r.extend(
                forms[i]
                    .iter()
                    .filter(|f| f.tier == Tier::Fuzzy)
                    .take(2)
                    .map(|f| (index.dict.key(f.term).to_string(), f.sim, f.tier)),
            );
            r
        })
        .collect();
    let mut combo = vec![0usize; readings.len()];
    loop {
        let keys: Vec<&str> = combo
            .iter()
            .enumerate()
            .map(|(j, &c)| readings[j][c].0.as_str())
            .collect();
        let sim = combo
            .iter()
            .enumerate()
            .map(|(j, &c)| readings[j][c].1)
            .fold(1.0, f32::min);
        let tier = combo
            .iter()
            .enumerate()
            .map(|(j, &c)| readings[j][c].2)
            .max()
            .unwrap_or(Tier::Exact);
        let w = tier.weight() * sim;
        alts.concepts(
            index,
            concepts,
            concepts.by_key(&keys.join(" ")),
            (first, last),
            w,
            tier,
        );
        alts.concepts(
            index,
            concepts,
            concepts.by_joined(&keys.concat()),
            (first, last),
            w,
            tier,
        );
        // Next combination.
        let mut j = 0;
        loop {
            if j == combo.len() {
                return;
            }
            combo[j] += 1;
            if combo[j] < readings[j].len() {
                break;
            }
            combo[j] = 0;
            j += 1;
        }
    }
}

/// `gpt2` → `gpt`, `2`.
pub(crate) fn letter_digit_split(key: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut last_digit = None;
    for c in key.chars() {
        let d = c.is_ascii_digit();
        if last_digit != Some(d) {
            parts.push(String::new());
            last_digit = Some(d);
        }
        if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    parts
}

pub(crate) fn part_group(index: &Index, parts: &[String], slot: usize, alts: &mut Alts) {
    let terms: Option<Vec<TermId>> = parts
        .iter()
        .map(|p| index.dict.get(p).filter(|&t| index.df(t) > 0))
        .collect();
    if let Some(terms) = terms.filter(|t| !t.is_empty()) {
        alts.add(terms, slot, slot, Tier::Stem.weight(), Tier::Stem);
    }
}

/// A compound typed without its space (`도구사용` for `도구 사용`).
pub(crate) fn split_compound(index: &Index, slot: &Slot, i: usize, alts: &mut Alts) {
    let chars: Vec<char> = slot.stem_text.chars().collect();
    if chars.len() < 4 || chars.len() > 12 {
        return;
    }
    for k in 2..=chars.len() - 2 {
        let left: String = chars[..k].iter().collect();
        let right: String = chars[k..].iter().collect();
        let l = index
            .dict
            .get(&jamo_key(&left))
            .filter(|&t| index.df(t) > 0);
        let r = word_key(&right)
            .and_then(|w| index.dict.get(&w.key))
            .filter(|&t| index.df(t) > 0);
        if let (Some(l), Some(r)) = (l, r) {
            alts.add(vec![l, r], i, i, Tier::Stem.weight() * 0.95, Tier::Stem);
        }
    }
}

/// Fewest firm consonants of a Hangul word read as an English word only
/// the captions say.
const SPOKEN_CONSONANTS: usize = 3;

/// English words of the course that a Hangul word sounds like (`에폭`,
/// `애포크` → `epoch`; see `transliteration`), not common ones. A word
/// only the captions say may be everyday speech (`going`, `thorough`) that
/// a short native word sounds like (`고양`, `사료`): it is read only for a
/// word of three firm consonants or more (`어텐션` → `attention`).
pub(crate) fn sounding_like(index: &Index, word: &str) -> Vec<(TermId, f32)> {
    let in_notes = |t: TermId| {
        index
            .postings(t)
            .iter()
            .any(|p| p.fields & !F_CAPTIONS != 0)
    };
    index
        .dict
        .sounding_like(word, |t| index.df(t) > 0 && !is_stopword(index.dict.key(t)))
        .into_iter()
        .filter(|m| m.consonants >= SPOKEN_CONSONANTS || in_notes(m.term))
        .map(|m| (m.term, m.similarity))
        .collect()
}

/// A Hangul word that neither the course's text nor the glossary holds as
/// typed (`forms` has no exact, stem or conjugated match) read as the
/// English words it sounds like, weighed like a typo fix: the notes and
/// captions often keep the English (`epoch`) where the reader types it by
/// ear (`애포크`).
pub(crate) fn sound_forms(index: &Index, slot: &Slot, forms: &[Form]) -> Vec<Form> {
    if forms.iter().any(|f| f.tier <= Tier::Conjugated) {
        return Vec::new();
    }
    sounding_like(index, &slot.stem_text)
        .into_iter()
        .map(|(term, similarity)| Form {
            term,
            tier: Tier::Fuzzy,
            sim: similarity * SOUND,
        })
        .collect()
}

/// Auxiliary `보다` (try) after a verb's 아/어 form: `써볼` is `써` + `볼`.
const TRY_FORMS: &[&str] = &["볼", "봐", "보고", "보는", "본", "봤", "보기", "보려면"];
/// Endings a verb stem takes in a name (`쓸 수 있는 곳`, `쓰는 법`).
const VERB_ENDINGS: &[&str] = &["ㄹ", "ㄴ", "는", "기", "다", "면"];

/// The verb stem of a word typed as a Korean verb form (`써볼` → `쓰`,
/// `먹어봐` → `먹`), when it has one.
pub(crate) fn verb_stem(word: &str) -> Option<String> {
    let rest = TRY_FORMS.iter().find_map(|f| word.strip_suffix(f))?;
    let mut chars: Vec<char> = rest.chars().collect();
    let (lead, vowel, tail) = syllable_parts(*chars.last()?)?;
    if tail != 0 {
        return None;
    }
    // 0 = ㅏ, 4 = ㅓ, 18 = ㅡ; lead 11 = ㅇ.
    match (lead, vowel) {
        // `먹어`, `잡아`: the ending is its own syllable.
        (11, 0 | 4) if chars.len() >= 2 => {
            chars.pop();
        }
        // `써` = `쓰` + `어`: the stem's ㅡ fell out.
        (lead, 0 | 4) if lead != 11 => {
            let stem = syllable(lead, 18, 0)?;
            if let Some(c) = chars.last_mut() {
                *c = stem;
            }
        }
        _ => return None,
    }
    Some(chars.into_iter().collect())
}

/// A Korean verb form (`써볼`) read as its stem with the endings names use
/// (`쓸`, `쓰는`), as a stem match.
pub(crate) fn verb_forms(index: &Index, slot: &Slot, i: usize, alts: &mut Alts) {
    let Some(stem) = verb_stem(&slot.stem_text) else {
        return;
    };
    for ending in VERB_ENDINGS {
        let word = jamo_key(&format!("{stem}{ending}"));
        if let Some(t) = index.dict.get(&word).filter(|&t| index.df(t) > 0) {
            alts.add(vec![t], i, i, Tier::Stem.weight() * 0.9, Tier::Stem);
        }
    }
}

/// A noun typed alone (`예측`) read as its light verb (`예측하`, of
/// `예측하는`; `업데이트되`, of `업데이트된`): the same word, as a stem.
pub(crate) fn light_verb_forms(index: &Index, slot: &Slot) -> Vec<Form> {
    if slot.stem_text.ends_with(['하', '되']) || slot.stem_text.chars().count() < 2 {
        return Vec::new();
    }
    ["하", "되"]
        .iter()
        .filter_map(|verb| index.dict.get(&format!("{}{}", slot.key, jamo_key(verb))))
        .filter(|&t| index.df(t) > 0)
        .map(|term| Form {
            term,
            tier: Tier::Stem,
            sim: 1.0,
        })
        .collect()
}

/// Most conjugated forms read for one stem of a nominalised verb.
const MAX_VERB_FORMS: usize = 12;

/// The stem of a verb typed in its noun form (`기다리기` → `기다리`), when
/// it has a stem of two syllables or more, and the stem's 아/어 form when
/// it contracts (`기다리` → `기다려`, `존중하` → `존중해`, `쓰` → `써`).
pub(crate) fn nominal_stems(word: &str) -> Vec<String> {
    let Some(stem) = word.strip_suffix('기') else {
        return Vec::new();
    };
    let mut chars: Vec<char> = stem.chars().collect();
    if chars.len() < 2 || !chars.iter().all(|&c| is_syllable(c)) {
        return Vec::new();
    }
    let mut out = vec![stem.to_string()];
    let Some(last) = chars.last_mut() else {
        return out;
    };
    let Some((lead, vowel, 0)) = syllable_parts(*last) else {
        return out;
    };
    // ㅣ→ㅕ, ㅡ→ㅓ, ㅗ→ㅘ, ㅜ→ㅝ, ㅚ→ㅙ; 하 → 해 (lead 18 = ㅎ).
    let contracted = match (lead, vowel) {
        (18, 0) => Some(1),
        (_, 20) => Some(6),
        (_, 18) => Some(4),
        (_, 8) => Some(9),
        (_, 13) => Some(14),
        (_, 11) => Some(10),
        _ => None,
    };
    if let Some(c) = contracted.and_then(|v| syllable(lead, v, 0)) {
        *last = c;
        out.push(chars.into_iter().collect());
    }
    out
}

/// A verb typed in its noun form (`기다리기`) read as its conjugations in
/// the notes (`기다리는`, `기다려야겠다`, `기다렸다`): every word that
/// starts with its stem. Two syllables of stem at
/// least, so `하기` is not read as every word starting with `하`.
pub(crate) fn nominal_verb_forms(index: &Index, slot: &Slot) -> Vec<Form> {
    let mut out: Vec<Form> = Vec::new();
    for stem in nominal_stems(&slot.stem_text) {
        let key = jamo_key(&stem);
        let mut found: Vec<TermId> = index
            .dict
            .prefixed(&key)
            .filter(|&t| index.df(t) > 0 && index.dict.key(t) != slot.key)
            .take(4 * MAX_VERB_FORMS)
            .collect();
        found.sort_by_key(|&t| std::cmp::Reverse(index.df(t)));
        out.extend(found.into_iter().take(MAX_VERB_FORMS).map(|term| Form {
            term,
            tier: Tier::Conjugated,
            sim: 1.0,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{nominal_stems, verb_stem};

    #[test]
    fn a_verb_in_its_noun_form_reads_as_its_stems() {
        assert_eq!(nominal_stems("기다리기"), ["기다리", "기다려"]);
        assert_eq!(nominal_stems("존중하기"), ["존중하", "존중해"]);
        assert_eq!(nominal_stems("던지기"), ["던지", "던져"]);
        assert_eq!(nominal_stems("만들기"), ["만들"]);
        for word in ["하기", "쓰기", "모델", "기", "ab기"] {
            assert!(nominal_stems(word).is_empty(), "{word}");
        }
    }

    #[test]
    fn verb_forms_read_as_their_stem() {
        assert_eq!(verb_stem("써볼").as_deref(), Some("쓰"));
        assert_eq!(verb_stem("먹어봐").as_deref(), Some("먹"));
        assert_eq!(verb_stem("꺼보기").as_deref(), Some("끄"));
        for word in ["모델", "볼", "어볼", "있나", "봐"] {
            assert_eq!(verb_stem(word), None, "{word}");
        }
    }
}
