//! What one word of a query could stand for in the index: the word itself
//! (exact or stemmed), the words its 초성 spell, a typo fix, a completion —
//! each a [`Form`] with its tier. The query reader (`query`) adds what
//! needs the words around it (spans, glossary names, verb forms).

use super::dictionary::TermId;
use super::glossary::Concepts;
use super::index::Index;
use super::normalize::{edit_budget, Script};
use super::slot::{Form, Slot, Tier};
use super::stopwords::is_stopword;

/// Which kinds of matching to use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub prefix: bool,
    pub fuzzy: bool,
}

/// Weight of a 초성 query matching only the start of a word's 초성.
const CHOSEONG_PREFIX: f32 = 0.85;
/// Most prefix completions taken per word…
const MAX_PREFIX: usize = 24;
/// …and the postings they may touch (at least; or one per chapter).
const PREFIX_POSTINGS: usize = 2_000;
/// Minimum normalised similarity for a typo match.
pub(crate) const FUZZY_FLOOR: f64 = 0.75;

/// Whether a term can match anything: it has postings or names a concept.
fn usable(index: &Index, concepts: &Concepts, t: TermId) -> bool {
    index.df(t) > 0 || concepts.is_concept_term(t)
}

/// Whether a term may be a guess for another word (a completion, a typo
/// fix): usable and not a common word (`teh` is not `the`).
pub(super) fn guessable(index: &Index, concepts: &Concepts, t: TermId) -> bool {
    usable(index, concepts, t) && !is_stopword(index.dict.key(t))
}

fn prefix_ok(slot: &Slot) -> bool {
    match slot.script {
        Script::Hangul => slot.surface_chars >= 2 && slot.choseong.is_none(),
        Script::Latin => slot.surface_chars >= 3 && !slot.key.chars().all(|c| c.is_ascii_digit()),
        Script::Other => false,
    }
}

/// What one word could stand for in the index, best first.
pub(super) fn forms(index: &Index, concepts: &Concepts, slot: &Slot, opts: Options) -> Vec<Form> {
    let dict = &index.dict;
    let mut out = Vec::new();
    let exact = dict.get(&slot.key).filter(|&t| usable(index, concepts, t));
    if let Some(t) = exact {
        let tier = if slot.stemmed {
            Tier::Stem
        } else {
            Tier::Exact
        };
        out.push(Form {
            term: t,
            tier,
            sim: 1.0,
        });
    }
    if let Some(cho) = &slot.choseong {
        let mut found: Vec<(TermId, f32)> = dict
            .with_choseong(cho)
            .iter()
            .filter(|&&t| index.df(t) > 0)
            .map(|&t| (t, 1.0))
            .collect();
        if cho.chars().count() >= 3 {
            // Longer words (`ㄷㅉㄴㅉ` → 들쭉날쭉한), only names: title, key point
            // or summary words and glossary terms.
            let longer = dict
                .choseong_prefixed(cho)
                .filter(|(k, _)| k.len() > cho.len())
                .take(64);
            found.extend(longer.flat_map(|(_, ts)| {
                ts.iter()
                    .filter(|&&t| {
                        index.df(t) > 0 && (index.is_name(t) || concepts.is_concept_term(t))
                    })
                    .map(|&t| (t, CHOSEONG_PREFIX))
            }));
        }
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(index.df(b.0).cmp(&index.df(a.0))));
        out.extend(found.into_iter().take(MAX_PREFIX).map(|(term, sim)| Form {
            term,
            tier: Tier::Choseong,
            sim,
        }));
    }
    let len = slot.key.chars().count();
    let budget = edit_budget(len, slot.surface_chars);
    if opts.fuzzy && exact.is_none() && slot.choseong.is_none() && budget > 0 {
        let found = dict.fuzzy(&slot.key, budget, FUZZY_FLOOR, |t| {
            guessable(index, concepts, t)
        });
        let best = found.first().map_or(0, |&(_, d)| d);
        for (term, d) in found.into_iter().take_while(|&(_, d)| d == best).take(6) {
            let sim = 1.0 - d as f32 / len.max(1) as f32;
            out.push(Form {
                term,
                tier: Tier::Fuzzy,
                sim,
            });
        }
    }
    if opts.prefix && prefix_ok(slot) {
        // A Latin word the notes contain as typed completes only to its
        // inflections (`llm` → `llms`), never to other names (`llm.c`): an
        // expansion must not outrank the word the user typed.
        let typed = exact.filter(|&t| slot.script == Script::Latin && index.df(t) > 0);
        let inflection = |t: TermId| {
            let rest = dict.key(t).get(slot.key.len()..).unwrap_or("");
            matches!(rest, "s" | "es" | "ed" | "ing" | "er" | "ers")
        };
        let mut found: Vec<TermId> = dict
            .prefixed(&slot.key)
            .filter(|&t| Some(t) != exact && guessable(index, concepts, t))
            .filter(|&t| typed.is_none() || inflection(t))
            .take(400)
            .collect();
        found.sort_by_key(|&t| (dict.key(t).len(), std::cmp::Reverse(index.df(t))));
        // Completions are a weak reading: bound the postings they may touch.
        let mut budget = index.docs.len().max(PREFIX_POSTINGS);
        let taken = found.into_iter().take(MAX_PREFIX).take_while(|&t| {
            let ok = budget > 0;
            budget = budget.saturating_sub(index.df(t));
            ok
        });
        out.extend(taken.map(|term| Form {
            term,
            tier: Tier::Prefix,
            sim: 1.0,
        }));
    }
    out
}
