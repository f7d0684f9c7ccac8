//! Collecting a query's readings: keeping the best weight per (terms, span),
//! adding every name of a matched concept (the typed name at full weight,
//! its translation and siblings lower), multi-word names matched by
//! consecutive words (typos fixed), and words that must be split to match
//! (`gpt2` → `gpt 2`, `도구사용` → `도구 사용`).

use rustc_hash::FxHashMap;

use super::dictionary::TermId;
use super::glossary::Concepts;
use super::index::{Index, F_CAPTIONS};
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
