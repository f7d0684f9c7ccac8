//! The term each word of a shown text stands for, worked out once per
//! search. Cutting a hit's snippets checks every word around the match
//! against the terms the query matched, and the same words (the query's
//! own above all) come back in snippet after snippet: normalising a word
//! (particles, jamo, stems) costs far more than remembering it.

use rustc_hash::FxHashMap;

use super::dictionary::{Dictionary, TermId};
use super::normalize::lookup_key;

/// Words of the texts of one search (`'t`), each with its term (if the
/// dictionary has its key) and how many of its characters the stem covers.
#[derive(Default)]
pub(crate) struct TokenTerms<'t> {
    seen: FxHashMap<&'t str, Option<(TermId, usize)>>,
}

impl<'t> TokenTerms<'t> {
    /// The term of `token` and its stem's length in characters, as
    /// `lookup_key` and the dictionary give them.
    pub fn get(&mut self, dict: &Dictionary, token: &'t str) -> Option<(TermId, usize)> {
        *self.seen.entry(token).or_insert_with(|| {
            let k = lookup_key(token)?;
            dict.get(&k.key).map(|t| (t, k.stem_chars))
        })
    }
}
