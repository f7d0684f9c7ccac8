//! What a hit shows as text: the words to bold ([`Matcher`]) and the
//! snippets of its moments, cut only for the hits a search returns
//! ([`Built`]): building a hit decides where it links, cutting its snippets
//! is most of a search's time.

use rustc_hash::{FxHashMap, FxHashSet};

use super::dictionary::{Dictionary, TermId};
use super::index::{F_KEY_POINTS, F_SUMMARY};
use super::jamo::syllable_pair;
use super::normalize::lookup_key;
use super::snippet::{first_match, snippet};
use super::token_terms::TokenTerms;
use super::tokenize::for_each_token;
use super::Hit;
use crate::library::Chapter;

/// Recognises the words to bold: tokens whose term is one the query matched.
pub(crate) struct Matcher<'a> {
    dict: &'a Dictionary,
    /// The matched terms, with the weight of the best reading holding each.
    terms: FxHashMap<TermId, f32>,
    /// First two letters of the matched terms' keys (`'\0'` for a one-letter
    /// key): a token whose key can't start with one of them is skipped
    /// without normalising it.
    pairs: FxHashSet<(char, char)>,
    /// One bit per pair of `pairs` (see [`pair_bit`]): most tokens are
    /// turned away by it without a look in `pairs`.
    pair_bits: u64,
}

/// The bit of a key pair in [`Matcher`]'s `pair_bits`.
fn pair_bit((a, b): (char, char)) -> u64 {
    1 << ((u32::from(a) ^ u32::from(b).rotate_left(3)) % 64)
}

/// The first two letters of a token's key, when they are cheap to know.
fn key_pair(token: &str) -> Option<(char, char)> {
    let mut chars = token.chars();
    let c = chars.next()?;
    if c.is_ascii_alphanumeric() {
        return match chars.next() {
            None => Some((c.to_ascii_lowercase(), '\0')),
            Some(d) if d.is_ascii_alphanumeric() => {
                Some((c.to_ascii_lowercase(), d.to_ascii_lowercase()))
            }
            Some(_) => None,
        };
    }
    syllable_pair(c)
}

impl<'a> Matcher<'a> {
    pub fn new(dict: &'a Dictionary, terms: FxHashMap<TermId, f32>) -> Self {
        let pairs = terms
            .keys()
            .filter_map(|&t| {
                let mut k = dict.key(t).chars();
                Some((k.next()?, k.next().unwrap_or('\0')))
            })
            .collect::<FxHashSet<_>>();
        let pair_bits = pairs.iter().fold(0, |bits, &p| bits | pair_bit(p));
        Matcher {
            dict,
            terms,
            pairs,
            pair_bits,
        }
    }

    /// Whether a matched term's key starts with the pair `p`.
    fn may_start(&self, p: (char, char)) -> bool {
        self.pair_bits & pair_bit(p) != 0 && self.pairs.contains(&p)
    }

    pub fn check(&self, token: &str) -> Option<usize> {
        self.matched(token).map(|(chars, _)| chars)
    }

    /// [`Matcher::check`], with the words of this search's texts
    /// normalised once (`words`).
    pub fn check_in<'t>(&self, token: &'t str, words: &mut TokenTerms<'t>) -> Option<usize> {
        if key_pair(token).is_some_and(|p| !self.may_start(p)) {
            return None;
        }
        let (t, stem_chars) = words.get(self.dict, token)?;
        self.terms.contains_key(&t).then_some(stem_chars)
    }

    /// For a token the query matched: how many leading characters to bold
    /// and the weight of the reading.
    fn matched(&self, token: &str) -> Option<(usize, f32)> {
        if key_pair(token).is_some_and(|p| !self.may_start(p)) {
            return None;
        }
        let k = lookup_key(token)?;
        let t = self.dict.get(&k.key)?;
        self.terms.get(&t).map(|&w| (k.stem_chars, w))
    }

    /// The weight of the best reading matched in `text` (0 for none).
    pub(crate) fn best_in(&self, text: &str) -> f32 {
        let mut best = 0.0f32;
        for_each_token(text, |t| {
            if let Some((_, w)) = self.matched(t.text) {
                best = best.max(w);
            }
        });
        best
    }
}

/// A hit before its snippets are cut: only the hits shown need them.
pub(crate) struct Built<'a> {
    pub hit: Hit,
    /// Whether the chapter says the query (see `moments::build`).
    pub said: bool,
    /// What each moment's snippet is cut from, in order.
    pub sources: Vec<SnippetOf<'a>>,
    pub matcher: Matcher<'a>,
}

/// The text a moment's snippet comes from.
pub(crate) enum SnippetOf<'a> {
    /// A passage's text and the character to centre on.
    Passage(&'a str, usize),
    /// The chapter's matching name field (its start is the moment).
    Field(&'a Chapter, u8),
}

impl<'a> Built<'a> {
    /// The hit with its snippets; `words` remembers the words of the texts
    /// cut so far in this search.
    pub fn finish(self, words: &mut TokenTerms<'a>) -> Hit {
        let Built {
            mut hit,
            sources,
            matcher,
            ..
        } = self;
        let mut check = |t: &'a str| matcher.check_in(t, words);
        for (moment, source) in hit.moments.iter_mut().zip(sources) {
            moment.snippet = match source {
                SnippetOf::Passage(text, center) => snippet(text, center, &mut check),
                SnippetOf::Field(chapter, field) => field_snippet(chapter, field, &matcher),
            };
        }
        hit
    }
}

/// The snippet of a name field: the matching title, alias, key point or
/// part of the summary — the one holding the best reading, so a Korean
/// alias typed as such shows before the English name it also reaches.
fn field_snippet(chapter: &Chapter, field: u8, matcher: &Matcher) -> String {
    let mut check = |t: &str| matcher.check(t);
    let texts: Vec<String> = match (field, &chapter.notes) {
        (F_KEY_POINTS, Some(n)) => n.key_points.iter().map(|k| k.plain()).collect(),
        (F_SUMMARY, Some(n)) => std::iter::once(n.summary.clone())
            .chain(n.lead_summary.clone())
            .collect(),
        _ => std::iter::once(chapter.title_ko.clone())
            .chain(std::iter::once(chapter.title.clone()))
            .chain(chapter.aliases.iter().cloned())
            .collect(),
    };
    let mut best: Option<(&String, f32)> = None;
    for text in &texts {
        let w = matcher.best_in(text);
        if w > best.map_or(0.0, |(_, b)| b) {
            best = Some((text, w));
        }
    }
    match best.or(texts.first().map(|t| (t, 0.0))) {
        Some((text, _)) => {
            let center = first_match(text, &mut check).unwrap_or(0);
            snippet(text, center, &mut check)
        }
        None => String::new(),
    }
}
