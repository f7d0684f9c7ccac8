//! What a query means: its words (slots), and for each the index terms it
//! could stand for, each with a tier — exact, stem, prefix, 초성, typo — and
//! the concept names it reaches through the glossary (weighted lower, so an
//! expansion never outranks the word itself). Adjacent words are also tried
//! joined (`멀티 모달`, `alpha go`) and long Hangul words split; a Korean
//! verb in its noun form reads its conjugations, a noun its light verb; a
//! glossary name of several words is also read said with endings
//! (`inflected_name`). What one word alone could stand for is
//! `word_readings`.

use rustc_hash::FxHashMap;

use super::dictionary::TermId;
use super::english_forms::english_forms;
use super::expansions::{
    letter_digit_split, part_group, phrase_ngrams, sound_forms, split_compound, Alts,
};
use super::glossary::Concepts;
use super::index::Index;
use super::inflected_name::name_said_inflected;
use super::normalize::{choseong_query, edit_budget, word_key, Script};
use super::noun_suffix::noun_suffix_forms;
use super::question;
pub(crate) use super::slot::{Form, Slot, Tier};
use super::tokenize::tokens;
use super::verb_forms::{light_verb_forms, nominal_verb_forms, verb_forms};
pub(crate) use super::word_readings::Options;
use super::word_readings::{forms, guessable, FUZZY_FLOOR};

/// Longest query read, in characters; the rest is ignored.
pub(crate) const MAX_QUERY_CHARS: usize = 200;
/// Most words considered.
pub(crate) const MAX_SLOTS: usize = 8;
/// Weight of a single word inside a span the query names as a whole
/// (`reward model`, `멀티 모달`): the span's own match counts more.
const PARTIAL: f32 = 0.5;
/// Most readings kept for one word (or span of words).
const MAX_PER_SPAN: usize = 24;

/// One interpretation: these terms (all in the same field) for these slots.
#[derive(Debug, Clone)]
pub(crate) struct Alt {
    pub terms: Vec<TermId>,
    pub first: usize,
    pub last: usize,
    pub weight: f32,
    pub tier: Tier,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Query {
    pub slots: Vec<Slot>,
    pub alts: Vec<Alt>,
    /// Every word is a common one (`the the the`): searched as written, a
    /// chapter must hold every word.
    pub common_only: bool,
    /// Per slot, the terms of the word as typed (exact or stemmed, no
    /// guesses or translations): what "said as written" looks for.
    pub typed: Vec<Vec<TermId>>,
}

/// Share of a stem match's weight kept by a verb of getting read as
/// finding in a question asking where (see `question`).
const GETTING_AS_FINDING: f32 = 0.9;

/// The slots of a query text (stopwords dropped, unless `keep_common`:
/// then its common English words stay, in their places), and whether it is
/// only common English words, which are then kept: a phrase of several of
/// them (`the the the`) is searched as written rather than emptied; one
/// alone (`the`) is not a question.
pub(crate) fn slots(text: &str, keep_common: bool) -> (Vec<Slot>, bool) {
    let cut: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let mut out: Vec<(usize, Slot)> = Vec::new();
    let mut common: Vec<(usize, Slot)> = Vec::new();
    for tok in tokens(&cut) {
        let Some(k) = word_key(tok.text) else {
            continue;
        };
        if tok.joined {
            let parts: Vec<String> = out
                .iter()
                .filter(|(start, _)| *start >= tok.start)
                .map(|(_, s)| s.key.clone())
                .collect();
            out.retain(|(start, _)| *start < tok.start);
            out.push((tok.start, slot_of(tok.text, tok.start, k, parts)));
        } else if !k.stop || (keep_common && k.script == Script::Latin) {
            out.push((tok.start, slot_of(tok.text, tok.start, k, Vec::new())));
        } else if k.script == Script::Latin {
            common.push((tok.start, slot_of(tok.text, tok.start, k, Vec::new())));
        }
    }
    let common_only = out.is_empty() && common.len() >= 2;
    if common_only {
        out = common;
    }
    let slots = out.into_iter().map(|(_, s)| s).take(MAX_SLOTS).collect();
    (slots, common_only)
}

fn slot_of(text: &str, start: usize, k: super::normalize::WordKey, parts: Vec<String>) -> Slot {
    use unicode_normalization::UnicodeNormalization;
    let stem_text: String = text.nfc().take(k.stem_chars).collect();
    Slot {
        choseong: choseong_query(text),
        key: k.key,
        start,
        script: k.script,
        surface_chars: k.surface_chars,
        stemmed: k.stemmed,
        stem_text,
        parts,
    }
}

/// Parses a query into slots and alternatives. A question's predicates
/// that find nothing (`믿어` in `리더보드 믿어도 돼?`) are its asking, not
/// its topic: the query is read without them (see `question`).
pub(crate) fn parse(index: &Index, concepts: &Concepts, text: &str, opts: Options) -> Query {
    let (slots, common_only) = slots(text, false);
    let query = parse_slots(index, concepts, slots, common_only, opts);
    let covered = |i: usize| query.alts.iter().any(|a| a.first <= i && i <= a.last);
    let asking = question::asking_words(text, &query.slots, |i| !covered(i));
    let mut query = if asking.is_empty() {
        query
    } else {
        let slots = query
            .slots
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !asking.contains(i))
            .map(|(_, s)| s)
            .collect();
        parse_slots(index, concepts, slots, common_only, opts)
    };
    let Some(finding) = index
        .dict
        .get(question::FINDING)
        .filter(|&t| index.df(t) > 0)
    else {
        return query;
    };
    for i in question::getting_verbs(text, &query.slots) {
        let weight = Tier::Stem.weight() * GETTING_AS_FINDING;
        let at = query.alts.partition_point(|a| a.weight >= weight);
        let alt = Alt {
            terms: vec![finding],
            first: i,
            last: i,
            weight,
            tier: Tier::Stem,
        };
        query.alts.insert(at, alt);
    }
    query
}

/// Parses query slots into alternatives (see [`parse`]).
pub(crate) fn parse_slots(
    index: &Index,
    concepts: &Concepts,
    slots: Vec<Slot>,
    common_only: bool,
    opts: Options,
) -> Query {
    let dict = &index.dict;
    let mut alts = Alts::default();
    let mut slot_forms: Vec<Vec<Form>> = Vec::with_capacity(slots.len());
    for (i, slot) in slots.iter().enumerate() {
        let mut fs = forms(index, concepts, slot, opts);
        let exact_found = fs.iter().any(|f| f.tier <= Tier::Stem);
        if slot.script == Script::Hangul {
            fs.extend(light_verb_forms(index, slot));
            fs.extend(nominal_verb_forms(index, slot));
            fs.extend(noun_suffix_forms(index, slot, &fs));
            fs.extend(sound_forms(index, slot, &fs));
        } else if slot.script == Script::Latin {
            fs.extend(english_forms(index, slot));
        }
        for f in &fs {
            if index.df(f.term) > 0 {
                alts.add(vec![f.term], i, i, f.tier.weight() * f.sim, f.tier);
            }
            alts.concepts(
                index,
                concepts,
                concepts.single(f.term),
                (i, i),
                f.tier.weight() * f.sim,
                f.tier,
            );
        }
        alts.concepts(
            index,
            concepts,
            concepts.by_joined(&slot.key),
            (i, i),
            Tier::Exact.weight(),
            Tier::Exact,
        );
        if !slot.parts.is_empty() && !exact_found {
            part_group(index, &slot.parts, i, &mut alts);
        } else if !exact_found && slot.script == Script::Latin {
            let parts = letter_digit_split(&slot.key);
            if parts.len() > 1 {
                part_group(index, &parts, i, &mut alts);
            }
        }
        if !exact_found && slot.script == Script::Hangul {
            split_compound(index, slot, i, &mut alts);
            verb_forms(index, slot, i, &mut alts);
        }
        slot_forms.push(fs);
    }
    // Adjacent words: joined (`멀티 모달`), and as a concept's multi-word name.
    for first in 0..slots.len() {
        for last in first + 1..slots.len().min(first + 4) {
            let group = &slots[first..=last];
            if group.iter().all(|s| s.script == group[0].script) {
                let joined: String = group.iter().map(|s| s.key.as_str()).collect();
                if let Some(t) = dict.get(&joined).filter(|&t| index.df(t) > 0) {
                    alts.add(vec![t], first, last, Tier::Exact.weight(), Tier::Exact);
                } else if opts.fuzzy {
                    let chars: usize = group.iter().map(|s| s.surface_chars).sum();
                    let budget = edit_budget(joined.chars().count(), chars);
                    let found = dict.fuzzy(&joined, budget, FUZZY_FLOOR, |t| {
                        guessable(index, concepts, t)
                    });
                    for (t, d) in found.into_iter().take(3) {
                        let w = Tier::Fuzzy.weight()
                            * (1.0 - d as f32 / joined.chars().count().max(1) as f32);
                        if index.df(t) > 0 {
                            alts.add(vec![t], first, last, w, Tier::Fuzzy);
                        }
                        alts.concepts(
                            index,
                            concepts,
                            concepts.single(t),
                            (first, last),
                            w,
                            Tier::Fuzzy,
                        );
                    }
                }
                alts.concepts(
                    index,
                    concepts,
                    concepts.by_joined(&joined),
                    (first, last),
                    1.0,
                    Tier::Exact,
                );
            }
            phrase_ngrams(index, concepts, &slots, &slot_forms, first, last, &mut alts);
            name_said_inflected(
                index,
                concepts,
                &slots,
                &slot_forms,
                (first, last),
                &mut alts,
            );
        }
    }
    let spans = std::mem::take(&mut alts.spans);
    let mut out: Vec<Alt> = alts
        .map
        .into_iter()
        .filter_map(|((terms, first, last), (weight, tier))| {
            let inside = first == last && spans.iter().any(|&(a, b)| a <= first && first <= b);
            // Inside a span matched as a whole, a word's guesses (completions,
            // typo fixes) are both weaker than the span and costly.
            if inside && tier > Tier::Stem {
                return None;
            }
            let weight = if inside { weight * PARTIAL } else { weight };
            Some(Alt {
                terms,
                first,
                last,
                weight,
                tier,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.terms.cmp(&b.terms))
            .then(a.first.cmp(&b.first))
    });
    // The strongest readings of each span are enough; the rest only cost time.
    let mut per_span: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    out.retain(|a| {
        let n = per_span.entry((a.first, a.last)).or_default();
        *n += 1;
        *n <= MAX_PER_SPAN
    });
    out.truncate(256);
    let typed = slot_forms
        .iter()
        .map(|fs| {
            fs.iter()
                .filter(|f| f.tier <= Tier::Conjugated && index.df(f.term) > 0)
                .map(|f| f.term)
                .collect()
        })
        .collect();
    Query {
        slots,
        alts: out,
        common_only,
        typed,
    }
}
