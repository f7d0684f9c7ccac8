//! A glossary name of several words said with particles and verb endings.
//! The notes rarely say a name the way a glossary lists it: `동전 던지기`
//! (coin flip) is said `편향된 동전을 던질`, `동전을 던지고`. Each word alone
//! only weighs half inside a span the query names as a whole (see `query`),
//! so the passage that says the name inflected would lose to one saying a
//! sibling name in full. Here the name's words, each in the forms the query
//! reads it in (exact, stem, conjugated), standing together count as the
//! whole name.

use super::dictionary::TermId;
use super::expansions::Alts;
use super::glossary::Concepts;
use super::index::Index;
use super::slot::{Form, Slot, Tier};

/// Most forms of one word combined…
const PER_WORD: usize = 6;
/// …and most combinations read for one name.
const MAX_COMBOS: usize = 24;

/// Reads slots `first..=last`, when they are a concept's name as typed, as
/// that name said with endings: every combination of their words' forms,
/// at the weight of the loosest form.
pub(crate) fn name_said_inflected(
    index: &Index,
    concepts: &Concepts,
    slots: &[Slot],
    forms: &[Vec<Form>],
    (first, last): (usize, usize),
    alts: &mut Alts,
) {
    let (Some(group), Some(group_forms)) = (slots.get(first..=last), forms.get(first..=last))
    else {
        return;
    };
    let keys: Vec<&str> = group.iter().map(|s| s.key.as_str()).collect();
    if group.len() < 2 || concepts.by_key(&keys.join(" ")).is_empty() {
        return;
    }
    let per_word: Vec<Vec<(TermId, Tier)>> = group_forms
        .iter()
        .map(|fs| {
            let mut list: Vec<(TermId, Tier)> = fs
                .iter()
                .filter(|f| f.tier <= Tier::Conjugated && index.df(f.term) > 0)
                .map(|f| (f.term, f.tier))
                .collect();
            list.sort_by_key(|&(t, tier)| (tier, std::cmp::Reverse(index.df(t))));
            list.dedup_by_key(|(t, _)| *t);
            list.truncate(PER_WORD);
            list
        })
        .collect();
    if per_word.iter().any(Vec::is_empty) {
        return;
    }
    let mut combo = vec![0usize; per_word.len()];
    for _ in 0..MAX_COMBOS {
        let picked: Vec<(TermId, Tier)> = combo
            .iter()
            .zip(&per_word)
            .map(|(&c, list)| list[c])
            .collect();
        let tier = picked.iter().map(|p| p.1).max().unwrap_or(Tier::Exact);
        let terms = picked.iter().map(|p| p.0).collect();
        alts.add(terms, first, last, tier.weight(), tier);
        // Next combination.
        let mut j = 0;
        loop {
            let Some(c) = combo.get_mut(j) else {
                return;
            };
            *c += 1;
            if *c < per_word[j].len() {
                break;
            }
            *c = 0;
            j += 1;
        }
    }
}
