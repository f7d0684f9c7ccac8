//! Concepts as the engine uses them: every English and Korean name of an idea
//! (glossary and extracted pairs merged when they share a name), each name
//! reduced to its terms, and lookups from what a query says to the names it
//! could mean — word by word, words joined (`multi modal`), and by single term
//! so that a corrected typo (`agnets` → `agents`) still reaches 에이전트.

use rustc_hash::FxHashMap;

use super::dictionary::{Dictionary, TermId};
use super::glossary::Concept;
use super::normalize::word_key;
use super::tokenize::for_each_token;

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
}

/// The terms of a phrase (stopwords and synthetic joins left out).
fn phrase_terms(dict: &mut Dictionary, text: &str) -> Vec<TermId> {
    let mut terms = Vec::new();
    for_each_token(text, |t| {
        if t.joined {
            return;
        }
        if let Some(k) = word_key(t.text).filter(|k| !k.stop) {
            terms.push(dict.intern(&k.key, k.script, k.choseong.as_deref()));
        }
    });
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

    /// All names of the concept a phrase belongs to.
    pub fn siblings(&self, id: u32) -> &[u32] {
        self.phrase(id)
            .and_then(|p| self.members.get(p.concept as usize))
            .map_or(&[], Vec::as_slice)
    }
}
