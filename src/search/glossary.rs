//! Concepts that have an English and a Korean name: the hand-written glossary
//! (`config/glossary.yaml`, read through `crate::yaml`) plus pairs found in
//! the notes themselves, where a term is followed by its other-language name
//! in parentheses: `바이트 페어 인코딩(BPE)`, `Chain of Thought(사고의 사슬)`.
//!
//! And [`Concepts`], those names as the engine uses them: every English and
//! Korean name of an idea (glossary and extracted pairs merged when they share
//! a name), each name reduced to its terms, and lookups from what a query says
//! to the names it could mean — word by word, words joined (`multi modal`), and
//! by single term so that a corrected typo (`agnets` → `agents`) still reaches
//! 에이전트.

use rustc_hash::FxHashMap;

use super::dictionary::{Dictionary, TermId};
use super::normalize::{is_hangul, strip_josa, word_key};
use super::stopwords::is_stopword;
use super::tokenize::{for_each_token, RawToken};
use crate::library::Library;

/// Concept glossary: English and Korean terms for one idea.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub concepts: Vec<Concept>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Concept {
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub ko: Vec<String>,
    /// How auto-captions mishear the English name (`El Marina` for LM
    /// Arena): caption text that means this concept, never typed by users.
    #[serde(default)]
    pub heard: Vec<String>,
}

/// The shipped glossary, compiled in: search understands its concepts
/// whatever the working directory; a configured glossary file adds to it.
const BUILTIN: &str = include_str!("../../config/glossary.yaml");

impl Glossary {
    /// The compiled-in glossary (`config/glossary.yaml` at build time).
    pub fn builtin() -> Glossary {
        // Checked by a unit test; an empty glossary would only weaken search.
        Glossary::parse(BUILTIN).unwrap_or_default()
    }

    /// Adds the concepts of `other` this glossary doesn't have yet.
    pub fn extend(&mut self, other: Glossary) {
        for concept in other.concepts {
            if !self.concepts.contains(&concept) {
                self.concepts.push(concept);
            }
        }
    }

    pub fn parse(text: &str) -> Result<Glossary, crate::yaml::YamlError> {
        #[derive(serde::Deserialize)]
        struct File {
            concepts: Vec<Concept>,
        }
        let f: File = crate::yaml::parse_document(text)?;
        Ok(Glossary {
            concepts: f.concepts,
        })
    }
}

/// Longest parenthesised term considered, in characters.
const MAX_INNER: usize = 40;

/// English–Korean pairs written as `korean(English)` or `English(korean)` in
/// the library's summaries, key points and translations.
pub fn extract_pairs(library: &Library) -> Vec<Concept> {
    let mut out: Vec<Concept> = Vec::new();
    for course in &library.courses {
        for ch in &course.chapters {
            let Some(notes) = &ch.notes else { continue };
            let texts = std::iter::once(notes.summary.as_str())
                .chain(notes.key_points.iter().map(|k| k.detail.as_str()))
                .chain(notes.body.iter().map(|p| p.text.as_str()));
            for text in texts {
                pairs_in(text, &mut out);
            }
        }
    }
    out.sort_by(|a, b| (&a.en, &a.ko).cmp(&(&b.en, &b.ko)));
    out.dedup();
    out
}

/// Finds the pairs in one text.
pub(crate) fn pairs_in(text: &str, out: &mut Vec<Concept>) {
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let Some(close) = text[open + 1..].find(')').map(|i| open + 1 + i) else {
            break;
        };
        let inner = text[open + 1..close].trim();
        if inner.is_empty() || inner.chars().count() > MAX_INNER || inner.contains('(') {
            continue;
        }
        let before = text[..open].trim_end_matches(' ');
        if text[..open].ends_with("  ") {
            continue;
        }
        let hangul_inner = inner.chars().any(is_hangul);
        let latin_inner = inner.chars().filter(char::is_ascii_alphabetic).count() >= 2;
        if latin_inner
            && !hangul_inner
            && inner
                .chars()
                .all(|c| c.is_ascii() && !matches!(c, ':' | ';' | '$' | '='))
        {
            let words = inner.split_whitespace().count();
            let acronym = words == 1 && inner.chars().filter(char::is_ascii_uppercase).count() >= 2;
            let max_words = if acronym {
                inner.chars().count().min(4)
            } else {
                words.clamp(2, 4)
            };
            if let Some(ko) = preceding_phrase(before, max_words, true) {
                push(out, inner, &ko);
            }
        } else if hangul_inner && !inner.chars().any(|c| c.is_ascii_alphanumeric()) {
            let ko_words = inner.split_whitespace().count().clamp(1, 4);
            if let Some(en) = preceding_phrase(before, ko_words.max(2), false) {
                push(out, &en, inner);
            }
        }
    }
}

fn push(out: &mut Vec<Concept>, en: &str, ko: &str) {
    let en = en.trim().trim_matches(|c: char| !c.is_alphanumeric());
    let ko = ko.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if en.is_empty() || ko.is_empty() || is_stopword(&en.to_lowercase()) || is_stopword(ko) {
        return;
    }
    out.push(Concept {
        en: vec![en.to_string()],
        ko: vec![ko.to_string()],
        heard: Vec::new(),
    });
}

/// The words right before a parenthesis that name the thing in it: up to
/// `max_words` words of the same script, stopping at punctuation, at a word
/// carrying a particle, and at stopwords. A capitalised English name
/// (`Chain of Thought`) is taken whole, small connecting words included.
fn preceding_phrase(before: &str, max_words: usize, hangul: bool) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let name = !hangul && before.rsplit(' ').next().is_some_and(capitalised);
    let limit = if name { 5 } else { max_words };
    for (n, w) in before.split(' ').rev().enumerate() {
        if words.len() >= limit || w.is_empty() {
            break;
        }
        let ok_chars = if hangul {
            w.chars().all(is_hangul)
        } else {
            w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        if !ok_chars {
            break;
        }
        let stop = is_stopword(&w.to_lowercase());
        if hangul && (stop || (n > 0 && strip_josa(w).1)) {
            break;
        }
        if !hangul && ((name && !stop && !capitalised(w)) || (!name && stop)) {
            break;
        }
        words.push(w);
    }
    while words.last().is_some_and(|w| is_stopword(&w.to_lowercase())) {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    words.reverse();
    let phrase = words.join(" ");
    (phrase.chars().count() <= MAX_INNER).then_some(phrase)
}

/// One name of a concept.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub text: String,
    pub terms: Vec<TermId>,
    pub concept: u32,
    /// From the hand-written glossary (rather than extracted from the notes).
    pub curated: bool,
    /// Written in Hangul (a Korean name) rather than Latin letters.
    pub hangul: bool,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Concepts {
    pub phrases: Vec<Phrase>,
    /// Concept id → its phrases.
    pub members: Vec<Vec<u32>>,
    /// Term keys joined by a space → phrases.
    by_key: FxHashMap<String, Vec<u32>>,
    /// Term keys joined without separator → phrases.
    by_joined: FxHashMap<String, Vec<u32>>,
    /// Phrases of exactly one term.
    single: FxHashMap<TermId, Vec<u32>>,
    /// Every term of every phrase.
    terms: rustc_hash::FxHashSet<TermId>,
    /// Every name as written ([`name_key`]) → the concepts it names.
    names: FxHashMap<String, Vec<u32>>,
}

/// A name as [`Concepts::same_idea`] compares it: lower-cased, spaces removed.
fn name_key(s: &str) -> String {
    s.to_lowercase().split_whitespace().collect()
}

/// Whether a joined token is one word of code or a number (`im_start`,
/// `llm.c`, `9.11`) rather than a hyphenated English compound
/// (`self-attention`, which captions also say as two words).
fn one_word(token: &RawToken) -> bool {
    token.joined && token.text.contains(['_', '.'])
}

/// The terms of a phrase (stopwords left out). A name written as one word
/// with `_` or `.` (`im_start`, `llm.c`, `9.11`) is that one word, as the
/// notes index it: its parts alone are other words once normalised
/// (`I'm` → `im`, `start`), and would make every "I'm going to start" a
/// mention of the name. Other joins (`GPT-2`) stay their parts.
fn phrase_terms(dict: &mut Dictionary, text: &str) -> Vec<TermId> {
    let mut tokens: Vec<RawToken> = Vec::new();
    for_each_token(text, |t| tokens.push(t));
    let whole: Vec<(usize, usize)> = tokens
        .iter()
        .filter(|t| one_word(t))
        .map(|t| (t.start, t.start + t.chars))
        .collect();
    let inside = |t: &RawToken| {
        whole
            .iter()
            .any(|&(s, e)| s <= t.start && t.start + t.chars <= e)
    };
    let mut kept: Vec<&RawToken> = tokens
        .iter()
        .filter(|t| if t.joined { one_word(t) } else { !inside(t) })
        .collect();
    kept.sort_by_key(|t| t.start);
    let mut terms = Vec::new();
    for t in kept {
        if let Some(k) = word_key(t.text).filter(|k| !k.stop) {
            terms.push(dict.intern(&k.key, k.script, k.choseong.as_deref()));
        }
    }
    terms
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        parent[x as usize] = parent[parent[x as usize] as usize];
        x = parent[x as usize];
    }
    x
}

impl Concepts {
    /// Builds the concept table from the glossary's concepts (curated) and
    /// the extracted ones, merging concepts that share a name.
    pub fn build(curated: &[Concept], extracted: &[Concept], dict: &mut Dictionary) -> Concepts {
        let all: Vec<(&Concept, bool)> = curated
            .iter()
            .map(|c| (c, true))
            .chain(extracted.iter().map(|c| (c, false)))
            .collect();
        let mut raw: Vec<(String, Vec<TermId>, u32, bool)> = Vec::new();
        for (ci, (c, cur)) in all.iter().enumerate() {
            for name in c.en.iter().chain(c.ko.iter()) {
                let name = name.trim();
                if name.is_empty() || name.chars().count() > 80 {
                    continue;
                }
                let terms = phrase_terms(dict, name);
                if !terms.is_empty() && terms.len() <= 6 {
                    raw.push((name.to_string(), terms, ci as u32, *cur));
                }
            }
        }
        let mut parent: Vec<u32> = (0..all.len() as u32).collect();
        let mut first_owner: FxHashMap<Vec<TermId>, u32> = FxHashMap::default();
        for (_, terms, ci, _) in &raw {
            match first_owner.get(terms) {
                Some(&other) => {
                    let (a, b) = (find(&mut parent, other), find(&mut parent, *ci));
                    parent[a.max(b) as usize] = a.min(b);
                }
                None => {
                    first_owner.insert(terms.clone(), *ci);
                }
            }
        }
        let mut concept_of: FxHashMap<u32, u32> = FxHashMap::default();
        let mut out = Concepts::default();
        let mut seen: FxHashMap<(u32, Vec<TermId>), u32> = FxHashMap::default();
        for (text, terms, ci, cur) in raw {
            let root = find(&mut parent, ci);
            let next = concept_of.len() as u32;
            let concept = *concept_of.entry(root).or_insert(next);
            if out.members.len() <= concept as usize {
                out.members.resize_with(concept as usize + 1, Vec::new);
            }
            let named = out.names.entry(name_key(&text)).or_default();
            if !named.contains(&concept) {
                named.push(concept);
            }
            if let Some(&pid) = seen.get(&(concept, terms.clone())) {
                out.phrases[pid as usize].curated |= cur;
                continue;
            }
            let pid = out.phrases.len() as u32;
            seen.insert((concept, terms.clone()), pid);
            let keys: Vec<&str> = terms.iter().map(|&t| dict.key(t)).collect();
            out.by_key.entry(keys.join(" ")).or_default().push(pid);
            out.by_joined.entry(keys.concat()).or_default().push(pid);
            if terms.len() == 1 {
                out.single.entry(terms[0]).or_default().push(pid);
            }
            out.terms.extend(terms.iter().copied());
            out.members[concept as usize].push(pid);
            out.phrases.push(Phrase {
                hangul: text.chars().any(super::normalize::is_hangul),
                text,
                terms,
                concept,
                curated: cur,
            });
        }
        out
    }

    /// Phrases whose term keys, joined by spaces, are `key`.
    pub fn by_key(&self, key: &str) -> &[u32] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }

    /// Phrases whose term keys, joined without spaces, are `joined`.
    pub fn by_joined(&self, joined: &str) -> &[u32] {
        self.by_joined.get(joined).map_or(&[], Vec::as_slice)
    }

    /// Phrases made of this one term.
    pub fn single(&self, term: TermId) -> &[u32] {
        self.single.get(&term).map_or(&[], Vec::as_slice)
    }

    /// Whether the term is part of some concept's name.
    pub fn is_concept_term(&self, term: TermId) -> bool {
        self.terms.contains(&term)
    }

    pub fn phrase(&self, id: u32) -> Option<&Phrase> {
        self.phrases.get(id as usize)
    }

    /// Whether two names are one idea: equal but for case and spaces, or
    /// names of one concept (`에이전트` and `agents`; a configured glossary's
    /// names and the notes' own pairs count like the shipped glossary's).
    pub fn same_idea(&self, a: &str, b: &str) -> bool {
        let (a, b) = (name_key(a), name_key(b));
        if a == b {
            return true;
        }
        match (self.names.get(&a), self.names.get(&b)) {
            (Some(x), Some(y)) => x.iter().any(|c| y.contains(c)),
            _ => false,
        }
    }

    /// All names of the concept a phrase belongs to.
    pub fn siblings(&self, id: u32) -> &[u32] {
        self.phrase(id)
            .and_then(|p| self.members.get(p.concept as usize))
            .map_or(&[], Vec::as_slice)
    }
}
